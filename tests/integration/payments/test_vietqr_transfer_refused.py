"""Staff cannot record a bank transfer for an order the buyer chose to pay otherwise."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.urls import reverse
from oscar.core.loading import get_model

from orders.paying import payment_source
from orders.status import OrderStatus
from payments.methods import CARD
from tests.factories import UserFactory, place_order
from tests.pages import ENGLISH

Source = get_model("payment", "Source")


@pytest.fixture
def union_editor(client, db):
    """A Union editor (who may record transfers), logged in, reading the site in English."""
    editor = UserFactory(email="bientap@example.vn", is_staff=True)
    editor.groups.add(Group.objects.get(name="Union editor"))
    client.force_login(editor)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = ENGLISH
    return editor


def received_url(order):
    return reverse("vietqr:transfer-received", kwargs={"order_number": order.number})


def test_a_cash_on_delivery_order_is_refused_and_nothing_recorded(client, union_editor, customer, product):
    # Given an order to be paid in cash on delivery
    order = place_order(customer, product)
    assert order.status == OrderStatus.PLACED

    # When staff post "Transfer received" for it (a stale page, or a typed address)
    response = client.post(received_url(order), {"bank_reference": "FT25123456789"})

    # Then they are refused, and the order has no transfer recorded
    assert response.status_code == 400
    assert f"Order #{order.number} is not paid by bank transfer" in response.content.decode()
    assert not Source.objects.filter(order=order).exists()
    order.refresh_from_db()
    assert order.status == OrderStatus.PLACED


def test_a_card_order_waiting_for_its_payment_is_refused_and_not_released(client, union_editor, customer, product):
    # Given a card order whose payment has not come
    order = place_order(customer, product)
    order.status = OrderStatus.PENDING_PAYMENT
    order.save(update_fields=["status"])
    card = payment_source(order, CARD)

    response = client.post(received_url(order))

    # Then nothing is recorded, and the order does not go to its seller unpaid
    assert response.status_code == 400
    assert [source.pk for source in Source.objects.filter(order=order)] == [card.pk]
    assert card.transactions.count() == 0
    order.refresh_from_db()
    assert order.status == OrderStatus.PENDING_PAYMENT
