"""Time search, the filtered listings and the full-page cache on a large made-up catalogue (PostgreSQL).

    DATABASE_URL=postgres://…/bench python manage.py benchmark_search [--products 20000] [--repeat 40] [--keep]

It makes a throwaway database next to the configured one ("<name>_benchmark_search", as Django makes
test databases; the user needs CREATEDB), migrates it, fills it with products, sellers, stock and sales,
vacuums and analyses it as autovacuum keeps a live database, times each query and drops the database
again (unless --keep). Each search and listing goes through the code the pages use (the filter form, the
search backend, the paginator and the card prefetches) and is timed from building the query to the last
card of the page; rendering is not included. The goal for searches is a p95 under 50 ms at 20,000
products. Then whole pages are asked for as an anonymous visitor does, through every middleware (Django's
test client, in this process): the catalogue and a search with the page cache off, and served from it,
where a hit must make no SQL query at all. It is a measurement to read; it fails only when a page does not
answer 200 or a cache hit asks the database.
"""

import os
import random
import statistics
import time
import warnings
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.http import QueryDict
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from catalog.benchmarking import analyse, throwaway_database
from catalog.browsing import product_listing, suggestions_for
from catalog.search import fold_product
from vietnam.geography import home_wards
from vietnam.text import slugify

Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
ProductCategory = get_model("catalogue", "ProductCategory")
Category = get_model("catalogue", "Category")
Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")
ProductRecord = get_model("analytics", "ProductRecord")

# What the province makes, and how often it turns up (the weight).
PRODUCTS = [
    ("Miến dong", 12, "Đặc sản khô"),
    ("Thạch đen", 8, "Đặc sản khô"),
    ("Hạt dẻ", 8, "Đặc sản khô"),
    ("Gạo nếp Pì Pất", 6, "Đặc sản khô"),
    ("Bánh khảo", 5, "Bánh & kẹo"),
    ("Bánh cuốn", 3, "Bánh & kẹo"),
    ("Lạp sườn hun khói", 5, "Đặc sản khô"),
    ("Thịt lợn gác bếp", 4, "Đặc sản khô"),
    ("Mật ong hoa bạc hà", 5, "Đồ uống"),
    ("Chè Shan tuyết", 6, "Đồ uống"),
    ("Trà giảo cổ lam", 4, "Dược liệu"),
    ("Rượu ngô men lá", 4, "Đồ uống"),
    ("Măng khô", 5, "Đặc sản khô"),
    ("Tương Cao Bình", 4, "Đặc sản khô"),
    ("Quýt Trà Lĩnh", 4, "Nông sản tươi"),
    ("Lê Đông Khê", 3, "Nông sản tươi"),
    ("Trám đen", 2, "Nông sản tươi"),
    ("Khăn thổ cẩm", 4, "Thủ công mỹ nghệ"),
    ("Túi thổ cẩm", 4, "Thủ công mỹ nghệ"),
    ("Vải chàm", 3, "Thủ công mỹ nghệ"),
    ("Áo chàm Nùng", 2, "Thủ công mỹ nghệ"),
    ("Hoa hồi", 3, "Dược liệu"),
    ("Hà thủ ô", 2, "Dược liệu"),
    ("Nấm hương rừng", 3, "Đặc sản khô"),
    ("Mộc nhĩ", 2, "Đặc sản khô"),
    ("Ớt Hà Quảng", 2, "Đặc sản khô"),
    ("Sâm cau", 0.05, "Dược liệu"),  # the rare word: about ten products in 20,000
]
QUALITIES = ["", "", "loại 1", "đặc biệt", "sấy khô", "truyền thống", "hữu cơ", "làm tay", "hộp quà", "túi"]
SIZES = ["200g", "300g", "500g", "1kg", "2kg", "250ml", "500ml", "1 lít", ""]
OWNERS = [
    "Nông Thị Hoa",
    "Đàm Thị Mai",
    "Hoàng Thị Lan",
    "Lục Thị Huệ",
    "Bế Thị Thu",
    "Lương Thị Dung",
    "Triệu Thị Sen",
]
PHRASES = [
    "Làm thủ công theo cách truyền thống của đồng bào Tày, Nùng.",
    "Nguyên liệu trồng trên nương, không chất bảo quản.",
    "Đóng gói cẩn thận, giao tận nhà.",
    "Sản phẩm OCOP của tỉnh Cao Bằng.",
    "Phơi khô tự nhiên dưới nắng núi.",
    "Hợp tác xã của chị em phụ nữ trong xã.",
]

