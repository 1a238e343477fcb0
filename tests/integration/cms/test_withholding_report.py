"""The month's tax withheld under Decree 117/2025/NĐ-CP, as the Union declares it: VAT 1 % and personal income
tax 0.5 % of the goods of household sellers whose payment the marketplace collected, per seller and in total,
on the page and in Excel, with the day it must be filed by."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from ledger.reports import filing_deadline
from tests.pages import soup_of, text_of

from .money import delivered_cash, delivered_prepaid, in_english, seller_with_account

pytestmark = pytest.mark.django_db


@pytest.fixture
def sales():
    """This month: Hoa (household) sold 250.000 ₫ and 90.000 ₫ by transfer, Mai (household) 125.000 ₫;
    a cooperative sold 300.000 ₫ by transfer; Thu (household) 80.000 ₫ in cash her carrier gave her."""
    hoa = seller_with_account("Cơ sở Miến dong Hoa Thám")
    delivered_prepaid(hoa, "125000", quantity=2)
    delivered_prepaid(hoa, "90000")
    mai = seller_with_account("Cơ sở Thạch đen Đàm Mai", account="0331000123456", holder="DAM THI MAI")
    delivered_prepaid(mai, "125000")
    htx = seller_with_account("Hợp tác xã Hạt dẻ Trùng Khánh", kind="cooperative")
    delivered_prepaid(htx, "300000")
    thu = seller_with_account("Tổ hợp tác Quýt Trà Lĩnh")
    delivered_cash(thu, "80000")
    return {"hoa": hoa, "mai": mai, "htx": htx, "thu": thu}


@pytest.fixture
def officer(client, union_officer):
    client.force_login(union_officer)
    return in_english(client)


def this_month():
    return timezone.localdate().strftime("%Y-%m")


def cells(response):
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    return rows[:-1], rows[-1]


def test_the_report_withholds_from_household_sellers_paid_through_the_marketplace(officer, sales):
    response = officer.get(reverse("payouts:withholding"), {"month": this_month()})

    rows = {
        row.select("td")[0].a.get_text(strip=True): [cell.get_text(strip=True) for cell in row.select("td")[2:]]
        for row in soup_of(response).select(".money-table tbody tr")
    }
    # Hoa: 340.000 ₫ of goods in two parcels, VAT 3.400 ₫, income tax 1.700 ₫; Mai: 125.000 ₫, 1.250 and 625
    assert rows == {
        "Cơ sở Miến dong Hoa Thám": ["2", "340.000\xa0₫", "3.400\xa0₫", "1.700\xa0₫", "5.100\xa0₫"],
        "Cơ sở Thạch đen Đàm Mai": ["1", "125.000\xa0₫", "1.250\xa0₫", "625\xa0₫", "1.875\xa0₫"],
    }
    total = [cell.get_text(strip=True) for cell in soup_of(response).select(".money-table tfoot td")]
    assert total == ["3", "465.000\xa0₫", "4.650\xa0₫", "2.325\xa0₫", "6.975\xa0₫"]
    text = text_of(response)
    assert "Hợp tác xã Hạt dẻ Trùng Khánh" not in text  # a cooperative declares its own tax
    assert "Tổ hợp tác Quýt Trà Lĩnh" not in text  # cash her carrier handed her: nothing was collected


def test_the_page_says_by_when_to_declare(officer, sales):
    text = text_of(officer.get(reverse("payouts:withholding"), {"month": this_month()}))

    deadline = filing_deadline(timezone.localdate().year, timezone.localdate().month)
    assert f"Declare and pay the tax withheld in {timezone.localdate():%m/%Y} by {deadline:%d/%m/%Y}" in text
    assert "the 20th of the following month" in text


def test_the_deadline_of_december_is_in_january():
    assert filing_deadline(2026, 11) == datetime.date(2026, 12, 20)
    assert filing_deadline(2026, 12) == datetime.date(2027, 1, 20)


def test_the_report_opens_on_last_month(officer):
    response = officer.get(reverse("payouts:withholding"))

    last_month = timezone.localdate().replace(day=1) - datetime.timedelta(days=1)
    chosen = soup_of(response).select_one("select[name=month] option[selected]")
    assert chosen["value"] == last_month.strftime("%Y-%m")
    assert f"No tax was withheld in {last_month:%m/%Y}." in text_of(response)


def test_the_workbooks_cells_add_up_to_what_is_declared(officer, sales):
    response = officer.get(reverse("payouts:withholding-export"), {"month": this_month()})

    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"] == f'attachment; filename="thue-khau-tru_{this_month()}.xlsx"'
    lines, total = cells(response)
    assert [line[0] for line in lines] == ["Cơ sở Miến dong Hoa Thám", "Cơ sở Thạch đen Đàm Mai"]
    revenue, vat, pit, withheld = (sum(line[column] for line in lines) for column in (5, 6, 7, 8))
    assert (revenue, vat, pit, withheld) == (total[5], total[6], total[7], total[8]) == (465000, 4650, 2325, 6975)
    assert vat == revenue // 100  # VAT 1 % of the goods
    for line in lines:
        assert line[8] == line[6] + line[7]


def test_the_workbooks_columns_name_the_business_owner_in_vietnamese(client, union_officer, sales):
    client.force_login(union_officer)
    client.cookies["django_language"] = "vi"

    response = client.get(reverse("payouts:withholding-export"), {"month": this_month()})

    header = next(load_workbook(io.BytesIO(response.content)).active.iter_rows(max_row=1, values_only=True))
    assert header[:2] == ("Người bán", "Chủ cơ sở")  # the person who runs it, not Wagtail's page owner
