"""Product listings: filters that combine (category, OCOP stars, commune, price, stock) and sort orders.

The catalogue, category and search pages all list products through `product_listing()`, from
the query string, so a filtered page can be shared and reloaded. Price and stock come from the
product's stock record, the one Oscar's pricing shows on the card.
"""

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from oscar.core.loading import get_model

from vietnam.geography import ward_name
from vietnam.text import fold

from .search import search_products, suggest_products

Product = get_model("catalogue", "Product")

# Seconds the list of communes that products come from is kept (see communes_of_public_products).
COMMUNES_TIMEOUT = 300



def product_listing(params, *, category=None):
    """(filter form, page of products) for a listing's query string: `q`, the filters, `sort`, `page`.

    With `q` it is a search (best match first unless another sort is chosen); with `category`
    only that category's products (and its subcategories') are listed.
    """
    from .forms import ProductFilterForm

    form = ProductFilterForm(params, category=category)
    products = Product.objects.for_cards()
    if category is not None:
        products = products.in_category(category)
    if form.query:
        products = search_products(products, form.query)
    products = form.filter(products)
    page = Paginator(products, settings.OSCAR_PRODUCTS_PER_PAGE).get_page(params.get("page"))
    return form, page


def suggestions_for(query, limit=8):
    """What to offer when a search of the public products found nothing (catalog.search.Suggestions)."""
    return suggest_products(Product.objects.for_cards(), query, limit)


COMMUNES_KEY = "catalog-communes-of-public-products"


def communes_of_public_products():
    """(code, name) of the communes and wards public products come from, by name.

    Kept in the cache (finding them reads the whole product table) until a product is saved.
    """

    def communes():
        public = Product.objects.browsable().filter(seller__status="approved").exclude(origin_code=None)
        codes = public.order_by().values_list("origin_code", flat=True).distinct()
        named = [(code, ward_name(code)) for code in codes]
        return sorted((item for item in named if item[1]), key=lambda item: fold(item[1]))

    return cache.get_or_set(COMMUNES_KEY, communes, COMMUNES_TIMEOUT)


def forget_communes():
    """A product was saved: its commune may be new to the filter, or gone from it."""
    cache.delete(COMMUNES_KEY)
