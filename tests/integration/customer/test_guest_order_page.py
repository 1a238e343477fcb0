"""A guest's order page: open on the device she ordered on, asked for once elsewhere, refused to anyone else."""

import pytest
from django.test import Client
from django.urls import reverse

from orders.guests import remembers_guest_order
from orders.status import OrderStatus
from tests.factories import place_order
from tests.pages import ENGLISH, VIETNAMESE, open_page, soup_of, text_of
from tests.shopping import check_out

pytestmark = pytest.mark.django_db

LOOKUP = "/shop/accounts/order-status/"


def private_link(order):
    return reverse("customer:anon-order", kwargs={"order_number": order.number, "hash": order.verification_hash()})


def test_the_confirmations_link_opens_her_order_on_the_device_she_ordered_on(client, product):
    # Given a guest who ordered with only her phone number
    check_out(client, product, email="")
    thank_you = soup_of(open_page(client, "/shop/checkout/thank-you/", VIETNAMESE))
    link = thank_you.select_one("a.thank-you-follow")

    # When she follows its one link
    response = open_page(client, link["href"], VIETNAMESE)

    # Then her order opens at once, in Vietnamese, in the shop's layout
    assert response.status_code == 200
    page = soup_of(response)
    assert page.select(".parcel")
    assert "Đơn hàng #" in page.select_one("h1").get_text()
    assert "Enter the following information" not in text_of(response)


def test_another_device_is_asked_once_for_the_number_and_phone_then_remembered(product):
    order = place_order(None, product, email="")
    other = Client()

    # The link alone does not open it: a form in Vietnamese asks for the order number and her phone
    asked = other.get(private_link(order))
    assert asked.status_code == 302
    form = open_page(other, asked.url, VIETNAMESE)
    page = soup_of(form)
    assert page.select_one("h1").get_text(strip=True) == "Đơn hàng của bạn"
    assert page.select_one("input[name=number]")["value"] == order.number
    assert page.select_one("input[name=contact]") is not None
    assert not page.select(".parcel")
    assert "Submit" not in text_of(form)

    # Her number, however she writes it, opens it; the next visit does not ask again
    opened = other.post(asked.url, {"number": order.number, "contact": "+84 912 345 678"})
    assert opened["Location"] == private_link(order)
    assert soup_of(other.get(private_link(order))).select(".parcel")


def test_a_wrong_phone_is_refused_and_the_order_stays_hidden_and_uncancelled(client, product):
    # Given a guest's order, and someone else with its private link on another device
    order = place_order(None, product, email="khach@example.vn")
    stranger = Client()

    # Her GET, her cancel and a wrong phone number are all refused
    asked = stranger.get(private_link(order))
    assert asked.status_code == 302
    assert asked.url == reverse(
        "customer:anon-order-form", kwargs={"order_number": order.number, "hash": order.verification_hash()}
    )
    cancel = stranger.post(private_link(order), {"action": "cancel"})
    assert cancel.url == asked.url  # sent to the form, not back to a cancelled order
    order.refresh_from_db()
    assert order.status == OrderStatus.PLACED
    open_page(stranger, LOOKUP, ENGLISH)  # the lookup page, in English
    refused = stranger.post(LOOKUP, {"number": order.number, "contact": "0987 654 321"})
    assert refused.status_code == 200
    assert "No order has this number with this phone number or email" in text_of(refused)
    assert soup_of(refused).select_one("input[name=contact]")["value"] == "0987 654 321"  # kept as typed
    wrong_email = stranger.post(LOOKUP, {"number": order.number, "contact": "someone@example.vn"})
    assert wrong_email.status_code == 200

    # Then she still cannot see it, and nothing was cancelled
    assert not soup_of(stranger.get(private_link(order), follow=True)).select(".parcel")
    order.refresh_from_db()
    assert order.status == OrderStatus.PLACED


def test_a_customers_order_cannot_be_opened_as_a_guests(customer, product):
    order = place_order(customer, product)
    stranger = Client()

    open_page(stranger, LOOKUP, ENGLISH)
    refused = stranger.post(LOOKUP, {"number": order.number, "contact": "0912 345 678"})

    assert refused.status_code == 200
    assert "No order has this number with this phone number or email" in text_of(refused)
    assert not remembers_guest_order(stranger.session, order.number)
    assert stranger.get(private_link(order)).status_code == 302


def test_the_lookup_page_finds_her_order_by_number_and_email(product):
    order = place_order(None, product, email="khach@example.vn")
    other = Client()

    found = other.post(LOOKUP, {"number": f"#{order.number}", "contact": "Khach@Example.vn"})

    assert found["Location"] == private_link(order)
    assert soup_of(other.get(found["Location"])).select(".parcel")
