"""Time the programme-in-figures page on a large made-up marketplace (PostgreSQL or SQLite).

    python manage.py benchmark_figures [--sellers 2000] [--lines 200000] [--repeat 5] [--keep]

It makes a throwaway database next to the configured one ("<name>_benchmark_figures", as Django makes
test databases), migrates it, fills it with sellers, products, buyers, orders and their lines, parcels
and ledger entries (bulk_create: a few per cent cancelled, most delivered, the ledger's entries only
for parcels delivered since 2026), analyses it as autovacuum keeps a live database, and times the page
(/cms/figures/) as a union editor asks for it, for a month, a year and each of the programme's phases,
from the request to the rendered page. Then it drops the database (unless --keep). It is a measurement
to read, not a test that passes or fails; the page's target is under a second at the default size.
"""

import datetime
import random
import statistics
import time
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from catalog.benchmarking import analyse, throwaway_database
from ledger.models import Entry, EntryKind
from orders.status import OrderStatus, ShipmentStatus
from vietnam.geography import home_wards

Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
Order = get_model("order", "Order")
Line = get_model("order", "Line")
Shipment = get_model("order", "Shipment")
User = get_user_model()

GROUPS = ["Tày", "Nùng", "Dao", "Mông", "Kinh", "Sán Chay", "Lô Lô"]
GROUP_WEIGHTS = [40, 30, 12, 10, 6, 1.5, 0.5]
LEDGER_FROM = datetime.datetime(2026, 1, 1, tzinfo=ZoneInfo(settings.TIME_ZONE))
BATCH = 5000


class Command(BaseCommand):
    help = "Build a large made-up marketplace in a throwaway database and time the programme-in-figures page (ms)."

    def add_arguments(self, parser):
        parser.add_argument("--sellers", type=int, default=2_000)
        parser.add_argument("--lines", type=int, default=200_000, help="Order lines (about 2.5 an order).")
        parser.add_argument("--repeat", type=int, default=5, help="Timed requests of each period.")
        parser.add_argument("--keep", action="store_true", help="Keep the throwaway database to explore it.")

    def handle(self, *args, sellers, lines, repeat, keep, **options):
        if connection.vendor not in ("postgresql", "sqlite"):
            raise CommandError("The benchmark runs on PostgreSQL or SQLite.")
        with throwaway_database(self.stdout, "benchmark_figures", keep=keep):
            random.seed(2026)
            started = time.perf_counter()
            made = build_marketplace(sellers, lines)
            self.stdout.write(
                f"Made {made['sellers']:,} sellers, {made['orders']:,} orders, {made['lines']:,} lines and "
                f"{made['entries']:,} ledger entries in {time.perf_counter() - started:.0f} s."
            )
            analyse()
            self.report(self.time_page(repeat))

    def time_page(self, repeat):
        """{period: (timings in ms, queries)} of the page as an editor asks for it."""
        editor, _created = User.objects.get_or_create(
            email="bien.tap.benchmark@example.vn", defaults={"is_staff": True}
        )
        editor.groups.add(Group.objects.get(name="Union editor"))
        today = timezone.localdate()
        periods = [f"{today:%Y-%m}", str(today.year), "2017-2025", "2026-2035"]
        results = {}
        # Served as in tests: static files from the apps' folders, no manifest to collect first.
        storages = {
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }
        with override_settings(STORAGES=storages, ALLOWED_HOSTS=["*"]):
            client = Client()
            client.force_login(editor)
            url = reverse("figures:figures")
            for period in periods:
                client.get(url, {"period": period})  # warm: the admin's menus and templates
                runs = []
                for _ in range(repeat):
                    with CaptureQueriesContext(connection) as queries:
                        started = time.perf_counter()
                        response = client.get(url, {"period": period})
                        runs.append((time.perf_counter() - started) * 1000)
                    if response.status_code != 200:
                        raise CommandError(f"The page answered {response.status_code} for {period}.")
                results[period] = (runs, len(queries))
        return results

    def report(self, results):
        self.stdout.write(f"\n{'period':<12} {'median ms':>10} {'max ms':>8} {'queries':>8}")
        for period, (runs, queries) in results.items():
            self.stdout.write(f"{period:<12} {statistics.median(runs):10.0f} {max(runs):8.0f} {queries:8d}")


def without_auto_now(model, *names):
    """A model's auto_now_add fields switched off while made-up rows carry their own dates."""

    class Switch:
        def __enter__(self):
            self.fields = [model._meta.get_field(name) for name in names]
            for field in self.fields:
                field.auto_now_add = False

        def __exit__(self, *exc):
            for field in self.fields:
                field.auto_now_add = True

    return Switch()


