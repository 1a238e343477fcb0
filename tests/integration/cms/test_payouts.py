"""The Union pays its sellers from Wagtail's admin: a run for a period, one line per seller it owes, a VietQR
code for exactly her payout to her account, marked paid once with the bank's reference, and the run in Excel."""

import datetime
import io
import re

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from cms.payouts.forms import last_month
from ledger.balances import balance
from ledger.models import Entry, EntryKind, Payout, PayoutRun, PayoutStatus
from ledger.payouts import memo
from payments.vietqr.payload import crc_is_valid, parse_tlv, vietqr_svg
from tests.factories import PartnerFactory
from tests.pages import soup_of, text_of

from .money import delivered_cash, delivered_prepaid, in_english, seller_with_account

pytestmark = pytest.mark.django_db


@pytest.fixture
def hoa():
    """A household seller with an Agribank account and 125.000 ₫ of miến delivered, paid by transfer."""
    seller = seller_with_account("Cơ sở Miến dong Hoa Thám", account="8300205011223", holder="NONG THI HOA")
    delivered_prepaid(seller, "125000")
    return seller


@pytest.fixture
def htx():
    """A cooperative with an account and two parcels of jelly delivered (nothing withheld: not a household)."""
    seller = seller_with_account(
        "Hợp tác xã Thạch đen Phục Hòa", kind="cooperative", account="12510000456789", holder="HTX THACH DEN"
    )
    delivered_prepaid(seller, "60000", quantity=2)
    delivered_prepaid(seller, "45000")
    return seller


@pytest.fixture
def lan():
    """A household seller who has not given a bank account yet, with a delivered parcel."""
    seller = seller_with_account("Cơ sở Lạp sườn Bế Lan", account="")
    delivered_prepaid(seller, "152000")
    return seller


@pytest.fixture
def thu():
    """A seller whose only parcel was paid in cash to her carrier: the marketplace owes her nothing."""
    seller = seller_with_account("Tổ hợp tác Quýt Trà Lĩnh", account="0331000123456", holder="HOANG THI THU")
    delivered_cash(seller, "80000")
    return seller


@pytest.fixture
def editor(client, union_editor):
    client.force_login(union_editor)
    return in_english(client)


def open_run(client, start=None, end=None):
    """Staff open a run for the period (today only by default: the parcels above were delivered today)."""
    today = timezone.localdate()
    data = {"period_start": (start or today).isoformat(), "period_end": (end or today).isoformat()}
    return client.post(reverse("payouts:open"), data, follow=True)


def words(tag):
    """A tag's text with runs of whitespace made one space (a no-break space stays, as in "125.000 ₫")."""
    return re.sub(r"[ \t\n\r\f\v]+", " ", tag.get_text(" ")).strip()


def dong(amount):
    return f"{amount:,}".replace(",", ".") + "\xa0₫"


def line_of(page, payout):
    return page.select_one(f"#payout-{payout.pk}")


def payload_on(line):
    return line.select_one("figure.payout-qr")["data-payload"]


def test_the_open_form_offers_last_month(editor):
    page = soup_of(editor.get(reverse("payouts:runs")))

    start, end = last_month()
    assert page.select_one("input[name=period_start]")["value"] == start.isoformat()
    assert page.select_one("input[name=period_end]")["value"] == end.isoformat()


def test_opening_a_run_lists_one_line_per_seller_with_money_waiting(editor, hoa, htx, lan, thu):
    # Given three sellers the marketplace owes, and one paid in cash by her carrier
    owed = {seller.pk: balance(seller) for seller in (hoa, htx, lan)}
    assert balance(thu) == 0

    # When the editor opens a run for today
    response = open_run(editor)

    # Then its page has one line for each of the three, with her balance, bank, account and holder
    run = PayoutRun.objects.get()
    assert response.redirect_chain[-1][0] == run.get_absolute_url()
    assert {payout.seller_id: payout.amount for payout in run.payouts.all()} == owed
    page = soup_of(response)
    assert len(page.select(".payout-line")) == 3
    text = text_of(response)
    assert "Tổ hợp tác Quýt Trà Lĩnh" not in text
    hoas_line = words(line_of(page, run.payouts.get(seller=hoa)))
    for shown in ("Cơ sở Miến dong Hoa Thám", "Agribank", "8300205011223", "NONG THI HOA", "To pay"):
        assert shown in hoas_line
    assert dong(owed[hoa.pk]) in hoas_line
    assert dong(sum(owed.values())) in words(page.select_one(".money-totals"))


