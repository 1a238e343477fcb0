"""Product listings: filters that combine (category, OCOP stars, commune, price, stock) and sort orders.

The catalogue, category and search pages all list products through `product_listing()`, from
the query string, so a filtered page can be shared and reloaded. Price and stock come from the
product's stock record, the one Oscar's pricing shows on the card.

A listing finds its page's ids, no more: the cards are most often kept drawn (catalog/cards.py), and the
products are read, with what a card shows, only for one that must be drawn.
"""

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, Window
from oscar.core.loading import get_model

from vietnam.showing import kept

from .cards import listed
from .forms import ProductFilterForm, browsable_categories
from .models import CARD_PREFETCHES, NEWEST
from .search import search_products, suggest_products

Product = get_model("catalogue", "Product")


def product_listing(params, *, category=None, categories=None):
    """(filter form, page of products) for a listing's query string: `q`, the filters, `sort`, `page`.

    With `q` it is a search (best match first unless another sort is chosen); with `category`
    only that category's products (and its subcategories') are listed. `categories` are the public
    ones by id (`public_categories()`), read from the database if not given.
    """
    form = ProductFilterForm(params, category=category, categories=categories)
    products = Product.objects.for_cards()
    if category is not None:
        products = products.in_category(category)
    if form.query:
        products = search_products(products, form.query)
    products = form.filter(products)
    ids = products.prefetch_related(None).values_list("pk", flat=True)
    # Newest first, the date's index hands over one page without reading the rest, and COUNT reads the matches
    # the cheapest way; counting them in the page's query made a category of 10,000 products 5 times slower.
    ranks_every_product = form.query or (form.valid_data.get("sort") or form.default_sort) != NEWEST
    paginator_class = CountingPaginator if ranks_every_product else Paginator
    page = paginator_class(ids, settings.OSCAR_PRODUCTS_PER_PAGE).get_page(params.get("page"))
    page.object_list = listed(list(page.object_list), Product.objects.for_cards, *CARD_PREFETCHES)
    return form, page


def public_categories(request):
    """The public categories by id, in the tree's order: kept (vietnam.showing.kept), as every listing reads them."""
    return kept(request, ("categories",), browsable_categories)


class CountingPaginator(Paginator):
    """Django's paginator of ids, but they are counted by the query that finds the page.

    A listing that ranks every product it lists (a search by relevance, any listing by price or sales) reads them
    all to find one page; counting them in that same query (COUNT(*) OVER ()) spares the second reading that
    Paginator's COUNT would make. Newest first is left to Paginator: there the count would cost the reading the
    date's index saves (measured at 20,000 products, `manage.py benchmark_search`).
    """

    def get_page(self, number):
        """The page `number` and the count, from one reading of the matches; any other number as Django has it."""
        try:
            wanted = int(number)
        except (TypeError, ValueError):
            wanted = 1  # as Django's: a page "abc" is the first
        if wanted < 1 or self.orphans:
            return super().get_page(number)
        bottom = (wanted - 1) * self.per_page
        counted = self.object_list.values_list("pk", Window(Count("*")))
        rows = list(counted[bottom : bottom + self.per_page])
        if not rows and wanted > 1:
            return super().get_page(number)  # beyond the last page: Django's count finds the last one
        self.count = rows[0][1] if rows else 0
        return self._get_page([pk for pk, _matches in rows], wanted, self)


def suggestions_for(query, limit=8):
    """What to offer when a search of the public products found nothing (catalog.search.Suggestions)."""
    return suggest_products(Product.objects.for_cards(), query, limit)
