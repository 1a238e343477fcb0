"""The payment box of the thank-you and order pages shows the real state of the payment."""

import re

import pytest
from django.template.loader import render_to_string
from django.utils import translation
from oscar.core.loading import get_model

from orders.paying import payment_source
from orders.status import OrderStatus
from payments.methods import CARD, COD, VIETQR, method_of
from payments.stripe.sessions import pay_url
from tests.factories import place_order
from tests.pages import ENGLISH

Transaction = get_model("payment", "Transaction")


def box(order, method=None):
    with translation.override(ENGLISH):
        html = render_to_string("payments/partials/instructions.html", {"order": order, "method": method})
    return re.sub(r"[ \t\n\r\f\v]+", " ", html)  # a no-break space stays, as prices have one


@pytest.fixture
def waiting_order(customer, product):
    order = place_order(customer, (product, 2))
    order.status = OrderStatus.PENDING_PAYMENT
    order.save(update_fields=["status"])
    return order


def test_cash_on_delivery_of_one_parcel_says_what_to_pay_its_delivery_person(customer, product):
    order = place_order(customer, (product, 2))

    html = box(order, method_of(COD))

    assert (
        'Pay the delivery person of Hợp tác xã Thạch đen Phục Hòa: <strong class="order-money">272.000\xa0₫</strong>'
        in html
    )
    assert "each delivery person" not in html


def test_a_transfer_shows_the_qr_code_and_the_details_as_text(waiting_order):
    payment_source(waiting_order, VIETQR)

    html = box(waiting_order, method_of(VIETQR))

    assert '<svg viewBox="0 0 ' in html
    assert f'download="vietqr-{waiting_order.number}.png" href="data:image/png;base64,' in html
    for detail in (
        "Agribank",
        "8300205000000",
        "HOI LHPN TINH CAO BANG",
        "272.000\xa0₫",
        f"CHOOCOP {waiting_order.number}",
    ):
        assert detail in html
    assert "goes to the sellers when the Union receives the money" in html


def test_a_received_transfer_is_shown_paid(waiting_order):
    payment_source(waiting_order, VIETQR).debit(waiting_order.total_incl_tax, reference="staff", status="Paid")

    html = box(waiting_order)

    assert "Paid: 272.000\xa0₫. Thank you!" in html
    assert "<svg" not in html


def test_an_unpaid_card_order_links_back_to_stripe(waiting_order):
    payment_source(waiting_order, CARD)

    html = box(waiting_order, method_of(CARD))

    assert "We are waiting for your card payment" in html
    assert f'href="{pay_url(waiting_order)}"' in html.replace("&amp;", "&")


def test_a_failed_card_attempt_says_so_and_offers_to_pay_again(waiting_order):
    payment_source(waiting_order, CARD).transactions.create(
        txn_type=Transaction.AUTHORISE, amount=waiting_order.total_incl_tax, reference="pi_1", status="Failed"
    )

    html = box(waiting_order)

    assert "did not go through" in html
    assert "Try paying again" in html


def test_a_paid_then_refunded_card_order_says_refunded(waiting_order):
    source = payment_source(waiting_order, CARD)
    source.debit(waiting_order.total_incl_tax, reference="pi_1", status="Paid")
    source.refund(waiting_order.total_incl_tax, reference="re_1", status="Refunded")
    waiting_order.status = OrderStatus.CANCELLED
    waiting_order.save(update_fields=["status"])

    html = box(waiting_order)

    assert "Your payment has been refunded." in html
    assert "5 to 10 days" in html


def test_an_unpaid_order_that_was_cancelled_asks_for_nothing(waiting_order):
    payment_source(waiting_order, VIETQR)
    waiting_order.status = OrderStatus.CANCELLED
    waiting_order.save(update_fields=["status"])

    html = box(waiting_order)

    assert "nothing is due" in html
    assert "<svg" not in html