# (label, query string, category breadcrumb or None). Page 2 and filters read like a visitor's.
SEARCHES = [
    ("mien dong (no accents)", "q=mien dong", None),
    ("miến dong (accents)", "q=miến dong", None),
    ("Miến Dong (capitals)", "q=Miến Dong", None),
    ("thach den (no accents)", "q=thach den", None),
    ("thạch đen (accents)", "q=thạch đen", None),
    ("hat de (short words)", "q=hat de", None),
    ("mật ong bạc hà (three words)", "q=mật ong bạc hà", None),
    ("quýt (one word)", "q=quýt", None),
    ("khanh (a commune)", "q=khanh", None),
    ("sâm (rare)", "q=sâm", None),
    ("mien dog (typo: suggestions)", "q=mien dog", None),
    ("bánh pizza ý (miss: suggestions)", "q=bánh pizza ý", None),
    ("mien dong, in stock, price up, p. 2", "q=mien dong&in_stock=on&sort=price_asc&page=2", None),
]
LISTINGS = [
    ("catalogue, newest", "", None),
    ("catalogue, page 2", "page=2", None),
    ("catalogue, page 40", "page=40", None),
    ("catalogue, 4 stars up, price up", "stars=4&sort=price_asc", None),
    ("in stock, 100-300k, price down", "in_stock=on&price_min=100000&price_max=300000&sort=price_desc", None),
    ("a commune, best selling", "commune={commune}&sort=best_selling", None),
    ("category", "", "Đặc sản khô"),
    ("category, in stock", "in_stock=on", "Đặc sản khô"),
    ("category, 5 stars, page 2", "stars=5&page=2", "Đặc sản khô"),
]
# The whole pages asked for through the middleware, with and without the page cache: (label, URL name, query).
PAGES = [
    ("catalogue", "catalogue:index", {}),
    ("search mien dong", "product-search", {"q": "mien dong"}),
]
GOAL_MS, GOAL_PRODUCTS = 50, 20_000  # the searches' p95, and the catalogue's size it is measured at


