"""What the buyer owes once a seller cancels part of her order, and the card money that goes back."""

import re
from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from oscar.core.loading import get_model

from orders.amounts import amount_due
from orders.cancelling import cancel_lines
from orders.paying import payment_source
from orders.status import OrderStatus
from payments.instructions import payment_of
from payments.methods import VIETQR
from payments.vietqr.payload import crc_is_valid, parse_tlv
from tests.factories import PartnerFactory, ProductFactory, place_order
from tests.integration.payments.stripe_double import paid_by_card, place_card_order
from tests.pages import ENGLISH, open_page, soup_of, text_of

pytestmark = pytest.mark.usefixtures("stripe_keys")

Transaction = get_model("payment", "Transaction")


@pytest.fixture
def mien_dong(seller):
    """A second product of the jelly seller's, at 60.000 ₫."""
    return ProductFactory(title="Miến dong Nguyên Bình", seller=seller, stockrecords__price=Decimal("60000"))


@pytest.fixture
def hat_de(db):
    """Another seller's product: Trùng Khánh chestnuts at 180.000 ₫."""
    seller = PartnerFactory(name="Cơ sở Hạt dẻ Đàm Thủy")
    return ProductFactory(title="Hạt dẻ Trùng Khánh", seller=seller, stockrecords__price=Decimal("180000"))


@pytest.fixture
def purchases(product, mien_dong, hat_de):
    """Two jellies (250.000 ₫) and noodles (60.000 ₫) from one seller, whose parcel costs 26.000 ₫ to send
    inside Cao Bằng, and chestnuts (180.000 ₫) from another, whose parcel costs 18.000 ₫: 534.000 ₫ in all."""
    return [(product, 2), mien_dong, hat_de]


def words(tag):
    return re.sub(r"[ \t\n\r\f\v]+", " ", tag.get_text(" ")).strip()


def order_url(order):
    return reverse("customer:order", kwargs={"order_number": order.number})


def line_of(order, product):
    return order.lines.get(product=product)


def shipment_of(order, product):
    return order.shipments.get(seller=product.stockrecords.get().partner)


def refunds_asked(fake_stripe):
    return [request for request in fake_stripe.requests if request.path == "/v1/refunds"]


# Cash on delivery and transfers


def test_after_a_seller_cancels_some_lines_the_buyer_has_less_cash_ready(client, customer, purchases, product):
    # Given a cash order of 534.000 ₫ whose jelly seller has run out of jelly
    order = place_order(customer, *purchases)
    assert order.total_incl_tax == Decimal("534000.00")
    cancel_lines(shipment_of(order, product), [line_of(order, product)], "Hết thạch")

    # When the buyer opens her order
    client.force_login(customer)
    response = open_page(client, order_url(order), ENGLISH)

    # Then she is asked for the rest only, each carrier for its own parcel, and the totals say why
    cash = words(soup_of(response).select_one(".payment-box"))
    assert "Pay the delivery person of Hợp tác xã Thạch đen Phục Hòa: 86.000\xa0₫" in cash  # noodles + 26.000
    assert "Pay the delivery person of Cơ sở Hạt dẻ Đàm Thủy: 198.000\xa0₫" in cash
    totals = soup_of(response).select_one(".order-totals")
    assert "Order total 534.000\xa0₫ Cancelled −250.000\xa0₫ Total after cancellation 284.000\xa0₫" in words(totals)
    assert totals.select_one("del").get_text() == "534.000\xa0₫"


def test_a_parcel_cancelled_entirely_takes_its_shipping_fee_off_too(client, customer, purchases, hat_de):
    order = place_order(customer, *purchases)
    chestnuts = shipment_of(order, hat_de)
    assert chestnuts.shipping_charge == Decimal("18000.00")

    cancel_lines(chestnuts, [line_of(order, hat_de)], "Hết hạt dẻ")

    client.force_login(customer)
    text = text_of(open_page(client, order_url(order), ENGLISH))
    # One parcel is left to pay for: 534.000 − 180.000 − 18.000
    assert "Pay the delivery person of Hợp tác xã Thạch đen Phục Hòa: 336.000\xa0₫" in text
    assert "Pay the delivery person of Cơ sở Hạt dẻ Đàm Thủy" not in text
    assert "pay each delivery person" not in text
    assert "Cancelled −198.000\xa0₫" in text
    assert amount_due(order) == Decimal("336000.00")


