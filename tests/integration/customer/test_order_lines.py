"""An order's line address (Oscar's reorder of one line) names a line of that order, or is a 404."""

import logging

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import UserFactory, place_order


def line_url(order, line):
    return reverse("customer:order-line", kwargs={"order_number": order.number, "line_id": line.pk})


@pytest.mark.parametrize("method", ["get", "post"])
def test_another_orders_line_in_her_orders_address_is_not_found_and_logged(customer, order, product, method, caplog):
    # Given her order, and a line of another customer's order
    someone_else = place_order(UserFactory(email="khach.khac@example.vn"), product)
    client = Client(raise_request_exception=False)
    client.force_login(customer)

    # When she (or a guess) puts that line's id into her own order's address
    with caplog.at_level(logging.WARNING):
        response = getattr(client, method)(line_url(order, someone_else.lines.get()), {"action": "reorder"})

    # Then the page is not found, not a server error, and the log says what was asked
    assert response.status_code == 404
    assert f"Order {order.number} has no line {someone_else.lines.get().pk}" in caplog.text
    assert client.get(reverse("basket:summary")).context["basket"].num_items == 0


def test_a_line_of_her_own_order_is_added_to_her_basket_again(customer, order):
    client = Client()
    client.force_login(customer)

    response = client.post(line_url(order, order.lines.first()), {"action": "reorder"})

    assert response.status_code == 302
    assert client.get(reverse("basket:summary")).context["basket"].num_items == order.lines.first().quantity
