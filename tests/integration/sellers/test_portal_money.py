"""My money: what the Union holds for her after real deliveries, what is on its way, each entry in her words,
the cash she collected herself kept out of her balance, and the payouts the Union made her."""

import datetime
import re
from decimal import Decimal
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from ledger.balances import balance
from ledger.models import CollectedBy, Entry, EntryKind
from ledger.payouts import mark_payout_paid, open_payout_run
from orders.fulfilment import accept_shipment, pack_shipment
from tests.factories import PartnerFactory, ProductFactory, UserFactory
from tests.integration.ledger.helpers import cash_order, deliver, prepaid_order, shipment_of
from tests.pages import ENGLISH, open_page, soup_of, text_of

MONEY = "/seller/tien/"


def vnd(amount, signed=False):
    """An amount as the page writes it: "125.000 ₫", or signed "+125.000 ₫", "−1.250 ₫" (a no-break space)."""
    text = f"{abs(amount):,}".replace(",", ".") + "\xa0₫"
    return (("+" if amount > 0 else "−") + text) if signed and amount else text


def today():
    return f"{timezone.localdate():%d/%m/%Y}"


def words(element):
    """An element's visible text, runs of whitespace made one space (a no-break space stays), as text_of does."""
    return re.sub(r"[ \t\n\r\f\v]+", " ", element.get_text(" ")).strip()


def rows_of(response):
    """Her entries on the page, each row as its text."""
    return [
        words(row) for row in soup_of(response).select_one("#entries").find_next_sibling(class_="card").select("li")
    ]


@pytest.fixture
def her_client(client, seller_owner):
    client.force_login(seller_owner)
    return client


@pytest.fixture
def jelly(seller):
    """Her black grass jelly, at 125.000 ₫."""
    return ProductFactory(title="Thạch đen Phục Hòa", seller=seller, stockrecords__price=Decimal("125000"))


@pytest.fixture
def with_bank_account(seller):
    seller.bank_bin, seller.bank_account_number, seller.bank_account_holder = "970405", "8300205012345", "DAM THI MAI"
    seller.save()
    return seller


@pytest.mark.django_db
def test_her_page_shows_her_balance_each_entry_and_what_is_on_the_way(her_client, seller, jelly):
    # Given one transfer order of her jelly delivered, and another paid and sent but not delivered yet
    delivered = prepaid_order(None, jelly)
    fee = int(shipment_of(delivered, seller).shipping_charge)
    deliver(shipment_of(delivered, seller))
    on_its_way = prepaid_order(None, (jelly, 2))
    shipment = shipment_of(on_its_way, seller)
    accept_shipment(shipment)
    pack_shipment(shipment)

    # When she opens her money page
    response = open_page(her_client, MONEY, ENGLISH)

    # Then her balance is the delivered parcel less VAT 1 % and PIT 0.5 %, each entry said with its sign
    assert response.status_code == 200
    owed = 125000 + fee - 1250 - 625
    assert balance(seller) == owed
    page = soup_of(response)
    assert page.select_one(".money-big").get_text(strip=True) == vnd(owed)
    number = delivered.number
    assert rows_of(response) == [
        f"Income tax withheld 0.5 %, order {number} {today()} {vnd(-625, signed=True)}",
        f"VAT withheld 1 %, order {number} {today()} {vnd(-1250, signed=True)}",
        f"Shipping fee of order {number} {today()} {vnd(fee, signed=True)}",
        f"Order {number} delivered {today()} {vnd(125000, signed=True)}",
    ]
    # and the parcel on its way says what it will add: 250.000 ₫ and its fee, less 1.5 % of the goods
    way = words(page.select_one(".money-way"))
    assert way == f"1 parcel not delivered yet {vnd(250000 + int(shipment.shipping_charge) - 3750, signed=True)}"
    # and the rates every statement shows, for a household business
    text = text_of(response)
    assert "The Union's commission 0 %" in text
    assert "VAT withheld 1 %" in text
    assert "Personal income tax withheld 0.5 %" in text
    # and each entry of a parcel opens her order
    link = page.select_one(f'.statement a[href="/seller/don-hang/{shipment_of(delivered, seller).pk}/"]')
    assert link is not None