class Command(BaseCommand):
    help = (
        "Build a large catalogue in a throwaway PostgreSQL database; time searches and listings (p50, p95) and "
        "whole pages with the page cache off and on (req/s)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--products", type=int, default=20_000)
        parser.add_argument("--repeat", type=int, default=40, help="Timed runs of each query and page.")
        parser.add_argument("--keep", action="store_true", help="Keep the throwaway database to explore it.")

    def handle(self, *args, products, repeat, keep, **options):
        if connection.vendor != "postgresql":
            raise CommandError(
                "The benchmark measures PostgreSQL, as production runs it: set DATABASE_URL, e.g. "
                "postgres://postgres@127.0.0.1:5432/bench (a user who may create databases, and the pg_trgm "
                "extension installed with the server, e.g. Debian's postgresql-contrib)."
            )
        begun = time.perf_counter()
        with throwaway_database(self.stdout, "benchmark_search", keep=keep):
            random.seed(2025)
            started = time.perf_counter()
            categories = build_catalogue(products)
            self.stdout.write(f"Built {products:,} products in {time.perf_counter() - started:.0f} s.")
            analyse()
            searches = [self.time_query(*query, repeat) for query in self.queries(SEARCHES, categories)]
            listings = [self.time_query(*query, repeat) for query in self.queries(LISTINGS, categories)]
            pages = self.time_pages(repeat)
            self.report(products, repeat, searches, listings, pages)
        self.stdout.write(f"The benchmark took {time.perf_counter() - begun:.0f} s in all.")

    def queries(self, queries, categories):
        commune = Product.objects.exclude(origin_code=None).values_list("origin_code", flat=True).first()
        for label, params, breadcrumb in queries:
            yield label, params.format(commune=commune), categories.get(breadcrumb)

    def time_query(self, label, params, category, repeat):
        """(label, timings in ms, SQL queries, products found) of one search or listing."""
        data = QueryDict(params)
        load_page(data, category)  # warm the cache, as a visited site has it
        with CaptureQueriesContext(connection) as queries:
            found = load_page(data, category)
        runs = []
        for _ in range(repeat):
            started = time.perf_counter()
            load_page(data, category)
            runs.append((time.perf_counter() - started) * 1000)
        return label, runs, len(queries), found

    def time_pages(self, repeat):
        """(label, timings in ms, SQL queries of the last request) of whole pages, with the page cache off and on.

        As an anonymous visitor asks for them: through every middleware, a new visitor's client (no cookies but
        the CSRF one the first answer sets), DEBUG off. Static files are served as in tests, from the apps'
        folders, so that no manifest needs collecting first.
        """
        storages = {
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }
        results = []
        # WhiteNoise looks for collected files that these pages, served from the apps' folders, do not need.
        warnings.filterwarnings("ignore", message="No directory at", module="django.core.handlers.base")
        with override_settings(STORAGES=storages, ALLOWED_HOSTS=["*"]):
            for label, name, params in PAGES:
                url = reverse(name)
                with override_settings(PAGE_CACHE_SECONDS=0):
                    results.append((f"{label}, page cache off", *self.time_page(url, params, repeat)))
                cache.clear()
                # A hit costs a few hundred microseconds: more of them give a steadier rate.
                runs, queries = self.time_page(url, params, max(repeat * 10, 50))
                if queries:
                    raise CommandError(f"A page cache hit of {url} made {queries} SQL queries; it must make none.")
                results.append((f"{label}, page cache hit", runs, queries))
        return results

    def time_page(self, url, params, repeat):
        client = Client()
        self.get(client, url, params)  # warm: templates, menus, and the page cache's entry when it is on
        runs = []
        for _ in range(repeat):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                self.get(client, url, params)
                runs.append((time.perf_counter() - started) * 1000)
        return runs, len(queries)

    def get(self, client, url, params):
        response = client.get(url, params)
        if response.status_code != 200:
            raise CommandError(f"{url} answered {response.status_code}.")
        return response

    def report(self, products, repeat, searches, listings, pages):
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            server = f"PostgreSQL {cursor.fetchone()[0].split()[0]}"
        cache_backend = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
        write = self.stdout.write
        # Timings on a shared machine scale with what else runs: the load says how busy it was.
        load = os.getloadavg()[0]
        write(
            f"\n{products:,} products, {server}, cache {cache_backend}, {repeat} timed runs of each line, "
            f"load average {load:.1f} on {os.cpu_count()} processors"
        )
        write(heading("search (query to last card)", "found"))
        for label, runs, queries, found in searches:
            write(f"{label:<40} {percentile(runs, 50):8.1f} {percentile(runs, 95):8.1f} {queries:8d} {found:7,d}")
        every = [run for _label, runs, _queries, _found in searches for run in runs]
        if products >= GOAL_PRODUCTS:
            verdict = "met" if percentile(every, 95) < GOAL_MS else "NOT met"
        else:
            verdict = "not measured at this size"
        write(
            f"{'all searches':<40} {percentile(every, 50):8.1f} {percentile(every, 95):8.1f}"
            f"   goal p95 < {GOAL_MS} ms at {GOAL_PRODUCTS:,} products: {verdict}"
        )
        write(heading("listing (query to last card)", "found"))
        for label, runs, queries, found in listings:
            write(f"{label:<40} {percentile(runs, 50):8.1f} {percentile(runs, 95):8.1f} {queries:8d} {found:7,d}")
        every = [run for _label, runs, _queries, _found in listings for run in runs]
        write(f"{'all listings':<40} {percentile(every, 50):8.1f} {percentile(every, 95):8.1f}")
        write(heading("whole page, anonymous GET (test client)", "req/s"))
        for label, runs, queries in pages:
            # From the median: on a shared machine a few runs that wait for the processor would rule a mean.
            rate = 1000 / percentile(runs, 50)
            write(f"{label:<40} {percentile(runs, 50):8.1f} {percentile(runs, 95):8.1f} {queries:8d} {rate:7,.0f}")
        write("req/s: one process answering one request at a time, 1000 / p50; queries: those of one request.")