def test_a_refused_period_is_shown_and_the_dates_she_typed_are_kept(editor, hoa):
    today = timezone.localdate()
    start, end = today, today - datetime.timedelta(days=1)

    response = open_run(editor, start, end)

    assert response.status_code == 200
    assert "The period ends before it starts." in text_of(response)
    page = soup_of(response)
    assert page.select_one("input[name=period_start]")["value"] == start.isoformat()
    assert page.select_one("input[name=period_end]")["value"] == end.isoformat()
    assert not PayoutRun.objects.exists()


def test_the_qr_code_pays_exactly_her_payout_to_her_account_with_its_number_in_the_memo(editor, hoa):
    # Given a run with Hoa's payout
    page = soup_of(open_run(editor))
    payout = Payout.objects.get(seller=hoa)
    line = line_of(page, payout)

    # When the treasurer's banking app reads the code on her line
    payload = payload_on(line)

    # Then it is a valid VietQR transfer of exactly her payout to her Agribank account, with the payout number
    assert crc_is_valid(payload)
    root = dict(parse_tlv(payload))
    assert root["00"] == "01"
    assert root["01"] == "12"  # a code for one payment, with its amount
    assert root["53"] == "704"
    assert root["54"] == str(payout.amount)
    assert root["58"] == "VN"
    merchant = dict(parse_tlv(root["38"]))
    assert merchant["00"] == "A000000727"
    assert dict(parse_tlv(merchant["01"])) == {"00": "970405", "01": "8300205011223"}
    assert merchant["02"] == "QRIBFTTA"
    message = dict(parse_tlv(root["62"]))["08"]
    assert message == memo(payout)
    assert message.startswith(payout.number)
    # and the code drawn inline is that payload's, with nothing fetched from elsewhere
    svg = line.select_one("figure.payout-qr svg")
    assert svg.select_one("path")["d"] == BeautifulSoup(vietqr_svg(payload), "html.parser").select_one("path")["d"]
    assert not page.select("script[src^=http], link[href^=http]")


def test_marking_paid_writes_her_payout_entry_and_her_balance_goes_to_zero(editor, union_editor, hoa):
    open_run(editor)
    payout = Payout.objects.get(seller=hoa)

    response = editor.post(
        reverse("payouts:mark-paid", args=[payout.pk]), {"bank_reference": "FT26336001"}, follow=True
    )

    assert balance(hoa) == 0
    entry = Entry.objects.get(seller=hoa, kind=EntryKind.PAYOUT)
    assert (entry.amount, entry.payout, entry.created_by) == (-payout.amount, payout, union_editor)
    payout.refresh_from_db()
    assert (payout.status, payout.bank_reference, payout.paid_by) == (PayoutStatus.PAID, "FT26336001", union_editor)
    assert f"{payout.number} marked paid" in text_of(response)
    line = line_of(soup_of(response), payout)
    assert "FT26336001" in words(line)
    assert not line.select("form")
    assert not line.select("svg.vietqr-code")


def test_posting_twice_makes_one_payout_and_says_it_was_already_paid(editor, hoa):
    open_run(editor)
    payout = Payout.objects.get(seller=hoa)
    url = reverse("payouts:mark-paid", args=[payout.pk])

    editor.post(url, {"bank_reference": "FT26336001"})
    again = editor.post(url, {"bank_reference": "FT26336001"}, follow=True)

    assert Entry.objects.filter(seller=hoa, kind=EntryKind.PAYOUT).count() == 1
    assert balance(hoa) == 0
    assert f"{payout.number} was already marked paid" in text_of(again)


