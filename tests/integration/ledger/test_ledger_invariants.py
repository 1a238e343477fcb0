"""The ledger's rules hold for any orders, cancels, deliveries, refunds and payouts (hypothesis).

- a seller's balance is her credits less reversals, withholding, commission and payouts;
- no payout takes a balance below zero;
- over all sellers, what the ledger owes equals what buyers paid the marketplace for delivered
  parcels, less what was owed back to them and less the tax withheld;
- the tax withheld is Decree 117's rates of the goods of household sellers' parcels kept, and
  nothing for cooperatives or for cash a seller collected herself.
"""

import datetime
from decimal import ROUND_HALF_UP, Decimal

import pytest
from django.db.models import Q
from django.utils import timezone
from hypothesis import HealthCheck, given
from hypothesis import settings as examples
from hypothesis import strategies as st

from ledger.balances import balance
from ledger.models import CollectedBy, Entry, EntryKind
from ledger.payouts import mark_payout_paid, open_payout_run
from orders.cancelling import cancel_lines
from orders.payment_methods import PaymentMethodCode
from orders.refusals import Refused
from orders.returning import refund_delivered_shipment
from orders.signals import refund_due
from tests.factories import PartnerFactory, ProductFactory, UserFactory

from .helpers import cash_order, deliver, prepaid_order

VAT, PIT, COMMISSION = Decimal("0.01"), Decimal("0.005"), Decimal("0.02")

parcel_fates = st.sampled_from(
    ["deliver", "deliver", "deliver_then_refund", "cancel_one_line_then_deliver", "cancel_parcel"]
)
orders = st.lists(
    st.fixed_dictionaries(
        {
            "method": st.sampled_from([PaymentMethodCode.VIETQR, PaymentMethodCode.CARD, PaymentMethodCode.COD]),
            "lines": st.lists(
                st.tuples(
                    st.integers(min_value=0, max_value=2),  # which seller
                    st.integers(min_value=1, max_value=600).map(lambda thousands: Decimal(thousands * 1000 + 500)),
                    st.integers(min_value=1, max_value=3),  # quantity
                ),
                min_size=1,
                max_size=4,
            ),
            "fates": st.lists(parcel_fates, min_size=3, max_size=3),
            "refund_after_payout": st.booleans(),
        }
    ),
    min_size=1,
    max_size=3,
)


def share(amount, rate):
    return int((Decimal(amount) * rate).quantize(Decimal(1), ROUND_HALF_UP))