def test_an_order_nothing_was_cancelled_of_shows_its_total_alone(client, customer, purchases):
    order = place_order(customer, *purchases)

    client.force_login(customer)
    response = open_page(client, order_url(order), ENGLISH)

    totals = words(soup_of(response).select_one(".order-totals"))
    assert "Order total 534.000\xa0₫" in totals
    assert "Cancelled" not in totals
    cash = words(soup_of(response).select_one(".payment-box"))
    assert "Pay the delivery person of Hợp tác xã Thạch đen Phục Hòa: 336.000\xa0₫" in cash
    assert "Pay the delivery person of Cơ sở Hạt dẻ Đàm Thủy: 198.000\xa0₫" in cash
    assert "534.000" not in cash


def test_a_transfer_awaited_asks_for_what_is_due_in_its_qr_code(customer, purchases, product):
    # Given a transfer order not paid yet, one line of which was cancelled
    order = place_order(customer, *purchases)
    order.status = OrderStatus.PENDING_PAYMENT
    order.save(update_fields=["status"])
    payment_source(order, VIETQR)
    cancel_lines(shipment_of(order, product), [line_of(order, product)], "Hết thạch", notify_buyer=False)

    # When the payment box is shown
    payment = payment_of(order)
    with translation.override(ENGLISH):
        html = render_to_string("payments/partials/instructions.html", {"order": order, "method": None})

    # Then the banking app is asked for 284.000 ₫, in the code as in the text
    assert payment.transfer.amount == 284000
    assert ("54", "284000") in parse_tlv(payment.transfer.payload)
    assert crc_is_valid(payment.transfer.payload)
    assert "284.000\xa0₫" in html
    assert "534.000" not in html


# Card payments


def test_a_sellers_whole_parcel_cancelled_refunds_her_lines_and_fee_once(
    client, customer, purchases, hat_de, fake_stripe, django_capture_on_commit_callbacks
):
    # Given a card order of 534.000 ₫, paid
    order = place_card_order(customer, *purchases)
    session = paid_by_card(client, order, fake_stripe)
    order.refresh_from_db()
    assert order.status == OrderStatus.PLACED

    # When the chestnut seller cancels her whole parcel
    with django_capture_on_commit_callbacks(execute=True):
        cancel_lines(shipment_of(order, hat_de), [line_of(order, hat_de)], "Hết hạt dẻ")

    # Then Stripe is asked once for her chestnuts and her fee, 198.000 ₫, and it is recorded
    [refund] = refunds_asked(fake_stripe)
    assert refund.params["payment_intent"] == session["payment_intent"]
    assert refund.params["amount"] == "198000"
    assert refund.headers["Idempotency-Key"] == f"cho-ocop-order-{order.number}-refund-0-198000"
    assert payment_source(order, "card").amount_refunded == Decimal("198000")
    # and the buyer's page says what came back, without calling the whole payment refunded
    client.force_login(customer)
    text = text_of(open_page(client, order_url(order), ENGLISH))
    assert "Paid: 534.000\xa0₫. Thank you!" in text
    assert "198.000\xa0₫ of it has been refunded, for what was cancelled." in text
    assert "Total after cancellation 336.000\xa0₫" in text


def test_two_partial_cancels_of_a_paid_order_make_two_refunds(
    client, customer, purchases, product, mien_dong, fake_stripe, django_capture_on_commit_callbacks
):
    # Given a paid card order
    order = place_card_order(customer, *purchases)
    paid_by_card(client, order, fake_stripe)
    jellies = shipment_of(order, product)
    assert jellies.shipping_charge == Decimal("26000.00")

    # When the jelly seller cancels her jellies, and later her noodles, the last of her parcel
    with django_capture_on_commit_callbacks(execute=True):
        cancel_lines(jellies, [line_of(order, product)], "Hết thạch")
    with django_capture_on_commit_callbacks(execute=True):
        cancel_lines(jellies, [line_of(order, mien_dong)], "Hết miến")

    # Then the jellies come back, then the noodles with her fee, each under a key of its own
    sent = refunds_asked(fake_stripe)
    assert [request.params["amount"] for request in sent] == ["250000", "86000"]
    assert [request.headers["Idempotency-Key"] for request in sent] == [
        f"cho-ocop-order-{order.number}-refund-0-250000",
        f"cho-ocop-order-{order.number}-refund-250000-86000",
    ]
    assert len(fake_stripe.refunds) == 2
    source = payment_source(order, "card")
    assert source.amount_refunded == Decimal("336000")
    assert source.transactions.filter(txn_type=Transaction.REFUND).count() == 2


def test_a_cancel_of_an_unpaid_card_order_refunds_nothing(
    customer, purchases, product, fake_stripe, django_capture_on_commit_callbacks
):
    order = place_card_order(customer, *purchases)

    with django_capture_on_commit_callbacks(execute=True):
        cancel_lines(shipment_of(order, product), [line_of(order, product)], "Hết thạch", notify_buyer=False)

    assert refunds_asked(fake_stripe) == []
