"""Who counts as one buyer in the programme's figures: a customer's account; a guest by her email, or by
her phone number when she checked out with the phone alone (her order's guest_email is "", not NULL)."""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from oscar.core.loading import get_model

from cms.figures.periods import year
from cms.figures.programme import programme_figures
from tests.factories import ProductFactory, UserFactory, place_order

pytestmark = pytest.mark.django_db

ShippingAddress = get_model("order", "ShippingAddress")
ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
MARCH = datetime.datetime(2025, 3, 10, 9, 0, tzinfo=ZONE)
APRIL = datetime.datetime(2025, 4, 10, 9, 0, tzinfo=ZONE)


@pytest.fixture
def noodles():
    return ProductFactory(stockrecords__price=Decimal("100000"))


def bought(product, moment, user=None, email="", phone="+84912345678"):
    """An order placed at `moment`: by `user`, or by a guest who gave `email` (or none) and `phone`.

    The phone is written to the database as given, as a number phonenumber_field could not read is kept."""
    order = place_order(user, product, email=email)
    ShippingAddress.objects.filter(pk=order.shipping_address_id).update(phone_number=phone)
    type(order).objects.filter(pk=order.pk).update(date_placed=moment)
    order.shipments.update(created_at=moment)
    return order


def months():
    march, april = programme_figures(year(2025)).buckets[2:4]
    return [(bucket.buyers, bucket.new_buyers, bucket.repeat_buyers) for bucket in (march, april)]


def test_two_guests_who_gave_only_their_phones_are_two_buyers(noodles):
    bought(noodles, MARCH, phone="+84912345678")
    bought(noodles, MARCH, phone="+84987654321")

    assert months() == [(2, 2, 0), (0, 0, 0)]


def test_a_guest_who_orders_again_with_the_same_phone_is_one_repeat_buyer(noodles):
    bought(noodles, MARCH, phone="+84912345678")
    bought(noodles, APRIL, phone="0912 345 678")  # the same number, written as people write it

    assert months() == [(1, 1, 0), (1, 0, 1)]


def test_the_same_phone_twice_in_one_month_is_one_buyer(noodles):
    bought(noodles, MARCH, phone="+84912345678")
    bought(noodles, MARCH, phone="84912345678")

    march = programme_figures(year(2025)).buckets[2]
    assert (march.orders, march.buyers, march.new_buyers) == (2, 1, 1)


def test_customers_email_guests_and_phone_guests_are_each_counted_once(noodles):
    customer = UserFactory()
    bought(noodles, MARCH, user=customer, phone="+84911111111")
    bought(noodles, MARCH, email="Mai.Guest@example.vn", phone="+84922222222")
    bought(noodles, MARCH, phone="+84933333333")
    bought(noodles, MARCH, phone="+84944444444")
    # April: the customer and the email guest (by her email, whatever phone) come back, the first phone guest
    # comes back by phone, and a new phone guest gives the customer's phone: she is not the customer.
    bought(noodles, APRIL, user=customer, phone="+84955555555")
    bought(noodles, APRIL, email="mai.guest@example.vn", phone="+84966666666")
    bought(noodles, APRIL, phone="0933 333 333")
    bought(noodles, APRIL, phone="+84911111111")

    assert months() == [(4, 4, 0), (4, 1, 3)]


def test_a_guest_without_email_or_phone_is_not_counted_as_a_buyer(noodles):
    bought(noodles, MARCH, phone="")
    bought(noodles, MARCH, phone="")

    march = programme_figures(year(2025)).buckets[2]
    assert (march.orders, march.buyers, march.new_buyers) == (2, 0, 0)
