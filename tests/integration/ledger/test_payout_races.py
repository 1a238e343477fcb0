"""Two staff marking one payout paid at the same moment, in real concurrent transactions, make one payout."""

from decimal import Decimal

import pytest
from django.db import connection
from django.utils import timezone

from ledger.models import Entry, EntryKind
from ledger.payouts import mark_payout_paid, open_payout_run
from tests.factories import PartnerFactory, ProductFactory, UserFactory
from tests.integration.orders.test_fulfilment_races import run_together

from .helpers import deliver, prepaid_order, shipment_of

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent transactions need PostgreSQL"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_two_treasurers_marking_one_payout_paid_at_once_pay_her_once():
    # Given a payout run with her payout waiting
    mai = PartnerFactory(bank_bin="970405", bank_account_number="8300205012345", bank_account_holder="DAM THI MAI")
    deliver(shipment_of(prepaid_order(None, ProductFactory(seller=mai, stockrecords__price=Decimal("125000"))), mai))
    first, second = UserFactory(is_staff=True), UserFactory(is_staff=True)
    today = timezone.localdate()
    payout = open_payout_run(period_start=today.replace(day=1), period_end=today, by=first).payouts.get()

    # When both mark it paid at the same moment
    errors = run_together(
        lambda: mark_payout_paid(payout, bank_reference="FT-A", by=first),
        lambda: mark_payout_paid(payout, bank_reference="FT-B", by=second),
    )

    # Then one payout entry is written and her balance is zero, not below
    assert errors == [None, None]
    assert Entry.objects.filter(seller=mai, kind=EntryKind.PAYOUT).count() == 1
    assert Entry.objects.filter(seller=mai).owed().total() == 0