@pytest.mark.django_db
def test_cash_she_collected_is_listed_in_grey_and_is_not_in_her_balance(her_client, seller, jelly, settings):
    # Given a cash-on-delivery order, whose cash her carrier hands to her (the default)
    settings.CASH_ON_DELIVERY_REMITTED_TO = "seller"
    order = cash_order(None, jelly)

    # When it is delivered
    deliver(shipment_of(order, seller))

    # Then her page lists the sale apart, as not in her balance, and her balance stays 0 ₫
    response = open_page(her_client, MONEY, ENGLISH)
    page = soup_of(response)
    assert page.select_one(".money-big").get_text(strip=True) == vnd(0)
    outside = page.select(".statement li.is-outside")
    assert len(outside) == Entry.objects.filter(seller=seller, collected_by=CollectedBy.SELLER).count() >= 1
    assert words(outside[-1]) == (
        f"Order {order.number} delivered (cash you collected) {today()} · not in your balance "
        f"{vnd(125000, signed=True)}"
    )
    assert not page.select(".statement li:not(.is-outside)")
    assert "No parcel on its way whose money the Union holds." in text_of(response)


@pytest.mark.django_db
def test_a_paid_payout_shows_with_its_reference_and_her_balance_is_zero(her_client, seller, jelly, with_bank_account):
    # Given a delivered transfer order, and the Union's treasurer who pays her by VietQR
    deliver(shipment_of(prepaid_order(None, jelly), seller))
    owed = balance(seller)
    treasurer = UserFactory(email="thu.quy@example.vn", is_staff=True)
    day = timezone.localdate()
    run = open_payout_run(period_start=day - datetime.timedelta(days=30), period_end=day, by=treasurer)
    payout = run.payouts.get(seller=seller)

    # When she marks it paid with the bank's reference
    mark_payout_paid(payout, bank_reference="FT26336912345", by=treasurer)

    # Then the seller's page shows 0 ₫ held, the transfer among her entries, and the payout with its reference
    response = open_page(her_client, MONEY, ENGLISH)
    page = soup_of(response)
    assert page.select_one(".money-big").get_text(strip=True) == vnd(0)
    transfer = rows_of(response)[0]
    assert transfer.startswith("Paid to you by the Union on")
    assert transfer.endswith(vnd(-owed, signed=True))
    payouts = words(page.select_one(".payouts"))
    assert f"Transferred on {timezone.localdate():%-d/%-m/%Y}" in payouts
    assert f"{payout.number} · bank reference FT26336912345" in payouts
    assert payouts.endswith(vnd(owed))
    assert "You have no account to receive money yet" not in text_of(response)


@pytest.mark.django_db
def test_without_a_bank_account_she_is_told_and_sent_to_her_profile(her_client, seller):
    response = open_page(her_client, MONEY, ENGLISH)

    alert = soup_of(response).select_one(".money-alert")
    assert "You have no account to receive money yet" in alert.get_text()
    assert alert.select_one("a")["href"] == "/seller/ho-so/#id_bank_bin"


@pytest.mark.django_db
def test_a_cooperative_is_told_no_tax_is_withheld(client):
    cooperative = PartnerFactory(name="HTX Miến dong Nguyên Bình", kind="cooperative", members=12)
    owner = UserFactory()
    cooperative.users.add(owner)
    client.force_login(owner)

    text = text_of(open_page(client, MONEY, ENGLISH))

    assert "No tax is withheld for a cooperative." in text
    assert "VAT withheld" not in text
    assert "The Union's commission 0 %" in text


@pytest.mark.django_db
def test_another_sellers_entries_and_payouts_never_appear(her_client, seller, jelly, with_bank_account):
    # Given Hoa, another seller, with a delivered transfer order, a cash one, a correction and a payout
    hoa = PartnerFactory(
        name="Cơ sở Miến dong Hoa Thám", bank_bin="970418", bank_account_number="123456789", bank_account_holder="HOA"
    )
    noodles = ProductFactory(seller=hoa, stockrecords__price=Decimal("777000"))
    hoas_order = prepaid_order(None, noodles)
    hoas_cash = cash_order(None, noodles)
    deliver(shipment_of(hoas_order, hoa))
    deliver(shipment_of(hoas_cash, hoa))
    Entry.objects.create(seller=hoa, kind=EntryKind.CORRECTION, amount=4321, reason="Hoa Thám bù phí")
    treasurer = UserFactory(email="thu.quy@example.vn", is_staff=True)
    day = timezone.localdate()
    run = open_payout_run(period_start=day, period_end=day, by=treasurer)
    mark_payout_paid(run.payouts.get(seller=hoa), bank_reference="FT-HOA-999", by=treasurer)
    # and Mai with a parcel of her own
    deliver(shipment_of(prepaid_order(None, jelly), seller))

    # When Mai opens her money page
    response = open_page(her_client, MONEY, ENGLISH)

    # Then she sees her own entries only
    text = text_of(response)
    for hoas in (hoas_order.number, hoas_cash.number, "777.000", "Hoa Thám", "FT-HOA-999", "4.321"):
        assert hoas not in text
    assert len(rows_of(response)) == Entry.objects.filter(seller=seller).count()
    assert not soup_of(response).select(".payouts")  # Hoa was paid, Mai was not


