"""The Django admin shows orders, lines and shipments to operators, and changes none of them: only the verbs do."""

import pytest
from django.urls import reverse

from orders.status import OrderStatus, ShipmentStatus
from tests.factories import UserFactory, place_order


@pytest.fixture
def operator(client, db):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


@pytest.mark.parametrize("model", ["order", "line", "shipment"])
def test_an_operator_reads_orders_lines_and_shipments(operator, product, model):
    order = place_order(None, (product, 2))
    row = {"order": order, "line": order.lines.get(), "shipment": order.shipments.get()}[model]

    response = operator.get(reverse(f"admin:order_{model}_change", args=[row.pk]))

    assert response.status_code == 200
    assert order.number in response.content.decode()


def test_the_admin_cannot_set_an_orders_status_or_its_lines(operator, product):
    # Given a placed order, its stock allocated
    order = place_order(None, (product, 2))
    line = order.lines.get()

    # When an operator sends the admin's change forms, as if they were editable
    operator.post(reverse("admin:order_order_change", args=[order.pk]), {"status": OrderStatus.DELIVERED})
    operator.post(reverse("admin:order_line_change", args=[line.pk]), {"status": "Cancelled", "quantity": 1})
    operator.post(reverse("admin:order_shipment_change", args=[order.shipments.get().pk]), {"status": "delivered"})

    # Then nothing changed: the stock is still allocated for the whole order
    order.refresh_from_db()
    line.refresh_from_db()
    assert order.status == OrderStatus.PLACED
    assert (line.status, line.quantity) == ("", 2)
    assert order.shipments.get().status == ShipmentStatus.NEW
    assert product.stockrecords.get().num_allocated == 2
