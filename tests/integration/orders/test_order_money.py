"""Money is exact: an order's total is its lines plus each seller's shipping fee, for any basket."""

from decimal import Decimal

import pytest
from django.test import RequestFactory
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orders.amounts import parcel_amounts
from payments.stripe.sessions import _session_params
from shipping.fees import order_fees
from tests.factories import PartnerFactory, ProductFactory, place_order
from vietnam.money import whole_dong

DESTINATIONS = [("Cao Bằng", "Phường Thục Phán"), ("Lạng Sơn", ""), ("Thành phố Hà Nội", "Phường Hoàn Kiếm")]

purchases = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=2),  # which seller
        st.integers(min_value=1, max_value=900).map(lambda thousands: Decimal(thousands * 1000)),  # price
        st.one_of(st.none(), st.integers(min_value=50, max_value=6000)),  # weight in grams, or not given
        st.integers(min_value=1, max_value=4),  # quantity
    ),
    min_size=1,
    max_size=6,
)


@pytest.mark.django_db
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(basket=purchases, destination=st.sampled_from(DESTINATIONS))
def test_order_total_is_its_lines_plus_each_sellers_shipping_and_stripe_gets_exactly_it(basket, destination):
    # Given products of up to three sellers, at any price, weight and quantity
    sellers = [PartnerFactory() for _ in range(3)]
    lines = [
        (ProductFactory(seller=sellers[seller], weight_grams=weight, stockrecords__price=price,
                        stockrecords__num_in_stock=10), quantity)
        for seller, price, weight, quantity in basket
    ]  # fmt: skip

    # When they are bought together and sent to a province
    province, ward = destination
    order = place_order(None, *lines, province=province, ward=ward)

    # Then each seller's shipment charges her fee, and the total is the lines plus those fees, in whole đồng
    shipments = list(order.shipments.all())
    fees = order_fees(order)
    assert {shipment.seller: shipment.shipping_charge for shipment in shipments} == {
        seller: fee.charge for seller, fee in fees.items()
    }
    lines_total = sum(line.line_price_incl_tax for line in order.lines.all())
    shipping = sum(shipment.shipping_charge for shipment in shipments)
    assert order.shipping_incl_tax == shipping
    assert order.total_incl_tax == lines_total + shipping
    assert order.total_incl_tax == order.total_incl_tax.to_integral_value()
    assert whole_dong(order.total_incl_tax) == int(order.total_incl_tax)
    # and each parcel's amount (what its carrier collects on delivery) adds up to it
    assert sum(parcel_amounts(shipment).due for shipment in shipments) == order.total_incl_tax
    # and Stripe would be asked for exactly it, in đồng
    asked = _session_params(RequestFactory().get("/"), order, timezone.now())["line_items"]
    assert [(item["quantity"], item["price_data"]["unit_amount"]) for item in asked] == [(1, int(order.total_incl_tax))]
