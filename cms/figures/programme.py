"""The programme's figures for a period, counted in the database: nine grouped queries, whatever the data's size.

Sellers (as the period ends): approved, active (sold in the 90 days to its end, or to today for the
period under way), with a first sale, newly approved; grouped by commune, by OCOP stars (her highest
current certificate), by household or cooperative, and, for those who consented, by ethnic group.
Women: a household business counts one woman, a cooperative its members (one when it gave no number).

Per month (or year) of the period: orders and goods sold (not cancelled, not waiting for payment),
buyers and repeat buyers, what sellers earned, parcels delivered and on time, sellers' first sales.

- A sale is a parcel (a shipment) not cancelled, of an order not waiting for its payment, on the day
  the order was placed (the parcel's created_at: the same moment, and indexed with its seller).
- Sellers earned what their ledger entries of delivered parcels say (goods and shipping fee, less the
  commission and the tax withheld, less refunds), in the month of the delivery; a delivered parcel with
  no entries (delivered before the ledger) counts its lines' goods, not refunded, in its delivery's month.
- On time: delivered within the days she promises (Partner.promised_days: her delivery_days, or 5) of
  the order being placed.
- A repeat buyer of a month bought in it and had bought in an earlier month (of a year, in an earlier
  year): an account; or a guest by her email address, or, when she gave none (checkout asks only for a
  phone number), by the phone number of her delivery address.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import (
    Case,
    CharField,
    Count,
    DurationField,
    Exists,
    F,
    Func,
    IntegerField,
    Min,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, Concat, Lower, NullIf, Replace, Substr
from django.db.models.lookups import StartsWith
from django.utils import timezone
from oscar.core.loading import get_model

from ledger.models import PARCEL_KINDS, Entry, EntryKind
from orders.status import LineStatus, OrderStatus, ShipmentStatus
from vietnam.geography import ward_name

from .periods import local_zone

Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
Order = get_model("order", "Order")
Line = get_model("order", "Line")
Shipment = get_model("order", "Shipment")

ACTIVE_DAYS = 90


def phone_of_buyer():
    """The delivery address's phone number in one form, so that one guest's orders are one buyer's.

    phonenumber_field stores a valid number as E.164 (+84912345678) already; a number it could not read
    is kept as typed ("0912 345 678", "84912345678"): without its spaces, dots and dashes, a leading 0 or
    84 becomes +84. No phone is NULL, not "", so that phoneless guests are not all one buyer.
    """
    digits = F("shipping_address__phone_number")
    for mark in (" ", ".", "-"):
        digits = Replace(digits, Value(mark), Value(""))
    rest = Substr(digits, 2)
    e164 = Case(
        When(StartsWith(digits, Value("0")), then=Concat(Value("+84"), rest)),
        When(StartsWith(digits, Value("84")), then=Concat(Value("+"), digits)),
        default=digits,
        output_field=CharField(),
    )
    return NullIf(e164, Value(""))


# Who bought: her account; or a guest by her email address, or by her phone number when she gave no email
# (checkout leaves guest_email "", not NULL, then).
BUYER = Coalesce(
    Cast("user_id", CharField()),
    NullIf(Lower("guest_email"), Value("")),
    phone_of_buyer(),
    output_field=CharField(),
)
NOT_SOLD = [OrderStatus.PENDING_PAYMENT, OrderStatus.CANCELLED]


@dataclass
class SellerCounts:
    """Sellers of one group: approved, active, with a first sale, approved in the period, women."""

    sellers: int = 0
    active: int = 0
    selling: int = 0
    new: int = 0
    women: int = 0

    def add(self, row):
        for name in ("sellers", "active", "selling", "new", "women"):
            setattr(self, name, getattr(self, name) + (row[name] or 0))


@dataclass
class Bucket:
    """A month (or a year) of the period."""

    day: datetime.date
    orders: int = 0
    gmv: int = 0
    buyers: int = 0
    new_buyers: int = 0  # whose first order ever was in it
    earned: int = 0
    earned_before_ledger: int = 0
    delivered: int = 0
    on_time: int = 0
    first_sales: int = 0

    @property
    def earnings(self):
        """What sellers earned: from the ledger, and from delivered lines where it has nothing."""
        return self.earned + self.earned_before_ledger

    @property
    def repeat_buyers(self):
        """Its buyers who had bought in an earlier month (or year)."""
        return self.buyers - self.new_buyers

    @property
    def late(self):
        return self.delivered - self.on_time


@dataclass
class ProgrammeFigures:
    period: object
    as_of: datetime.date  # the day sellers are counted on: the period's last day, or today
    total: SellerCounts
    by_commune: list  # (name, SellerCounts), most sellers first
    by_stars: list  # (stars or None, SellerCounts), 5 stars first, then sellers without a current certificate
    by_kind: list  # (label, SellerCounts)
    by_ethnic_group: list  # (name, SellerCounts), of the sellers who consented only; suppress before showing
    buckets: list = field(default_factory=list)

    def sum_of(self, name):
        return sum(getattr(bucket, name) for bucket in self.buckets)

    @property
    def totals(self):
        """The period's monthly figures added up (buyers: each month's, not distinct over the period)."""
        total = Bucket(self.period.start)
        for name in (
            "orders",
            "gmv",
            "buyers",
            "new_buyers",
            "earned",
            "earned_before_ledger",
            "delivered",
            "on_time",
            "first_sales",
        ):
            setattr(total, name, self.sum_of(name))
        return total


def programme_figures(period, today=None):
    """The figures of `period` (cms.figures.periods.Period)."""
    today = today or timezone.localdate()
    start, end = period.bounds
    as_of = min(period.last_day, today)
    sellers = seller_figures(start, end, as_of)
    buckets = {day: Bucket(day) for day in period.buckets()}
    for figures in monthly_figures(period):
        for day, values in figures.items():
            for name, value in values.items():
                setattr(buckets[day], name, int(value or 0))
    return ProgrammeFigures(period=period, as_of=as_of, buckets=list(buckets.values()), **sellers)


def per_bucket(queryset, moment, period, **measures):
    """{first day of each month (or year): {measure: its value}} of `queryset`, in one query.

    Each measure is an aggregate (Sum, Count…) taken once per month, filtered to the month's rows by
    `moment` (a date and time) lying between its first instants in Cao Bằng's time: a fixed number of
    columns (24 months at most, or 10 years) however many rows there are. This does what grouping by
    TruncMonth would, without the time-zone function for each row, which on SQLite is a call of Python.
    """
    zone = local_zone()
    days = period.buckets()
    starts = [datetime.datetime.combine(day, datetime.time(), zone) for day in [*days, period.end]]
    columns = {}
    for index in range(len(days)):
        within = Q(**{f"{moment}__gte": starts[index], f"{moment}__lt": starts[index + 1]})
        for name, measure in measures.items():
            measure = measure.copy()
            measure.filter = within & measure.filter if measure.filter is not None else within
            columns[f"{name}_{index}"] = measure
    values = queryset.filter(**{f"{moment}__gte": starts[0], f"{moment}__lt": starts[-1]}).aggregate(**columns)
    return {day: {name: values[f"{name}_{index}"] for name in measures} for index, day in enumerate(days)}


class Days(Func):
    """A whole number of days as a duration, which both databases add to a date and time.

    `days * interval '1 day'` is PostgreSQL's alone: Django's SQLite keeps a duration as microseconds
    and multiplies none, so there the days become microseconds.
    """

    template = "make_interval(days => %(expressions)s)"
    output_field = DurationField()

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, template="(%(expressions)s * 86400000000)", **extra_context)


def sales():
    """Parcels that are sales: not cancelled, of an order not waiting for payment."""
    return Shipment.objects.exclude(status=ShipmentStatus.CANCELLED).exclude(order__status__in=NOT_SOLD)


def seller_figures(start, end, as_of):
    """Approved sellers at the period's end, counted once grouped by commune, kind and stars; and by ethnic group."""
    zone = local_zone()
    active_from = datetime.datetime.combine(as_of - datetime.timedelta(days=ACTIVE_DAYS - 1), datetime.time(), zone)
    active_to = datetime.datetime.combine(as_of + datetime.timedelta(days=1), datetime.time(), zone)
    stars = (
        Product.objects.filter(seller=OuterRef("pk"), ocop_stars__isnull=False)
        .filter(Q(ocop_expires_on__isnull=True) | Q(ocop_expires_on__gte=as_of))
        .order_by("-ocop_stars")
        .values("ocop_stars")[:1]
    )
    hers = sales().filter(seller=OuterRef("pk"))
    approved = (
        Partner.objects.filter(status=Partner.Status.APPROVED)
        .filter(Q(approved_at__isnull=True) | Q(approved_at__lt=end))
        .annotate(
            stars=Subquery(stars, output_field=IntegerField()),
            is_active=Exists(hers.filter(created_at__gte=active_from, created_at__lt=active_to)),
            has_sold=Exists(hers.filter(created_at__lt=end)),
        )
    )
    counts = {
        "sellers": Count("pk"),
        "active": Count("pk", filter=Q(is_active=True)),
        "selling": Count("pk", filter=Q(has_sold=True)),
        "new": Count("pk", filter=Q(approved_at__gte=start, approved_at__lt=end)),
        "women": Sum(
            Case(When(kind=Partner.Kind.COOPERATIVE, then=Coalesce("members", 1)), default=Value(1)),
            output_field=IntegerField(),
        ),
    }
    total = SellerCounts()
    communes, kinds, by_stars = {}, {}, {}
    for row in approved.values("commune_code", "kind", "stars").annotate(**counts).order_by():
        total.add(row)
        communes.setdefault(row["commune_code"], SellerCounts()).add(row)
        kinds.setdefault(row["kind"], SellerCounts()).add(row)
        by_stars.setdefault(row["stars"], SellerCounts()).add(row)
    groups = {}
    consenting = approved.filter(count_ethnic_group=True).exclude(ethnic_group="")
    for row in consenting.values("ethnic_group").annotate(**counts).order_by():
        name = row["ethnic_group"].strip()
        groups.setdefault(name.casefold(), (name, SellerCounts()))[1].add(row)
    kind_labels = dict(Partner.Kind.choices)
    return {
        "total": total,
        "by_commune": sorted(
            ((ward_name(code) or None, counts) for code, counts in communes.items()),
            key=lambda item: (-item[1].sellers, item[0] is None, item[0] or ""),
        ),
        "by_stars": sorted(by_stars.items(), key=lambda item: -(item[0] or 0)),
        "by_kind": [(str(kind_labels[kind]), kinds[kind]) for kind in kind_labels if kind in kinds],
        "by_ethnic_group": sorted(groups.values(), key=lambda item: (-item[1].sellers, item[0])),
    }


