"""Product listings: filters that combine (category, OCOP stars, commune, price, stock) and sort orders.

The catalogue, category and search pages all list products through `product_listing()`, from
the query string, so a filtered page can be shared and reloaded. Price and stock come from the
product's stock record, the one Oscar's pricing shows on the card.
"""

from django.conf import settings
from django.core.paginator import Paginator
from oscar.core.loading import get_model

from .forms import ProductFilterForm
from .search import search_products, suggest_products

Product = get_model("catalogue", "Product")


def product_listing(params, *, category=None):
    """(filter form, page of products) for a listing's query string: `q`, the filters, `sort`, `page`.

    With `q` it is a search (best match first unless another sort is chosen); with `category`
    only that category's products (and its subcategories') are listed.
    """
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
