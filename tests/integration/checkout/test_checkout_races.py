"""Buyers racing for the last units, and a double-tapped "Đặt hàng", with real concurrent transactions.

These run on PostgreSQL (as in CI), where row locks let transactions run side by side; SQLite
takes one writer at a time, so there the race cannot happen and the tests are skipped.
"""

import threading
from decimal import Decimal

import pytest
from django.db import connection, connections
from django.test import Client
from oscar.core.loading import get_model

from tests.factories import ProductFactory
from tests.shopping import PREVIEW_URL, delivery_address, fill_basket, place_order_form

Order = get_model("order", "Order")

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent transactions need PostgreSQL"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def ready_to_place(client, product, quantity, email):
    """A guest who has gone through checkout up to the "Đặt hàng" button."""
    fill_basket(client, (product, quantity))
    client.post("/shop/checkout/", {"phone": "0912 345 678", "email": email})
    client.post("/shop/checkout/shipping-address/", delivery_address())
    client.get("/shop/checkout/shipping-method/", follow=True)
    client.post("/shop/checkout/payment-method/", {"method": "cod"})
    return client


def tap_place_order_together(clients):
    """Every client taps "Đặt hàng" at the same moment, each in a thread (and a transaction) of its own."""
    start = threading.Barrier(len(clients))
    responses = [None] * len(clients)
    forms = [place_order_form(client) for client in clients]  # each on her preview page first

    def place(index, client):
        try:
            start.wait()
            responses[index] = client.post(PREVIEW_URL, forms[index])
        finally:
            connections.close_all()

    threads = [threading.Thread(target=place, args=(index, client)) for index, client in enumerate(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return responses


def test_eight_buyers_racing_for_the_last_three_jars_end_with_exactly_three_sold():
    # Given three jars left and eight buyers, each with one in her basket, at the last step
    honey = ProductFactory(title="Mật ong bạc hà", stockrecords__num_in_stock=3, stockrecords__price=Decimal("250000"))
    buyers = [ready_to_place(Client(), honey, 1, f"khach{number}@example.vn") for number in range(8)]

    # When they all tap "Đặt hàng" together
    responses = tap_place_order_together(buyers)

    # Then three orders are placed, three jars are held for them, and no one got an error page
    stock = honey.stockrecords.get()
    assert Order.objects.count() == 3
    assert (stock.num_in_stock, stock.num_allocated) == (3, 3)
    assert all(response.status_code in (200, 302) for response in responses)
    # and the five others were told, on the order page, with their basket kept
    refused = [response for response in responses if response.status_code == 200]
    assert len(refused) == 5
    for response in refused:
        assert "Mật ong bạc hà" in response.content.decode()
        assert "vừa hết hàng" in response.content.decode()  # “Mật ong bạc hà” has just sold out.


def test_a_double_tap_on_place_order_makes_one_order():
    # Given a buyer at the last step, whose phone sends "Đặt hàng" twice at once
    jelly = ProductFactory(title="Thạch đen", stockrecords__num_in_stock=10)
    first = ready_to_place(Client(), jelly, 2, "lan@example.vn")
    second = Client()
    second.cookies = first.cookies

    # When both requests arrive together
    responses = tap_place_order_together([first, second])

    # Then one order holds two jellies, and both taps lead to its confirmation
    assert Order.objects.count() == 1
    assert jelly.stockrecords.get().num_allocated == 2
    assert [response["Location"] for response in responses] == ["/shop/checkout/thank-you/"] * 2
