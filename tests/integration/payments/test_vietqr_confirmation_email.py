"""The buyer's order confirmation email: each seller's parcel, totals, address, and how to pay."""

import re

import pytest
from django.core import mail
from django.utils import translation

from orders.emails import send_order_confirmation
from orders.paying import mark_order_paid, payment_source
from orders.status import OrderStatus
from payments.methods import CARD, VIETQR
from tests.factories import PartnerFactory, ProductFactory, place_order
from tests.pages import ENGLISH
from tests.parcels import charge_fees


@pytest.fixture
def two_sellers_order(customer, product):
    other = ProductFactory(title="Hạt dẻ Trùng Khánh", seller=PartnerFactory(name="Cơ sở Hạt dẻ Đàm Thủy"))
    return charge_fees(place_order(customer, (product, 2), other), 30000, 45000)


def waiting_for(order, method_code):
    order.status = OrderStatus.PENDING_PAYMENT
    order.save(update_fields=["status"])
    payment_source(order, method_code)
    return order


def confirm(order, capture, language=ENGLISH):
    with translation.override(language), capture(execute=True):
        send_order_confirmation(order)


def text(message):
    return re.sub(r"[ \t]+", " ", message.body)


def test_a_transfer_order_email_gives_the_bank_details_and_the_qr_code(
    two_sellers_order, django_capture_on_commit_callbacks
):
    order = waiting_for(two_sellers_order, VIETQR)

    confirm(order, django_capture_on_commit_callbacks)

    [email] = mail.outbox
    assert email.to == ["lan.nong@example.vn"]
    assert f"#{order.number}" in email.subject
    body = text(email)
    assert "Bank: Agribank" in body
    assert "Account number: 8300205000000" in body
    assert "Account holder: HOI LHPN TINH CAO BANG" in body
    assert "Amount (exactly): 450.000\xa0₫" in body
    assert f"Transfer message: CHOOCOP {order.number}" in body
    assert "goes to the sellers when the Union receives the money" in body
    # The QR code is attached as a picture a banking app can open
    [(filename, png, mimetype)] = email.attachments
    assert (filename, mimetype) == (f"vietqr-{order.number}.png", "image/png")
    assert png.startswith(b"\x89PNG")
    # and the order page, which shows it too, is linked
    assert f"/shop/accounts/orders/{order.number}/" in body


def test_the_email_lists_each_sellers_parcel_with_her_fee_and_the_address(
    two_sellers_order, django_capture_on_commit_callbacks
):
    confirm(two_sellers_order, django_capture_on_commit_callbacks)

    body = text(mail.outbox[0])
    assert "Your order comes in 2 parcels" in body
    assert "1. Hợp tác xã Thạch đen Phục Hòa" in body
    assert "Thạch đen Cao Bằng × 2: 250.000\xa0₫" in body
    assert "Shipping fee: 30.000\xa0₫" in body
    assert "2. Cơ sở Hạt dẻ Đàm Thủy" in body
    assert "Shipping fee: 45.000\xa0₫" in body
    assert "Order total: 450.000\xa0₫" in body
    assert "Phường Thục Phán" in body
    assert "0912 345 678" in body
    assert "pay each delivery person for that parcel only" in body
    assert "Pay the delivery person of Hợp tác xã Thạch đen Phục Hòa: 280.000\xa0₫" in body  # 250.000 + 30.000
    assert "Pay the delivery person of Cơ sở Hạt dẻ Đàm Thủy: 170.000\xa0₫" in body  # 125.000 + 45.000
    html = mail.outbox[0].alternatives[0][0]
    assert "Cơ sở Hạt dẻ Đàm Thủy" in html


def test_the_email_is_vietnamese_first(two_sellers_order, django_capture_on_commit_callbacks):
    confirm(two_sellers_order, django_capture_on_commit_callbacks, language="vi")

    email = mail.outbox[0]
    assert email.subject.startswith(f"Đơn hàng #{two_sellers_order.number}")
    assert "280.000\xa0₫" in email.body
    assert "170.000\xa0₫" in email.body


def test_a_card_order_is_confirmed_only_once_it_is_paid(two_sellers_order, django_capture_on_commit_callbacks):
    order = waiting_for(two_sellers_order, CARD)

    confirm(order, django_capture_on_commit_callbacks)
    assert mail.outbox == []

    with django_capture_on_commit_callbacks(execute=True):
        order = mark_order_paid(order, amount=order.total_incl_tax, reference="pi_123", method_code=CARD)
    confirm(order, django_capture_on_commit_callbacks)  # again: it went out with the payment, and only then

    [email] = [message for message in mail.outbox if order.email in message.to]
    assert "Đã thanh toán: 450.000\xa0₫" in email.body  # in the site's language: no one's request is active
    assert email.attachments == []


def test_the_confirmation_goes_out_once(two_sellers_order, django_capture_on_commit_callbacks):
    confirm(two_sellers_order, django_capture_on_commit_callbacks)
    confirm(two_sellers_order, django_capture_on_commit_callbacks)

    assert len(mail.outbox) == 1


def test_a_guest_gets_it_at_her_email_with_her_private_link(product, django_capture_on_commit_callbacks):
    order = place_order(None, product, email="khach@example.vn")

    confirm(order, django_capture_on_commit_callbacks)

    [email] = mail.outbox
    assert email.to == ["khach@example.vn"]
    assert f"/shop/accounts/order-status/{order.number}/{order.verification_hash()}/" in email.body