def heading(title, last):
    return f"\n{title:<40} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8} {last:>7}"


def load_page(data, category):
    """What a listing or search page asks of the database, through the code the pages use."""
    form, page = product_listing(data, category=category)
    cards = [listed.read() for listed in page.object_list]  # as a page whose cards are not kept yet
    if form.query and not cards and not form.active_filters():
        suggestions_for(form.query)
    return page.paginator.count


def percentile(values, percent):
    if len(values) < 2:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[percent - 1]


def build_catalogue(count):
    """`count` public products by 300 sellers, with stock, categories and sales; {breadcrumb: category}."""
    wards = home_wards()
    product_class, _created = ProductClass.objects.get_or_create(name="Đặc sản")
    categories = {name: Category.add_root(name=f"{name} (benchmark)", slug=slugify(name)) for name in category_names()}
    names, weights = [item[0] for item in PRODUCTS], [item[1] for item in PRODUCTS]
    sellers = Partner.objects.bulk_create(
        Partner(
            name=f"Hợp tác xã {random.choices(names, weights)[0]} {ward_short(random.choice(wards)[1])} {n}",
            slug=f"benchmark-seller-{n}",
            owner_name=random.choice(OWNERS),
            commune_code=random.choice(wards)[0],
            status=Partner.Status.APPROVED,  # only approved sellers' products are listed and found
        )
        for n in range(300)
    )
    category_of = {item[0]: item[2] for item in PRODUCTS}
    today = timezone.localdate()
    products = []
    for n in range(count):
        name = random.choices(names, weights)[0]
        code, ward = random.choice(wards)
        title = " ".join(
            part for part in (name, random.choice(QUALITIES), ward_short(ward), random.choice(SIZES)) if part
        )
        stars = random.choice([None, None, None, 3, 3, 4, 5])
        product = Product(
            title=title,
            slug=f"{slugify(title)}-{n}",
            product_class=product_class,
            description=" ".join(random.sample(PHRASES, 3)),
            seller=random.choice(sellers),
            origin_code=code,
            ocop_stars=stars,
            ocop_expires_on=today + timedelta(days=random.randint(-400, 900)) if stars else None,
        )
        product.search_title, product.search_text = fold_product(product)
        products.append(product)
    products = bulk_create_added_over_a_year(products)
    StockRecord.objects.bulk_create(
        (
            StockRecord(
                product=product,
                partner=product.seller,
                partner_sku=f"bench-{product.pk}",
                price_currency=settings.OSCAR_DEFAULT_CURRENCY,
                price=Decimal(random.randrange(20, 900) * 1000),
                num_in_stock=random.choice([0, 2, 5, 10, 20, 40, 60, 100]),
                num_allocated=random.choice([None, 0, 1]),
            )
            for product in products
        ),
        batch_size=2000,
    )
    ProductCategory.objects.bulk_create(
        (ProductCategory(product=p, category=categories[category_of[first_words(p.title)]]) for p in products),
        batch_size=2000,
    )
    ProductRecord.objects.bulk_create(
        (ProductRecord(product=p, num_purchases=random.randint(0, 500)) for p in random.sample(products, count // 3)),
        batch_size=2000,
    )
    return categories


def bulk_create_added_over_a_year(products):
    """Save products as if sellers had added them over the past year, not in one instant.

    date_created is set on creation (auto_now_add); an UPDATE afterwards would leave a dead
    copy of every row in the table the benchmark reads, inside its own transaction.
    """
    field = Product._meta.get_field("date_created")
    now = timezone.now()
    for product in products:
        product.date_created = now - timedelta(seconds=random.randint(0, 365 * 24 * 3600))
    field.auto_now_add = False
    try:
        return Product.objects.bulk_create(products, batch_size=2000)
    finally:
        field.auto_now_add = True


def category_names():
    return sorted({item[2] for item in PRODUCTS})


def first_words(title):
    return next(name for name, _weight, _category in PRODUCTS if title.startswith(name))


def ward_short(name):
    """ "Trùng Khánh" of "Xã Trùng Khánh": how a label names the place."""
    return name.removeprefix("Xã ").removeprefix("Phường ")
