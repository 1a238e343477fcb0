"""A guest's device remembers her order however her "Đặt hàng" tap ends, a second tap's included."""

import pytest
from oscar.core.loading import get_model

from orders.guests import SESSION_KEY, remembers_guest_order
from tests.pages import VIETNAMESE, open_page, soup_of
from tests.shopping import PREVIEW_URL, go_to_preview, place_order_form

pytestmark = pytest.mark.django_db

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")


def test_the_second_tap_of_place_order_remembers_her_order_on_her_device(client, product):
    # Given a guest at "Đặt hàng", whose phone sends it twice: the second request read her session and basket
    # before the first one placed the order, and its session is the one saved last
    go_to_preview(client, product, email="")
    form = place_order_form(client)
    stale = dict(client.session.items())
    client.post(PREVIEW_URL, form)
    order = Order.objects.get()
    Basket.objects.filter(pk=order.basket_id).update(status=Basket.OPEN)  # as the second request saw it
    session = client.session
    session.clear()
    session.update(stale)
    session.save()
    assert not remembers_guest_order(client.session, order.number)

    # When the second tap ends (the order exists already)
    again = client.post(PREVIEW_URL, form)

    # Then she sees her one order's confirmation, and its link opens her order on this device
    assert again["Location"] == "/shop/checkout/thank-you/"
    assert Order.objects.count() == 1
    assert remembers_guest_order(client.session, order.number)
    link = soup_of(open_page(client, "/shop/checkout/thank-you/", VIETNAMESE)).select_one("a.thank-you-follow")
    assert soup_of(open_page(client, link["href"], VIETNAMESE)).select(".parcel")


def test_a_customers_second_tap_remembers_no_guest_order(client, customer, product):
    client.force_login(customer)
    go_to_preview(client, product)
    form = place_order_form(client)
    stale = dict(client.session.items())
    client.post(PREVIEW_URL, form)
    order = Order.objects.get()
    Basket.objects.filter(pk=order.basket_id).update(status=Basket.OPEN)
    session = client.session
    session.update(stale)
    session.save()

    client.post(PREVIEW_URL, form)

    assert SESSION_KEY not in client.session