@pytest.mark.django_db
def test_her_entries_come_fifty_at_a_time_newest_first(her_client, seller):
    # Given 53 corrections by the Union, numbered in the order they were made
    Entry.objects.bulk_create(
        Entry(seller=seller, kind=EntryKind.CORRECTION, amount=1000, reason=f"Bù số {n}") for n in range(1, 54)
    )

    # When she opens her page, then the older page
    first = open_page(her_client, MONEY, ENGLISH)
    older = soup_of(first).select_one(".pager a")
    second = open_page(her_client, MONEY + older["href"], ENGLISH)

    # Then the first page has the 50 newest and her figures; the second the 3 oldest, without the figures
    first_rows, second_rows = rows_of(first), rows_of(second)
    assert len(first_rows) == 50
    assert first_rows[0].startswith("Correction by the Union: Bù số 53")
    assert older.get_text(strip=True) == "Older"
    assert [re.search(r"Bù số \d+", row).group() for row in second_rows] == ["Bù số 3", "Bù số 2", "Bù số 1"]
    assert soup_of(first).select_one(".money-big")
    assert not soup_of(second).select_one(".money-big")
    assert "Page 2 of 2" in text_of(second)
    # and fifty entries still make a light page: one stylesheet, no scripts, under 30 kB
    stylesheets = [link["href"] for link in soup_of(first).select('link[rel="stylesheet"]')]
    assert stylesheets == ["/static/sellers/css/portal.css"]
    assert not soup_of(first).select("script")
    assert len(first.content) < 30_000


def deliver_prepaid_orders(seller, count):
    product = ProductFactory(seller=seller, stockrecords__price=Decimal("90000"), stockrecords__num_in_stock=100)
    for _ in range(count):
        deliver(shipment_of(prepaid_order(None, product), seller))
    # and one on its way, paid
    prepaid_order(None, product)


@pytest.mark.django_db
def test_her_page_costs_the_same_queries_for_one_delivered_order_or_five(her_client, seller, with_bank_account):
    def queries_for_her_page():
        with CaptureQueriesContext(connection) as queries:
            assert her_client.get(MONEY).status_code == 200
        return len(queries)

    deliver_prepaid_orders(seller, 1)
    few = queries_for_her_page()
    deliver_prepaid_orders(seller, 4)
    treasurer = UserFactory(email="thu.quy@example.vn", is_staff=True)
    day = timezone.localdate()
    run = open_payout_run(period_start=day, period_end=day, by=treasurer)
    mark_payout_paid(run.payouts.get(seller=seller), bank_reference="FT1", by=treasurer)
    many = queries_for_her_page()

    assert many == few
    assert few <= 13  # the session, her account and business, the badge; balance, on the way, entries, payouts


@pytest.mark.django_db
def test_a_transfer_just_after_midnight_in_cao_bang_reads_that_days_date(her_client, seller):
    # Given the Union's transfer entry written at 01:30 on 5 December, Cao Bằng's time (18:30 UTC the day before)
    at = datetime.datetime(2026, 12, 4, 18, 30, tzinfo=datetime.UTC)
    with mock.patch("django.utils.timezone.now", return_value=at):
        Entry.objects.create(seller=seller, kind=EntryKind.CORRECTION, amount=123125, reason="Bù")
        Entry.objects.create(seller=seller, kind=EntryKind.PAYOUT, amount=-123125, reason="FT1")

    rows = rows_of(open_page(her_client, MONEY, ENGLISH))

    assert rows[0] == f"Paid to you by the Union on 5/12 05/12/2026 {vnd(-123125, signed=True)}"
