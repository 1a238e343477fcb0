"""A buyer cancels her order before anything is packed: stock back on sale, sellers told, a card refunded
(after the cancel has committed, by a task)."""

from decimal import Decimal

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import translation
from oscar.core.loading import get_model

from orders.cancelling import cancel_order_by_buyer
from orders.fulfilment import accept_shipment, pack_shipment
from orders.paying import payment_source
from orders.refusals import Refused
from orders.status import LineStatus, OrderStatus
from payments.methods import CARD, VIETQR
from payments.stripe import refunds as card_refunds
from payments.stripe.client import CardPaymentError
from tests.factories import UserFactory, place_order
from tests.pages import ENGLISH, open_page, soup_of, text_of

Order = get_model("order", "Order")
Shipment = get_model("order", "Shipment")


def order_url(order):
    return reverse("customer:order", kwargs={"order_number": order.number})


def allocated(product):
    return product.stockrecords.get().num_allocated


@pytest.fixture
def signed_in(client, customer):
    """The buyer, logged in, reading the site in English."""
    client.force_login(customer)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = ENGLISH
    return client


@pytest.fixture
def refunds(monkeypatch):
    """Refunds asked of Stripe by the refund task, as (order number, amount), recorded instead of sent."""
    asked = []
    monkeypatch.setattr(
        card_refunds, "refund_card_payment", lambda order, amount=None: asked.append((order.number, amount))
    )
    return asked


def test_buyer_cancels_before_packing_and_the_stock_comes_back(
    signed_in, order, product, hat_de, seller, django_capture_on_commit_callbacks
):
    # Given an order whose jelly seller has accepted it and whose chestnut seller has not yet
    accept_shipment(order.shipments.get(seller=seller))
    assert (allocated(product), allocated(hat_de)) == (2, 1)

    # When the buyer confirms the cancellation on her order page
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in.post(order_url(order), {"action": "cancel", "reason": "Đặt nhầm địa chỉ"})

    # Then the order and both parcels are cancelled, and every unit is on sale again
    assert response.status_code == 302
    order.refresh_from_db()
    assert order.status == OrderStatus.CANCELLED
    assert set(order.shipments.values_list("status", flat=True)) == {Shipment.Status.CANCELLED}
    assert set(order.lines.values_list("status", flat=True)) == {LineStatus.CANCELLED}
    assert (allocated(product), allocated(hat_de)) == (0, 0)
    assert order.shipments.filter(cancel_reason="Đặt nhầm địa chỉ").count() == 2
    # and the seller with an email address is told (the other logs in by phone)
    assert [message.to for message in mail.outbox] == [["thuy@hatde.example.vn"]]
    assert f"#{order.number}" in mail.outbox[0].subject
    assert "Hạt dẻ Trùng Khánh" in mail.outbox[0].body
    assert "Đặt nhầm địa chỉ" in mail.outbox[0].body
    # and the page says so, with nothing left to cancel
    page = open_page(signed_in, response.url, ENGLISH)
    assert f"Order #{order.number} is cancelled" in text_of(page)
    assert not soup_of(page).select(".order-cancel")


def test_the_cancel_button_is_there_while_nothing_is_packed(signed_in, order):
    page = open_page(signed_in, order_url(order), ENGLISH)

    form = soup_of(page).select_one(".order-cancel form")
    assert form is not None
    assert form.select_one("input[name=action]")["value"] == "cancel"
    assert "Yes, cancel the order" in form.get_text()


def test_after_packing_the_cancel_is_refused_with_a_message(signed_in, order, product, hat_de, seller):
    # Given one seller has packed her parcel
    shipment = order.shipments.get(seller=seller)
    accept_shipment(shipment)
    pack_shipment(shipment)

    # When the buyer tries to cancel (a page opened before the packing still has the button)
    response = signed_in.post(order_url(order), {"action": "cancel"}, follow=True)

    # Then nothing changes and she is told why
    order.refresh_from_db()
    assert order.status == OrderStatus.IN_PROGRESS
    assert set(order.shipments.values_list("status", flat=True)) == {Shipment.Status.PACKED, Shipment.Status.NEW}
    assert (allocated(product), allocated(hat_de)) == (2, 1)
    assert "can no longer be cancelled" in text_of(response)
    assert not soup_of(open_page(signed_in, order_url(order), ENGLISH)).select(".order-cancel")


