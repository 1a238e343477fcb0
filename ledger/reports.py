"""What the Union declares each month under Decree 117/2025/NĐ-CP: the tax it withheld, per seller and in total.

Withholding is counted in the month its entry was written (the parcel's delivery: the Decree withholds
when the transaction is confirmed and its payment accepted); a refund's reversal is offset in the
month it happens, as the Decree has a platform offset tax withheld on cancelled or returned sales.
One query, grouped in the database.
"""

import datetime
from typing import NamedTuple

from django.db.models import BigIntegerField, Case, Count, F, Q, Sum, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from oscar.core.loading import get_model

from .models import WITHHOLDING_KINDS, Entry, EntryKind

Partner = get_model("partner", "Partner")
MONEY = BigIntegerField()


class SellerWithholding(NamedTuple):
    seller: object
    parcels: int
    revenue: int  # the goods' value the tax was withheld on, net of refunds
    vat: int
    pit: int

    @property
    def total(self):
        return self.vat + self.pit


class MonthlyWithholding(NamedTuple):
    year: int
    month: int
    rows: list

    @property
    def revenue(self):
        return sum(row.revenue for row in self.rows)

    @property
    def vat(self):
        return sum(row.vat for row in self.rows)

    @property
    def pit(self):
        return sum(row.pit for row in self.rows)

    @property
    def total(self):
        return self.vat + self.pit

    @property
    def parcels(self):
        return sum(row.parcels for row in self.rows)

    @property
    def first_day(self):
        return datetime.date(self.year, self.month, 1)

    @property
    def deadline(self):
        return filing_deadline(self.year, self.month)


def following_month(year, month):
    """(year, month) of the month after."""
    return year + month // 12, month % 12 + 1


def filing_deadline(year, month):
    """The 20th of the month after: Decree 117's last day to declare and pay a month's withholding."""
    return datetime.date(*following_month(year, month), 20)


def month_bounds(year, month):
    start = timezone.make_aware(datetime.datetime(year, month, 1))
    return start, timezone.make_aware(datetime.datetime(*following_month(year, month), 1))


def monthly_withholding(year, month):
    """The month's withholding, one row per seller with any (by name), positive amounts."""
    start, end = month_bounds(year, month)
    tax_kind = Coalesce("reverses__kind", "kind")
    entries = Entry.objects.filter(created_at__gte=start, created_at__lt=end).filter(
        Q(kind__in=WITHHOLDING_KINDS) | Q(kind=EntryKind.REVERSAL, reverses__kind__in=WITHHOLDING_KINDS)
    )
    reversal = Q(kind=EntryKind.REVERSAL)
    rows = (
        entries.annotate(tax_kind=tax_kind)
        .values("seller_id")
        .annotate(
            vat=Coalesce(-Sum("amount", filter=Q(tax_kind=EntryKind.VAT_WITHHELD)), 0, output_field=MONEY),
            pit=Coalesce(-Sum("amount", filter=Q(tax_kind=EntryKind.PIT_WITHHELD)), 0, output_field=MONEY),
            revenue=Coalesce(
                Sum(
                    Case(When(reversal, then=-F("base")), default=F("base"), output_field=MONEY),
                    filter=Q(tax_kind=EntryKind.VAT_WITHHELD),
                ),
                0,
                output_field=MONEY,
            ),
            parcels=Count("shipment", distinct=True, filter=~reversal),
        )
    )
    rows = list(rows)
    sellers = Partner.objects.in_bulk([row["seller_id"] for row in rows])
    result = [
        SellerWithholding(sellers[row["seller_id"]], row["parcels"], row["revenue"], row["vat"], row["pit"])
        for row in rows
    ]
    result.sort(key=lambda row: (row.seller.name.lower(), row.seller.pk))
    return MonthlyWithholding(year, month, result)
