"""Staff read a seller's ledger (her balance and every entry) and put a mistake right with a correction:
a new entry with its amount and reason, never an edit."""

import pytest
from django.urls import reverse

from ledger.balances import balance
from ledger.models import Entry, EntryKind
from tests.pages import soup_of, text_of

from .money import delivered_prepaid, in_english, seller_with_account

pytestmark = pytest.mark.django_db


@pytest.fixture
def hoa():
    seller = seller_with_account("Cơ sở Miến dong Hoa Thám")
    delivered_prepaid(seller, "125000")
    return seller


@pytest.fixture
def editor(client, union_editor):
    client.force_login(union_editor)
    return in_english(client)


def correct(client, seller, amount, reason):
    return client.post(reverse("payouts:correct", args=[seller.pk]), {"amount": amount, "reason": reason}, follow=True)


def test_her_ledger_page_shows_her_balance_and_each_entry_in_words(editor, hoa):
    response = editor.get(reverse("payouts:seller", args=[hoa.pk]))

    text = text_of(response)
    owed = balance(hoa)
    assert f"{owed:,}".replace(",", ".") + "\xa0₫" in soup_of(response).select_one(".money-totals").get_text(" ")
    order = Entry.objects.filter(seller=hoa).first().order
    assert f"Order {order.number} delivered" in text
    assert f"VAT withheld 1 %, order {order.number}" in text
    assert len(soup_of(response).select(".money-table tbody tr")) == Entry.objects.filter(seller=hoa).count()


def test_a_correction_writes_a_new_entry_with_its_reason_and_changes_her_balance(editor, union_editor, hoa):
    owed = balance(hoa)

    response = correct(editor, hoa, "−50.000", "Phí gửi hàng tính hai lần")

    entry = Entry.objects.get(seller=hoa, kind=EntryKind.CORRECTION)
    assert (entry.amount, entry.reason, entry.created_by) == (-50000, "Phí gửi hàng tính hai lần", union_editor)
    assert balance(hoa) == owed - 50000
    text = text_of(response)
    assert "Correction of -50.000\xa0₫ written" in text
    assert "Correction by the Union: Phí gửi hàng tính hai lần" in text


def test_a_correction_adds_as_well(editor, hoa):
    owed = balance(hoa)

    correct(editor, hoa, "20,000", "Bù phí gửi hàng")

    assert balance(hoa) == owed + 20000


@pytest.mark.parametrize(
    ("amount", "reason", "error"),
    [
        ("50.000", "  ", "Say why this correction is made."),
        ("0", "Thử", "A correction of 0 ₫ changes nothing."),
        ("năm mươi nghìn", "Thử", "Write a whole number of đồng"),
    ],
)
def test_a_correction_without_a_reason_or_an_amount_is_refused_and_keeps_what_she_typed(
    editor, hoa, amount, reason, error
):
    owed = balance(hoa)

    response = correct(editor, hoa, amount, reason)

    assert error in text_of(response)
    assert soup_of(response).select_one("input[name=amount]")["value"] == amount
    assert balance(hoa) == owed
    assert not Entry.objects.filter(kind=EntryKind.CORRECTION).exists()


def test_the_balances_page_lists_each_seller_with_a_ledger(editor, hoa):
    no_account = seller_with_account("Cơ sở Lạp sườn Bế Lan", account="")
    delivered_prepaid(no_account, "152000")
    seller_with_account("Cơ sở chưa bán gì")

    response = editor.get(reverse("payouts:balances"))

    rows = [" ".join(row.get_text(" ").split()) for row in soup_of(response).select(".money-table tbody tr")]
    assert [row.split(" Household")[0] for row in rows] == ["Cơ sở Lạp sườn Bế Lan", "Cơ sở Miến dong Hoa Thám"]
    assert "No bank account to pay into" in rows[0]
    assert "Cơ sở chưa bán gì" not in text_of(response)


@pytest.mark.parametrize("parcels", [1, 5])
def test_her_ledger_takes_as_many_queries_for_many_entries_as_for_few(editor, django_assert_max_num_queries, parcels):
    seller = seller_with_account("Cơ sở Miến dong Hoa Thám")
    for _parcel in range(parcels):
        delivered_prepaid(seller, "50000")

    with django_assert_max_num_queries(16):
        response = editor.get(reverse("payouts:seller", args=[seller.pk]))

    assert len(soup_of(response).select(".money-table tbody tr")) == Entry.objects.filter(seller=seller).count()


@pytest.mark.parametrize("sellers", [1, 5])
def test_the_balances_page_takes_as_many_queries_for_many_sellers_as_for_few(
    editor, django_assert_max_num_queries, sellers
):
    for number in range(sellers):
        delivered_prepaid(seller_with_account(f"Cơ sở số {number}"), "50000")

    with django_assert_max_num_queries(13):
        response = editor.get(reverse("payouts:balances"))

    assert len(soup_of(response).select(".money-table tbody tr")) == sellers
