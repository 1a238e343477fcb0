from oscar.apps.shipping import repository
from oscar.core.loading import get_class

from vietnam.geography import province_code_by_name
from vietnam.showing import kept

from .fees import ZoneTable

SentBySeller = get_class("shipping.methods", "SentBySeller")


class Repository(repository.Repository):
    """Oscar's shipping repository; its one method charges each seller's fee for the address's province."""

    def get_available_shipping_methods(self, basket, shipping_addr=None, **kwargs):
        """Overrides Oscar's free shipping: one method, priced for the province the address names (if any).

        The zones are kept in memory (vietnam.showing.kept) for a request's shop: a zone's change starts the
        storefront's next generation (shop/pagecache.py).
        """
        province = province_code_by_name(shipping_addr.state) if shipping_addr is not None else None
        return [SentBySeller(province, zones=kept(kwargs.get("request"), ("delivery-zones",), ZoneTable.load))]
