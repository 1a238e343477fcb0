"""The communes a buyer can filter products by: those that public products of approved sellers come from."""

from django.core.cache import cache
from oscar.core.loading import get_model

from vietnam.geography import ward_name
from vietnam.text import fold

COMMUNES_KEY = "catalog-communes-of-public-products"
# Seconds the list is kept; saving a product or a seller forgets it at once.
COMMUNES_TIMEOUT = 300


def communes_of_public_products():
    """(code, name) of the communes and wards public products come from, by name.

    Kept in the cache (finding them reads the whole product table) until a product is saved.
    """

    def communes():
        products = get_model("catalogue", "Product").objects
        public = products.browsable().of_public_sellers().exclude(origin_code=None)
        codes = public.order_by().values_list("origin_code", flat=True).distinct()
        named = [(code, ward_name(code)) for code in codes]
        return sorted((item for item in named if item[1]), key=lambda item: fold(item[1]))

    return cache.get_or_set(COMMUNES_KEY, communes, COMMUNES_TIMEOUT)


def forget_communes():
    """A product or a seller was saved: its commune may be new to the filter, or gone from it."""
    cache.delete(COMMUNES_KEY)
