"""Product listings: filters that combine (category, OCOP stars, commune, price, stock) and sort orders.

The catalogue, category and search pages all list products through `product_listing()`, from
the query string, so a filtered page can be shared and reloaded. Price and stock come from the
product's stock record, the one Oscar's pricing shows on the card.
"""

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Exists, F, OuterRef, Q, Value
from django.db.models.functions import Coalesce
from oscar.core.loading import get_model

from shop.geography import ward_name
from shop.text import fold

from .search import search_products, suggest_products

Product = get_model("catalogue", "Product")
ProductCategory = get_model("catalogue", "ProductCategory")
StockRecord = get_model("partner", "StockRecord")
ProductRecord = get_model("analytics", "ProductRecord")

# Seconds the list of communes that products come from is kept (see communes_of_public_products).
COMMUNES_TIMEOUT = 300

NEWEST, PRICE_UP, PRICE_DOWN, BEST_SELLING, RELEVANCE = "newest", "price_asc", "price_desc", "best_selling", "relevance"


def product_listing(params, *, category=None):
    """(filter form, page of products) for a listing's query string: `q`, the filters, `sort`, `page`.

    With `q` it is a search (best match first unless another sort is chosen); with `category`
    only that category's products (and its subcategories') are listed.
    """
    from .forms import ProductFilterForm

    form = ProductFilterForm(params, category=category)
    products = Product.objects.for_cards()
    if category is not None:
        products = in_category(products, category)
    if form.query:
        products = search_products(products, form.query)
    products = form.filter(products)
    page = Paginator(products, settings.OSCAR_PRODUCTS_PER_PAGE).get_page(params.get("page"))
    return form, page


def suggestions_for(query, limit=8):
    """What to offer when a search of the public products found nothing (catalog.search.Suggestions)."""
    return suggest_products(Product.objects.for_cards(), query, limit)


def in_category(queryset, category):
    """Products of a category or of any category below it."""
    below = ProductCategory.objects.filter(product=OuterRef("pk"), category__path__startswith=category.path)
    return queryset.filter(Exists(below))


def with_min_stars(queryset, stars):
    """Products with a current (unexpired) OCOP certificate of at least `stars` stars."""
    return queryset.with_current_ocop(stars)


def from_commune(queryset, code):
    return queryset.filter(origin_code=code)


def with_price_and_stock(queryset):
    """Alias `listing_price` and `net_stock` (in stock less what orders hold) from the product's stock record.

    A product has one stock record here, its seller's, so a plain join gives one row per
    product. (Correlated subqueries instead made PostgreSQL estimate, and JIT-compile, a plan
    ten times dearer at 20,000 products; GROUP BY to allow for several records doubled the
    time.) Were a second record ever added to a product, it would be listed twice.
    """
    if "listing_price" in queryset.query.annotations:
        return queryset
    return queryset.alias(
        listing_price=F("stockrecords__price"),
        net_stock=F("stockrecords__num_in_stock") - Coalesce("stockrecords__num_allocated", Value(0)),
    )


def priced_between(queryset, lowest=None, highest=None):
    """Products whose price is within [lowest, highest] đồng (either end may be open)."""
    queryset = with_price_and_stock(queryset)
    if lowest is not None:
        queryset = queryset.filter(listing_price__gte=lowest)
    if highest is not None:
        queryset = queryset.filter(listing_price__lte=highest)
    return queryset


def in_stock(queryset):
    """Products a buyer can put in her basket: net stock (in stock less allocated) above zero.

    As Oscar's availability rule has it, a product class that does not track stock is always
    available once it has a stock record.
    """
    queryset = with_price_and_stock(queryset)
    untracked = Q(product_class__track_stock=False, listing_price__isnull=False)
    return queryset.filter(untracked | Q(net_stock__gt=0))


def sort_products(queryset, sort):
    """Products in a listing's sort order; RELEVANCE keeps the search's order."""
    if sort == RELEVANCE:
        return queryset
    if sort == PRICE_UP:
        return with_price_and_stock(queryset).order_by(F("listing_price").asc(nulls_last=True), "-date_created", "-pk")
    if sort == PRICE_DOWN:
        return with_price_and_stock(queryset).order_by(F("listing_price").desc(nulls_last=True), "-date_created", "-pk")
    if sort == BEST_SELLING:
        # A product nobody has bought yet may have no analytics record at all: it counts as 0.
        sold = Coalesce("stats__num_purchases", Value(0))
        return queryset.alias(sold=sold).order_by("-sold", "-date_created", "-pk")
    return queryset.order_by("-date_created", "-pk")


COMMUNES_KEY = "catalog-communes-of-public-products"


def communes_of_public_products():
    """(code, name) of the communes and wards public products come from, by name.

    Kept in the cache (finding them reads the whole product table) until a product is saved.
    """

    def communes():
        public = Product.objects.browsable().exclude(origin_code=None)
        codes = public.order_by().values_list("origin_code", flat=True).distinct()
        named = [(code, ward_name(code)) for code in codes]
        return sorted((item for item in named if item[1]), key=lambda item: fold(item[1]))

    return cache.get_or_set(COMMUNES_KEY, communes, COMMUNES_TIMEOUT)


def forget_communes():
    """A product was saved: its commune may be new to the filter, or gone from it."""
    cache.delete(COMMUNES_KEY)