def test_cancelling_twice_changes_nothing_more(order, product):
    cancel_order_by_buyer(order, "")

    with translation.override(ENGLISH), pytest.raises(Refused, match="already been cancelled"):
        cancel_order_by_buyer(order, "")

    assert allocated(product) == 0
    assert order.status_changes.filter(new_status=OrderStatus.CANCELLED).count() == 1


def test_a_paid_card_order_is_cancelled_at_once_and_refunded_after_the_commit(
    signed_in, order, product, refunds, django_capture_on_commit_callbacks
):
    # Given an order paid by card
    payment_source(order, CARD).debit(order.total_incl_tax, reference="pi_test_123", status="Paid")

    # When the buyer cancels it
    with django_capture_on_commit_callbacks() as after_commit:
        response = signed_in.post(order_url(order), {"action": "cancel"})

    # Then it is cancelled and its stock back on sale without waiting for Stripe, which is not asked yet
    order.refresh_from_db()
    assert order.status == OrderStatus.CANCELLED
    assert allocated(product) == 0
    assert refunds == []
    # and once the cancel has committed, a task asks for the whole payment back
    for callback in after_commit:
        callback()
    assert refunds == [(order.number, None)]
    # and she is told the money goes back to her card
    page = open_page(signed_in, response.url, ENGLISH)
    assert f"Order #{order.number} is cancelled; the money will be refunded to your card." in text_of(page)


def test_a_refund_stripe_refuses_leaves_the_order_cancelled_and_staff_a_note(
    signed_in, order, product, monkeypatch, django_capture_on_commit_callbacks
):
    payment_source(order, CARD).debit(order.total_incl_tax, reference="pi_test_123", status="Paid")

    def unreachable(order, amount=None):
        raise CardPaymentError("Stripe could not be reached")

    monkeypatch.setattr(card_refunds, "refund_card_payment", unreachable)

    with translation.override(ENGLISH), django_capture_on_commit_callbacks(execute=True):
        response = signed_in.post(order_url(order), {"action": "cancel"})

    assert response.status_code == 302
    order.refresh_from_db()
    assert order.status == OrderStatus.CANCELLED
    assert allocated(product) == 0
    assert order.notes.filter(message__contains="could not be made: refund it at Stripe").exists()


def test_an_unpaid_card_or_transfer_order_is_cancelled_without_refund_or_seller_email(
    signed_in, order, refunds, django_capture_on_commit_callbacks
):
    # Given a transfer order still waiting for its money: its sellers have not seen it
    order.status = OrderStatus.PENDING_PAYMENT
    order.save(update_fields=["status"])
    payment_source(order, VIETQR)

    with django_capture_on_commit_callbacks(execute=True):
        signed_in.post(order_url(order), {"action": "cancel"})

    order.refresh_from_db()
    assert order.status == OrderStatus.CANCELLED
    assert refunds == []
    assert mail.outbox == []


def test_another_customer_cannot_cancel_the_order(client, order, product):
    client.force_login(UserFactory())

    response = client.post(order_url(order), {"action": "cancel"})

    assert response.status_code == 404
    order.refresh_from_db()
    assert order.status == OrderStatus.PLACED
    assert allocated(product) == 2


def test_a_guest_cancels_from_her_private_order_page(client, product):
    order = place_order(None, product, email="khach@example.vn")
    url = reverse("customer:anon-order", kwargs={"order_number": order.number, "hash": order.verification_hash()})
    client.post(client.get(url).url, {"number": order.number, "contact": "khach@example.vn"})

    client.post(url, {"action": "cancel", "reason": "Không cần nữa"})

    order.refresh_from_db()
    assert order.status == OrderStatus.CANCELLED
    assert allocated(product) == 0


def test_someone_without_the_guests_email_cannot_cancel(client, product):
    order = place_order(None, product, email="khach@example.vn")
    url = reverse("customer:anon-order", kwargs={"order_number": order.number, "hash": order.verification_hash()})

    response = client.post(url, {"action": "cancel"})

    assert response.status_code == 302  # to the form asking for her phone number or email
    order.refresh_from_db()
    assert order.status == OrderStatus.PLACED
    assert Decimal(allocated(product)) == 1