def build_marketplace(seller_count, line_count):
    """Sellers over the programme's years, each with a product; orders over the last three years."""
    wards = home_wards()
    zone = ZoneInfo(settings.TIME_ZONE)
    now = timezone.now()
    product_class, _created = ProductClass.objects.get_or_create(name="Đặc sản")
    sellers = []
    for n in range(seller_count):
        cooperative = random.random() < 0.2
        sellers.append(
            Partner(
                name=f"Người bán thử {n}",
                slug=f"benchmark-figures-seller-{n}",
                owner_name="Nông Thị Hoa",
                commune_code=random.choice(wards)[0],
                kind=Partner.Kind.COOPERATIVE if cooperative else Partner.Kind.HOUSEHOLD,
                members=random.randint(5, 60) if cooperative else None,
                ethnic_group=random.choices(GROUPS, GROUP_WEIGHTS)[0],
                count_ethnic_group=random.random() < 0.6,
                delivery_days=random.choice([None, None, 2, 3, 4, 7]),
                status=random.choices([Partner.Status.APPROVED, Partner.Status.APPLIED], [9, 1])[0],
                approved_at=datetime.datetime(random.randint(2017, 2026), random.randint(1, 11), 1, tzinfo=zone),
            )
        )
    sellers = Partner.objects.bulk_create(sellers, batch_size=BATCH)
    today = timezone.localdate()
    products = Product.objects.bulk_create(
        (
            Product(
                title=f"Sản phẩm thử {seller.pk}",
                slug=f"benchmark-figures-product-{seller.pk}",
                product_class=product_class,
                seller=seller,
                ocop_stars=random.choice([None, None, 3, 3, 4, 5]),
                ocop_expires_on=today + datetime.timedelta(days=random.randint(-300, 900)),
            )
            for seller in sellers
        ),
        batch_size=BATCH,
    )
    buyers = User.objects.bulk_create(
        (User(email=f"nguoi.mua.{n}@benchmark.example.vn", password="!") for n in range(max(10, line_count // 10))),
        batch_size=BATCH,
    )
    order_count = max(1, line_count * 2 // 5)
    orders, order_lines, shipments, entries = [], [], [], []
    for n in range(order_count):
        placed = now - datetime.timedelta(seconds=random.randint(0, 3 * 365 * 24 * 3600))
        status = random.choices([OrderStatus.DELIVERED, OrderStatus.SHIPPED, OrderStatus.CANCELLED], [88, 7, 5])[0]
        guest = random.random() < 0.1
        orders.append(
            Order(
                number=f"BF{n:07d}",
                currency="VND",
                total_incl_tax=0,
                total_excl_tax=0,
                status=status,
                date_placed=placed,
                user=None if guest else random.choice(buyers),
                guest_email=f"khach.{random.randint(0, 5000)}@benchmark.example.vn" if guest else "",
            )
        )
    orders = Order.objects.bulk_create(orders, batch_size=BATCH)
    remaining = line_count
    for index, order in enumerate(orders):
        seller_index = random.randrange(len(sellers))
        seller, product = sellers[seller_index], products[seller_index]
        count = remaining if index == len(orders) - 1 else min(remaining, random.choice([1, 2, 2, 3, 4]))
        remaining -= count
        goods = 0
        for _ in range(count):
            price = Decimal(random.randrange(30, 600) * 1000)
            goods += price
            order_lines.append(
                Line(
                    order=order,
                    partner=seller,
                    partner_name=seller.name,
                    partner_sku=f"bf-{product.pk}",
                    product=product,
                    title=product.title,
                    quantity=1,
                    line_price_incl_tax=price,
                    line_price_excl_tax=price,
                    line_price_before_discounts_incl_tax=price,
                    line_price_before_discounts_excl_tax=price,
                    unit_price_incl_tax=price,
                    unit_price_excl_tax=price,
                    num_allocated=1,
                    status="Cancelled" if order.status == OrderStatus.CANCELLED else "",
                )
            )
        delivered_at = None
        if order.status == OrderStatus.DELIVERED:
            delivered_at = order.date_placed + datetime.timedelta(hours=random.randint(20, 24 * 9))
        status = {
            OrderStatus.DELIVERED: ShipmentStatus.DELIVERED,
            OrderStatus.SHIPPED: ShipmentStatus.SHIPPED,
            OrderStatus.CANCELLED: ShipmentStatus.CANCELLED,
        }[order.status]
        shipments.append(
            Shipment(
                order=order,
                seller=seller,
                status=status,
                shipping_charge=Decimal(30000),
                created_at=order.date_placed,
                delivered_at=delivered_at,
            )
        )
        order.goods = goods
    with without_auto_now(Shipment, "created_at"):
        shipments = Shipment.objects.bulk_create(shipments, batch_size=BATCH)
    Line.objects.bulk_create(order_lines, batch_size=BATCH)
    for shipment in shipments:
        if shipment.delivered_at and shipment.delivered_at >= LEDGER_FROM:
            goods = int(shipment.order.goods)
            for kind, amount in (
                (EntryKind.SALE, goods),
                (EntryKind.SHIPPING_FEE, 30000),
                (EntryKind.COMMISSION, -goods // 20),
            ):
                entries.append(
                    Entry(
                        seller_id=shipment.seller_id,
                        kind=kind,
                        amount=amount,
                        order_id=shipment.order_id,
                        shipment=shipment,
                        created_at=shipment.delivered_at,
                    )
                )
    with without_auto_now(Entry, "created_at"):
        Entry.objects.bulk_create(entries, batch_size=BATCH)
    return {"sellers": len(sellers), "orders": len(orders), "lines": len(order_lines), "entries": len(entries)}
