"""Time search and filtered listings on a large made-up catalogue (PostgreSQL).

    DATABASE_URL=postgres://…/bench python manage.py benchmark_search [--products 20000] [--repeat 40]

It makes a throwaway database next to the configured one ("<name>_benchmark_search", as
Django makes test databases), migrates it, fills it with products, sellers, stock and sales,
vacuums and analyses it as autovacuum keeps a live database, times each query and drops the
database again (unless --keep). Each query goes through the code the pages use (the filter
form, the search backend, the paginator and the card prefetches) and is timed from building
the query to the last row of the page; rendering the page is not included. It is a
measurement to read, not a test that passes or fails.
"""

import random
import statistics
import time
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.http import QueryDict
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
QUERIES = [
    ("search: mien dong", "q=mien dong", None),
    ("search: Miến dong", "q=Miến dong", None),
    ("search: thạch đen", "q=thạch đen", None),
    ("search: hat de (short word)", "q=hat de", None),
    ("search: quýt (one word)", "q=quýt", None),
    ("search: khanh (commune)", "q=khanh", None),
    ("search: sâm (rare)", "q=sâm", None),
    ("search: pizza (no result)", "q=bánh pizza ý", None),
    ("search: mien dog (typo)", "q=mien dog", None),
    ("search + filters, page 2", "q=mien dong&in_stock=on&sort=price_asc&page=2", None),
    ("all products", "", None),
    ("all products, page 2", "page=2", None),
    ("all products, page 40", "page=40", None),
    ("4 stars up, price up", "stars=4&sort=price_asc", None),
    ("in stock, 100-300k, price down", "in_stock=on&price_min=100000&price_max=300000&sort=price_desc", None),
    ("commune, best selling", "commune={commune}&sort=best_selling", None),
    ("category, in stock", "in_stock=on", "Đặc sản khô"),
    ("category, 5 stars, page 2", "stars=5&page=2", "Đặc sản khô"),
]


class Command(BaseCommand):
    help = "Build a large catalogue in a throwaway PostgreSQL database, time typical searches and listings (ms)."

    def add_arguments(self, parser):
        parser.add_argument("--products", type=int, default=20_000)
        parser.add_argument("--repeat", type=int, default=40, help="Timed runs of each query.")
        parser.add_argument("--keep", action="store_true", help="Keep the throwaway database to explore it.")

    def handle(self, *args, products, repeat, keep, **options):
        if connection.vendor != "postgresql":
            raise CommandError("The benchmark measures PostgreSQL; set DATABASE_URL to a PostgreSQL database.")
        with throwaway_database(self.stdout, "benchmark_search", keep=keep):
            random.seed(2025)
            started = time.perf_counter()
            categories = build_catalogue(products)
            self.stdout.write(f"Built {products:,} products in {time.perf_counter() - started:.0f} s.")
            analyse()
            timings = {
                label: self.time_query(params, categories, repeat)
                for label, params, categories in self.queries(categories)
            }
            self.report(timings)

    def queries(self, categories):
        commune = Product.objects.exclude(origin_code=None).values_list("origin_code", flat=True).first()
        for label, params, breadcrumb in QUERIES:
            yield label, params.format(commune=commune), categories.get(breadcrumb)

    def time_query(self, params, category, repeat):
        data = QueryDict(params)
        load_page(data, category)  # warm the cache, as a visited site has it
        runs = []
        for _ in range(repeat):
            started = time.perf_counter()
            load_page(data, category)
            runs.append((time.perf_counter() - started) * 1000)
        return runs

    def report(self, timings):
        self.stdout.write(f"\n{'query':<38} {'p50 ms':>8} {'p95 ms':>8}")
        for label, runs in timings.items():
            self.stdout.write(f"{label:<38} {percentile(runs, 50):8.1f} {percentile(runs, 95):8.1f}")
        every = [run for runs in timings.values() for run in runs]
        self.stdout.write(f"{'overall':<38} {percentile(every, 50):8.1f} {percentile(every, 95):8.1f}")


def load_page(data, category):
    """What a listing or search page asks of the database, through the code the pages use."""
    form, page = product_listing(data, category=category)
    cards = list(page.object_list)
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