def monthly_figures(period):
    """Each month's (or year's) figures of `period`, as dicts of {first day: {figure: value}}: seven queries."""
    start, end = period.bounds
    placed = {"date_placed__gte": start, "date_placed__lt": end}
    lines = Line.objects.filter(order__date_placed__gte=start, order__date_placed__lt=end)
    lines = lines.exclude(order__status__in=NOT_SOLD).exclude(status=LineStatus.CANCELLED)
    orders = Order.objects.filter(**placed).exclude(status__in=NOT_SOLD).annotate(buyer=BUYER)
    entries = Entry.objects.filter(kind__in=[*PARCEL_KINDS, EntryKind.REVERSAL])
    delivered = Shipment.objects.filter(status=ShipmentStatus.DELIVERED)
    before_ledger = delivered.filter(refunded_at__isnull=True).exclude(
        Exists(Entry.objects.filter(shipment=OuterRef("pk")))
    )
    her_lines = Q(order__lines__partner=F("seller")) & ~Q(order__lines__status=LineStatus.CANCELLED)
    promised = Days(Coalesce("seller__delivery_days", Partner.DEFAULT_DELIVERY_DAYS))
    # Each buyer's first order and each seller's first sale, ever: grouped minimums, counted per month.
    first_orders = Order.objects.exclude(status__in=NOT_SOLD).annotate(buyer=BUYER).values("buyer")
    first_orders = first_orders.annotate(first=Min("date_placed"))
    first_sales = sales().values("seller").annotate(first=Min("created_at"))
    return [
        per_bucket(lines, "order__date_placed", period, gmv=Sum("line_price_incl_tax")),
        per_bucket(orders, "date_placed", period, orders=Count("pk"), buyers=Count("buyer", distinct=True)),
        per_bucket(entries, "created_at", period, earned=Sum("amount")),
        per_bucket(
            before_ledger,
            "delivered_at",
            period,
            earned_before_ledger=Sum("order__lines__line_price_incl_tax", filter=her_lines),
        ),
        per_bucket(
            delivered,
            "delivered_at",
            period,
            delivered=Count("pk"),
            on_time=Count("pk", filter=Q(delivered_at__lte=F("order__date_placed") + promised)),
        ),
        per_bucket(first_orders, "first", period, new_buyers=Count("buyer")),
        per_bucket(first_sales, "first", period, first_sales=Count("seller")),
    ]