def test_marking_paid_without_the_banks_reference_pays_nothing(editor, hoa):
    open_run(editor)
    payout = Payout.objects.get(seller=hoa)
    owed = balance(hoa)

    response = editor.post(reverse("payouts:mark-paid", args=[payout.pk]), {"bank_reference": " "}, follow=True)

    assert "Write the bank's reference" in text_of(response)
    assert balance(hoa) == owed
    assert not Entry.objects.filter(kind=EntryKind.PAYOUT).exists()


def test_a_seller_without_bank_details_is_listed_without_a_code_and_her_balance_waits(editor, lan):
    # Given a run with Lan, who has given no bank account
    owed = balance(lan)
    page = soup_of(open_run(editor))
    payout = Payout.objects.get(seller=lan)

    # Then her line says so, with no code to scan and no way to mark it paid
    line = line_of(page, payout)
    text = words(line)
    assert "No bank account to pay into" in text
    assert "Take her account again" in text
    assert not line.select("svg.vietqr-code, figure.payout-qr")
    assert not line.select("input[name=bank_reference]")

    # and a payment sent anyway is refused: her balance waits
    response = editor.post(reverse("payouts:mark-paid", args=[payout.pk]), {"bank_reference": "FT1"}, follow=True)
    assert "no bank account to pay into yet" in text_of(response)
    assert balance(lan) == owed
    assert not Entry.objects.filter(kind=EntryKind.PAYOUT).exists()


def test_once_she_adds_her_account_the_line_takes_it_and_gets_its_code(editor, lan):
    open_run(editor)
    payout = Payout.objects.get(seller=lan)
    editor.post(reverse("payouts:refresh-account", args=[payout.pk]))
    payout.refresh_from_db()
    assert payout.status == PayoutStatus.NO_ACCOUNT  # nothing to take yet

    # When she adds her account in her profile, and staff take it again
    lan.bank_bin, lan.bank_account_number, lan.bank_account_holder = "970418", "21510000111222", "BE THI LAN"
    lan.save()
    response = editor.post(reverse("payouts:refresh-account", args=[payout.pk]), follow=True)

    # Then her line has a code for her new account
    payout.refresh_from_db()
    assert payout.status == PayoutStatus.WAITING
    merchant = dict(parse_tlv(dict(parse_tlv(payload_on(line_of(soup_of(response), payout))))["38"]))
    assert dict(parse_tlv(merchant["01"])) == {"00": "970418", "01": "21510000111222"}


def test_the_excel_export_opens_and_its_total_is_the_sum_of_the_lines(editor, hoa, htx, lan):
    open_run(editor)
    run = PayoutRun.objects.get()

    response = editor.get(reverse("payouts:run-export", args=[run.pk]))

    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert (
        response["Content-Disposition"]
        == f'attachment; filename="{run.number}_{run.period_start}_{run.period_end}.xlsx"'
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    lines, total = rows[:-1], rows[-1]
    assert {row[1] for row in lines} == {
        "Cơ sở Miến dong Hoa Thám",
        "Hợp tác xã Thạch đen Phục Hòa",
        "Cơ sở Lạp sườn Bế Lan",
    }
    assert sum(row[6] for row in lines) == total[6] == sum(payout.amount for payout in run.payouts.all())


def test_the_run_list_shows_what_each_run_pays_and_what_is_left(editor, hoa, lan):
    open_run(editor)
    run = PayoutRun.objects.get()

    text = text_of(editor.get(reverse("payouts:runs")))

    assert run.number in text
    assert "1 to pay" in text
    assert "1 without an account" in text


@pytest.mark.parametrize("sellers", [2, 6])
def test_the_run_page_takes_as_many_queries_for_many_sellers_as_for_few(editor, django_assert_max_num_queries, sellers):
    for number in range(sellers):
        delivered_prepaid(seller_with_account(f"Cơ sở số {number}", account=f"83002050{number:05d}"), "50000")
    delivered_prepaid(PartnerFactory(name="Cơ sở chưa có tài khoản"), "50000")
    open_run(editor)
    run = PayoutRun.objects.get()

    with django_assert_max_num_queries(12):
        response = editor.get(run.get_absolute_url())

    assert len(soup_of(response).select(".payout-line")) == sellers + 1
