"""The Union pays each seller what it holds for her: a run for a period, a payout per seller, marked paid once."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from ledger.balances import balance
from ledger.models import Entry, EntryKind, PayoutStatus
from ledger.payouts import correct_balance, mark_payout_paid, open_payout_run, refresh_account
from orders.refusals import Refused
from orders.returning import refund_delivered_shipment
from tests.factories import PartnerFactory, ProductFactory, UserFactory

from .helpers import deliver, prepaid_order, shipment_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def treasurer():
    return UserFactory(email="thuquy@example.vn", is_staff=True)


def seller_with_money(price="125000", **account):
    account = account or {
        "bank_bin": "970405",
        "bank_account_number": "8300205012345",
        "bank_account_holder": "DAM THI MAI",
    }
    seller = PartnerFactory(**account)
    shipment = shipment_of(
        prepaid_order(None, ProductFactory(seller=seller, stockrecords__price=Decimal(price))), seller
    )
    deliver(shipment)
    return seller, shipment


def this_month():
    today = timezone.localdate()
    return {"period_start": today.replace(day=1), "period_end": today}


def test_a_run_pays_each_seller_her_balance_and_marking_it_paid_takes_her_to_zero(treasurer):
    mai, _ = seller_with_money()
    empty = PartnerFactory()
    run = open_payout_run(**this_month(), by=treasurer)

    payout = run.payouts.get()
    assert payout.seller == mai
    assert payout.amount == balance(mai) > 0
    assert (payout.bank_name, payout.account_number, payout.account_holder) == (
        "Agribank",
        "8300205012345",
        "DAM THI MAI",
    )
    assert not run.payouts.filter(seller=empty).exists()

    paid, now = mark_payout_paid(payout, bank_reference="FT26120012345", by=treasurer)
    assert now
    assert paid.status == PayoutStatus.PAID
    assert balance(mai) == 0
    entry = Entry.objects.get(seller=mai, kind=EntryKind.PAYOUT)
    assert (entry.amount, entry.payout, entry.created_by) == (-payout.amount, payout, treasurer)


def test_marking_a_payout_paid_twice_writes_one_entry(treasurer):
    mai, _ = seller_with_money()
    payout = open_payout_run(**this_month(), by=treasurer).payouts.get()
    mark_payout_paid(payout, bank_reference="FT1", by=treasurer)
    _, again = mark_payout_paid(payout, bank_reference="FT2", by=treasurer)
    assert not again
    assert Entry.objects.filter(seller=mai, kind=EntryKind.PAYOUT).count() == 1
    payout.refresh_from_db()
    assert payout.bank_reference == "FT1"


def test_a_seller_without_a_bank_account_is_listed_and_her_money_waits(treasurer):
    lan, _ = seller_with_money(bank_bin="", bank_account_number="", bank_account_holder="")
    payout = open_payout_run(**this_month(), by=treasurer).payouts.get()
    assert payout.status == PayoutStatus.NO_ACCOUNT
    with pytest.raises(Refused):
        mark_payout_paid(payout, bank_reference="FT1", by=treasurer)
    waiting = balance(lan)
    assert waiting > 0

    # Once she gives her account, the payout takes it and can be paid
    lan.bank_bin, lan.bank_account_number, lan.bank_account_holder = "970418", "12010000123456", "LANG THI LAN"
    lan.save()
    assert refresh_account(payout)
    mark_payout_paid(payout, bank_reference="FT3", by=treasurer)
    assert balance(lan) == 0


def test_a_seller_with_a_payout_still_to_pay_is_not_paid_again_by_a_second_run(treasurer):
    seller_with_money()
    open_payout_run(**this_month(), by=treasurer)
    assert not open_payout_run(**this_month(), by=treasurer).payouts.exists()


def test_a_payout_never_takes_her_balance_below_zero(treasurer):
    # Given a run opened for her balance, and then a refund of her parcel
    mai, shipment = seller_with_money()
    payout = open_payout_run(**this_month(), by=treasurer).payouts.get()
    refund_delivered_shipment(shipment, reason="Gói hàng bị vỡ", by=treasurer)
    assert balance(mai) == 0

    # When the treasurer marks the payout paid, it is refused and nothing is written
    with pytest.raises(Refused):
        mark_payout_paid(payout, bank_reference="FT1", by=treasurer)
    assert not Entry.objects.filter(seller=mai, kind=EntryKind.PAYOUT).exists()


def test_money_that_came_after_the_period_waits_for_the_next_run(treasurer):
    seller_with_money()
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    run = open_payout_run(period_start=yesterday - datetime.timedelta(days=30), period_end=yesterday, by=treasurer)
    assert not run.payouts.exists()


def test_a_correction_is_a_new_entry_with_its_reason(treasurer):
    mai, _ = seller_with_money()
    before = balance(mai)
    with pytest.raises(Refused):
        correct_balance(mai, amount=5000, reason=" ", by=treasurer)
    correct_balance(mai, amount=-5000, reason="Phí gửi tính nhầm", by=treasurer)
    assert balance(mai) == before - 5000
    assert Entry.objects.get(seller=mai, kind=EntryKind.CORRECTION).created_by == treasurer


def test_a_refund_of_a_delivered_parcel_reverses_each_of_its_entries(treasurer):
    mai, shipment = seller_with_money()
    credited = {entry.pk: entry.amount for entry in Entry.objects.filter(seller=mai)}

    refund_delivered_shipment(shipment, reason="Khách trả lại", by=treasurer)

    reversals = Entry.objects.filter(seller=mai, kind=EntryKind.REVERSAL)
    assert {entry.reverses_id: entry.amount for entry in reversals} == {pk: -amount for pk, amount in credited.items()}
    assert balance(mai) == 0
    with pytest.raises(Refused):
        refund_delivered_shipment(shipment, reason="Lần nữa", by=treasurer)
    assert reversals.count() == len(credited)
