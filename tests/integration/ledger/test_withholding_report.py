"""The month's tax withheld under Decree 117, per seller and in total, as the Union declares it, and in Excel."""

import io
from decimal import Decimal

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from ledger.balances import rates
from ledger.exports import withholding_workbook
from ledger.reports import monthly_withholding
from orders.returning import refund_delivered_shipment
from tests.factories import PartnerFactory, ProductFactory, UserFactory

from .helpers import cash_order, deliver, prepaid_order, shipment_of

pytestmark = pytest.mark.django_db


def delivered(seller, price, paid=True):
    product = ProductFactory(seller=seller, stockrecords__price=Decimal(price))
    order = prepaid_order(None, product) if paid else cash_order(None, product)
    return deliver(shipment_of(order, seller))


def test_the_months_withholding_counts_household_sellers_paid_through_the_marketplace_net_of_refunds():
    duyen = PartnerFactory(name="Cơ sở Thạch đen Lục Duyên", tax_code="004185001234")
    thuy = PartnerFactory(name="Cơ sở Hạt dẻ Đàm Thủy")
    coop = PartnerFactory(name="HTX Miến dong Phia Đén", kind="cooperative", members=12)
    delivered(duyen, "170000")
    delivered(duyen, "85000")
    refunded = delivered(thuy, "200000")
    delivered(thuy, "120000")
    delivered(thuy, "999000", paid=False)  # cash she collected herself: nothing withheld
    delivered(coop, "500000")  # a cooperative declares its own tax
    refund_delivered_shipment(refunded, reason="Hạt dẻ bị mốc", by=UserFactory(is_staff=True))

    today = timezone.localdate()
    report = monthly_withholding(today.year, today.month)

    rows = {row.seller.name: row for row in report.rows}
    assert set(rows) == {"Cơ sở Thạch đen Lục Duyên", "Cơ sở Hạt dẻ Đàm Thủy"}
    assert (rows["Cơ sở Thạch đen Lục Duyên"].revenue, rows["Cơ sở Thạch đen Lục Duyên"].parcels) == (255000, 2)
    assert (rows["Cơ sở Thạch đen Lục Duyên"].vat, rows["Cơ sở Thạch đen Lục Duyên"].pit) == (1700 + 850, 850 + 425)
    assert (rows["Cơ sở Hạt dẻ Đàm Thủy"].revenue, rows["Cơ sở Hạt dẻ Đàm Thủy"].vat) == (120000, 1200)
    assert rows["Cơ sở Hạt dẻ Đàm Thủy"].pit == 600
    assert (report.revenue, report.vat, report.pit, report.total) == (375000, 3750, 1875, 5625)

    # The spreadsheet has the same rows, and a total row whose sums are the report's
    sheet = load_workbook(io.BytesIO(withholding_workbook(report, rates()))).active
    body = list(sheet.iter_rows(min_row=2, values_only=True))
    sellers, total = body[:-1], body[-1]
    assert [row[0] for row in sellers] == ["Cơ sở Hạt dẻ Đàm Thủy", "Cơ sở Thạch đen Lục Duyên"]
    assert sellers[1][2] == "004185001234"
    assert total[5:] == (375000, 3750, 1875, 5625)
    assert sum(row[6] for row in sellers) == total[6]


def test_a_month_without_sales_has_no_rows():
    assert monthly_withholding(2026, 1).rows == []
