"""Oscar's pricing and availability, with one marketplace rule: only approved sellers sell."""

from oscar.apps.partner import strategy
from oscar.apps.partner.availability import Unavailable


class SellerApproved:
    """Availability mixin: a product of a seller who is not (or no longer) approved cannot be bought.

    It guards adding to the basket, the basket's own refresh and checkout alike, so a seller
    suspended while her product sits in someone's basket sells nothing more.
    """

    def availability_policy(self, product, stockrecord):
        # Her product's seller is its stock record's partner (StockRecord.clean); listings load it.
        if product.seller_id and not product.seller.is_public:
            return Unavailable()
        return super().availability_policy(product, stockrecord)


class Default(SellerApproved, strategy.Default):
    """Oscar's default strategy (first stock record, stock required, no tax), sellers approved."""

    def fetch_for_line(self, line, stockrecord=None):
        """Overrides Oscar's, which looks the product's stock record up again: a line is priced by its own."""
        return self.fetch_for_product(line.product, stockrecord or line.stockrecord)


class Selector(strategy.Selector):
    def strategy(self, request=None, user=None, **kwargs):
        return Default(request)
