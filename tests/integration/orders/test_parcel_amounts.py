"""Cash per parcel: what the buyer owes each seller's parcel adds up to what she owes for the order,
whatever was bought, cancelled and charged, and each carrier collects it only for cash on delivery."""

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from oscar.core.loading import get_model

from orders.amounts import amount_due, parcel_amounts, with_parcel_amounts
from orders.cancelling import cancel_lines, cancel_order_by_buyer
from orders.paying import mark_order_paid, payment_source
from orders.payment_methods import PaymentMethodCode
from orders.status import LineStatus, OrderStatus
from orders.tracking import buyer_shipments
from tests.factories import PartnerFactory, ProductFactory, place_order
from tests.parcels import charge_fees

Shipment = get_model("order", "Shipment")

COD, VIETQR, CARD = PaymentMethodCode.COD, PaymentMethodCode.VIETQR, PaymentMethodCode.CARD

purchases = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=2),  # which seller
        st.integers(min_value=1, max_value=900).map(lambda thousands: Decimal(thousands * 1000)),  # price
        st.integers(min_value=1, max_value=4),  # quantity
        st.booleans(),  # whether its seller cancels it
    ),
    min_size=1,
    max_size=6,
)
fees = st.lists(st.integers(min_value=0, max_value=60).map(lambda thousands: thousands * 1000), min_size=3, max_size=3)


def paid_ahead(order, method_code):
    """The order as a transfer or card order whose payment has arrived."""
    order.status = OrderStatus.PENDING_PAYMENT
    order.save(update_fields=["status"])
    payment_source(order, method_code)
    return mark_order_paid(order, amount=order.total_incl_tax, reference="test", method_code=method_code)


def expected_due(shipment):
    """Her lines not cancelled and her fee, read straight from the rows; nothing once it is cancelled."""
    if shipment.is_cancelled:
        return 0
    return int(sum((line.line_price_incl_tax for line in shipment.live_lines), Decimal(0)) + shipment.shipping_charge)


@pytest.mark.django_db
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    basket=purchases,
    charged=fees,
    method_code=st.sampled_from([COD, VIETQR, CARD]),
    whole_order_cancelled=st.integers(min_value=0, max_value=5).map(lambda n: n == 0),
)
def test_the_parcels_amounts_add_up_to_what_the_buyer_owes_and_only_cash_is_collected(
    basket, charged, method_code, whole_order_cancelled
):
    # Given an order of up to three sellers, at any price and quantity, with any shipping fees
    sellers = [PartnerFactory() for _ in range(3)]
    bought = [
        (ProductFactory(seller=sellers[seller], stockrecords__price=price, stockrecords__num_in_stock=10), quantity)
        for seller, price, quantity, _cancel in basket
    ]
    order = place_order(None, *bought)
    order = charge_fees(order, *charged[: order.shipments.count()])
    if method_code != COD:
        order = paid_ahead(order, method_code)

    # When its sellers cancel some of their lines, one at a time (a seller cancelling all hers cancels
    # her parcel), and sometimes the buyer then cancels the whole order
    for (product, _quantity), (_seller, _price, _quantity_again, cancelled) in zip(bought, basket, strict=True):
        if cancelled:
            line = order.lines.get(product=product)
            cancel_lines(Shipment.objects.get(order=order, seller=line.partner), [line], "Hết hàng", notify_buyer=False)
    order.refresh_from_db()
    if whole_order_cancelled and order.status != OrderStatus.CANCELLED:
        order = cancel_order_by_buyer(order)

    # Then each parcel is due its lines not cancelled and its fee, and the parcels add up to the order
    shipments = buyer_shipments(order)
    assert sum(shipment.amounts.due for shipment in shipments) == amount_due(order)
    for shipment in shipments:
        assert shipment.amounts.due == expected_due(shipment)
        assert isinstance(shipment.amounts.due, int)
        # and only a cash order's carrier collects it
        assert shipment.amounts.to_collect == (shipment.amounts.due if method_code == COD else 0)
        assert shipment.amounts.method_code == method_code
    # And the sellers' lists, summed in the database, and a single shipment read alone say the same
    listed = with_parcel_amounts(Shipment.objects.filter(order=order).with_her_totals())
    assert {shipment.pk: shipment.amounts for shipment in listed} == {
        shipment.pk: shipment.amounts for shipment in shipments
    }
    alone = Shipment.objects.filter(order=order).order_by("pk").last()
    assert parcel_amounts(alone) == next(shipment.amounts for shipment in shipments if shipment.pk == alone.pk)


@pytest.mark.django_db
def test_a_parcel_cancelled_entirely_is_due_nothing_and_the_others_keep_their_fee(product):
    # Given a cash order of two sellers' parcels
    other = ProductFactory(seller=PartnerFactory(), stockrecords__price=Decimal("87000"))
    order = charge_fees(place_order(None, product, other), 18000, 22000)
    jelly, theirs = order.shipments.order_by("pk")

    # When the jelly seller cancels her only line
    cancel_lines(jelly, list(jelly.lines), "Hết thạch", notify_buyer=False)

    # Then her parcel is due nothing, not even its fee, and the other still its lines and fee
    amounts = {shipment.seller_id: shipment.amounts for shipment in buyer_shipments(order)}
    assert amounts[jelly.seller_id].due == amounts[jelly.seller_id].to_collect == 0
    assert amounts[theirs.seller_id].to_collect == 87000 + 22000
    assert order.lines.filter(status=LineStatus.CANCELLED).count() == 1


@pytest.mark.django_db
def test_a_list_of_shipments_costs_two_queries_however_many_orders_it_has(customer, product, django_assert_num_queries):
    # Given cash and transfer orders, each with the jelly seller's parcel
    orders = [place_order(customer, product) for _ in range(2)]
    orders += [paid_ahead(place_order(customer, product), VIETQR) for _ in range(3)]

    # When her parcels are listed with their amounts
    with django_assert_num_queries(2):  # her shipments with their totals; the orders' payment methods
        listed = with_parcel_amounts(Shipment.objects.filter(order__in=orders).with_her_totals().order_by("pk"))

    # Then each says what to collect: the cash orders' lines and fee, nothing for the paid ones
    assert [shipment.amounts.to_collect for shipment in listed] == [143000, 143000, 0, 0, 0]
    assert [shipment.amounts.due for shipment in listed] == [143000] * 5


@pytest.mark.django_db
def test_the_buyers_parcels_cost_three_queries_however_many_there_are(customer, django_assert_num_queries):
    products = [ProductFactory(seller=PartnerFactory()) for _ in range(5)]
    order = place_order(customer, *products)

    with django_assert_num_queries(3):  # shipments with sellers, lines, payment records
        shipments = buyer_shipments(order)

    assert len(shipments) == 5
    assert all(shipment.amounts.to_collect == 143000 for shipment in shipments)
