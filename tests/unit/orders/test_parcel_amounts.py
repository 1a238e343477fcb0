"""What one parcel comes to for its buyer, from its lines and fee alone (no database)."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from oscar.core.loading import get_model

from orders.amounts import parcel_amounts
from orders.payment_methods import PaymentMethodCode
from orders.status import LineStatus, ShipmentStatus

Line = get_model("order", "Line")
Shipment = get_model("order", "Shipment")

HER, ANOTHER = 1, 2
dong = st.integers(min_value=0, max_value=5_000_000)
lines = st.lists(
    st.tuples(st.sampled_from([HER, ANOTHER]), dong, st.booleans()),  # seller, price, cancelled
    max_size=8,
)


def line(seller_id, price, cancelled=False):
    status = LineStatus.CANCELLED if cancelled else ""
    return Line(partner_id=seller_id, line_price_incl_tax=Decimal(price), status=status)


@given(
    order_lines=lines,
    fee=dong,
    status=st.sampled_from(ShipmentStatus.values),
    method_code=st.sampled_from(PaymentMethodCode.values),
)
def test_a_parcel_is_due_her_live_lines_and_her_fee_and_only_cash_is_collected(order_lines, fee, status, method_code):
    shipment = Shipment(seller_id=HER, status=status, shipping_charge=Decimal(fee))

    amounts = parcel_amounts(shipment, lines=[line(*made) for made in order_lines], method_code=method_code)

    hers = sum(price for seller, price, cancelled in order_lines if seller == HER and not cancelled)
    assert amounts.due == (0 if status == ShipmentStatus.CANCELLED else hers + fee)
    assert amounts.to_collect == (amounts.due if method_code == PaymentMethodCode.COD else 0)
    assert amounts.is_prepaid == (method_code != PaymentMethodCode.COD)


def test_a_fraction_of_a_dong_is_a_mistake_not_a_price():
    shipment = Shipment(seller_id=HER, status=ShipmentStatus.NEW, shipping_charge=Decimal("18000.50"))

    with pytest.raises(ValueError, match="whole number of đồng"):
        parcel_amounts(shipment, lines=[], method_code=PaymentMethodCode.COD)