@pytest.mark.django_db
@examples(max_examples=35, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(placed=orders, kinds=st.lists(st.sampled_from(["household", "cooperative"]), min_size=3, max_size=3))
def test_the_ledger_adds_up_for_any_orders_cancels_refunds_and_payouts(placed, kinds, settings):
    settings.MARKETPLACE_COMMISSION_RATE = COMMISSION
    staff = UserFactory(is_staff=True)
    sellers = [
        PartnerFactory(kind=kind, members=9 if kind == "cooperative" else None, bank_bin="970405",
                       bank_account_number=f"830020500{index}", bank_account_holder="NONG THI HOA")
        for index, kind in enumerate(kinds)
    ]  # fmt: skip
    owed_back = []
    refund_due.connect(
        lambda sender, order, amount, **kw: owed_back.append((order.pk, amount)), weak=False, dispatch_uid="t"
    )
    try:
        paid_in, expected_withholding, expected_commission, later_refunds = 0, 0, 0, []
        for spec in placed:
            purchases = [
                (ProductFactory(seller=sellers[seller], stockrecords__price=price, stockrecords__num_in_stock=10), qty)
                for seller, price, qty in spec["lines"]
            ]
            prepaid = spec["method"] != PaymentMethodCode.COD
            order = prepaid_order(None, *purchases, method=spec["method"]) if prepaid else cash_order(None, *purchases)
            if prepaid:
                paid_in += int(order.total_incl_tax)
            for shipment in order.shipments.order_by("pk"):
                fate = spec["fates"][sellers.index(shipment.seller)]
                if fate == "cancel_parcel":
                    cancel_lines(shipment, list(shipment.live_lines), "Hết hàng", notify_buyer=False)
                    continue
                if fate == "cancel_one_line_then_deliver" and shipment.live_lines.count() > 1:
                    cancel_lines(shipment, [shipment.live_lines.first()], "Hết hàng", notify_buyer=False)
                deliver(shipment)
                shipment.refresh_from_db()
                goods = int(sum(line.line_price_incl_tax for line in shipment.live_lines))
                kept = fate != "deliver_then_refund"
                if fate == "deliver_then_refund" and spec["refund_after_payout"]:
                    later_refunds.append(shipment)
                    kept = True  # for now
                elif fate == "deliver_then_refund":
                    refund_delivered_shipment(shipment, reason="Vỡ khi giao", by=staff)
                if prepaid and kept:
                    expected_commission += share(goods, COMMISSION)
                    if shipment.seller.kind == "household":
                        expected_withholding += share(goods, VAT) + share(goods, PIT)

        # Hypothesis runs every example in the test's one transaction: only this example's sellers count.
        owed = Entry.objects.owed().filter(seller__in=sellers)
        # Each balance is her credits less reversals, withholding, commission and payouts (none yet)
        for seller in sellers:
            hers = owed.filter(seller=seller)
            by_kind = {kind: hers.filter(kind=kind).total() for kind in EntryKind.values}
            credits = by_kind[EntryKind.SALE] + by_kind[EntryKind.SHIPPING_FEE]
            withheld = -(by_kind[EntryKind.VAT_WITHHELD] + by_kind[EntryKind.PIT_WITHHELD])
            assert balance(seller) == (
                credits
                + by_kind[EntryKind.REVERSAL]
                - withheld
                + by_kind[EntryKind.COMMISSION]
                + by_kind[EntryKind.PAYOUT]
            )
            assert balance(seller) >= 0

        # Over all sellers: what buyers paid the marketplace for delivered parcels, less what is owed back, less tax
        # withheld and commission
        given_back = sum(int(amount) for _order, amount in owed_back if amount is not None)
        assert all(amount is not None for _order, amount in owed_back)
        withholding = [EntryKind.VAT_WITHHELD, EntryKind.PIT_WITHHELD]

        def net_of(kinds):
            return -owed.filter(Q(kind__in=kinds) | Q(kind=EntryKind.REVERSAL, reverses__kind__in=kinds)).total()

        assert net_of(withholding) == expected_withholding
        assert net_of([EntryKind.COMMISSION]) == expected_commission
        assert owed.total() == paid_in - given_back - expected_withholding - expected_commission
        # Cash a seller collected herself never owes her anything, and is never withheld on
        assert not Entry.objects.filter(seller__in=sellers, collected_by=CollectedBy.SELLER, kind__in=withholding)

        # A payout run pays each seller her balance; a refund that comes in before she is marked paid refuses
        # the payout rather than take her below zero
        today = timezone.localdate()
        run = open_payout_run(period_start=today - datetime.timedelta(days=30), period_end=today, by=staff)
        ours = run.payouts.filter(seller__in=sellers)
        assert {payout.seller_id for payout in ours} == {s.pk for s in sellers if balance(s) > 0}
        for shipment in later_refunds:
            refund_delivered_shipment(shipment, reason="Trả lại", by=staff)
        for payout in ours:
            before = balance(payout.seller)
            try:
                mark_payout_paid(payout, bank_reference="FT26120001", by=staff)
            except Refused:
                assert before < payout.amount
                continue
            assert balance(payout.seller) == before - payout.amount
        refunded_later = {shipment.seller_id for shipment in later_refunds}
        for seller in sellers:
            assert balance(seller) >= 0
            if seller.pk not in refunded_later:
                assert balance(seller) == 0
    finally:
        refund_due.disconnect(dispatch_uid="t")
