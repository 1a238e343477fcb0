"""Each seller's parcel comes with its own carrier: the buyer is told what to hand each one, on the
thank-you page, in her confirmation and on her order page, and nothing for an order paid ahead."""

import re
from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from orders.cancelling import cancel_lines
from orders.emails import send_order_confirmation
from orders.fulfilment import accept_shipment, deliver_shipment, pack_shipment, ship_shipment
from orders.guests import remember_guest_order
from orders.paying import mark_order_paid, payment_source
from orders.status import OrderStatus
from payments.methods import VIETQR
from tests.factories import PartnerFactory, ProductFactory, place_order
from tests.pages import ENGLISH, open_page, soup_of, text_of
from tests.parcels import charge_fees
from tests.shopping import check_out

JELLY_SELLER = "Hợp tác xã Thạch đen Phục Hòa"
CHESTNUT_SELLER = "Cơ sở Hạt dẻ Đàm Thủy"


def words(tag):
    return re.sub(r"[ \t\n\r\f\v]+", " ", tag.get_text(" ")).strip()


def order_url(order):
    return reverse("customer:order", kwargs={"order_number": order.number})


def payment_box(response):
    return words(soup_of(response).select_one(".payment-box"))


def parcels(response):
    return [words(parcel) for parcel in soup_of(response).select(".parcel")]


def confirmation(order, capture):
    with translation.override(ENGLISH), capture(execute=True):
        send_order_confirmation(order)
    [email] = [message for message in mail.outbox if order.email in message.to]
    return re.sub(r"[ \t]+", " ", email.body), email.alternatives[0][0]


def paid_by_transfer(order):
    order.status = OrderStatus.PENDING_PAYMENT
    order.save(update_fields=["status"])
    payment_source(order, VIETQR)
    return mark_order_paid(order, amount=order.total_incl_tax, reference="FT2612", method_code=VIETQR)


@pytest.fixture
def signed_in(client, customer):
    client.force_login(customer)
    return client


@pytest.mark.django_db
def test_the_thank_you_page_tells_what_to_hand_each_sellers_carrier(client):
    # Given products of two sellers, bought by a guest paying cash on delivery in Cao Bằng
    jelly = ProductFactory(
        title="Thạch đen Cao Bằng", seller=PartnerFactory(name=JELLY_SELLER), stockrecords__price=Decimal("125000")
    )
    chestnuts = ProductFactory(
        title="Hạt dẻ Trùng Khánh", seller=PartnerFactory(name=CHESTNUT_SELLER), stockrecords__price=Decimal("69000")
    )
    assert check_out(client, jelly, chestnuts).status_code == 302

    # When she reads the confirmation page
    response = open_page(client, reverse("checkout:thank-you"), ENGLISH)

    # Then the payment says what each parcel's carrier asks, and each parcel shows her lines and her fee
    # (18.000 ₫ each within the province), once: the parcels do not repeat the amounts
    box = payment_box(response)
    assert "pay each delivery person for that parcel only" in box
    assert f"Pay the delivery person of {JELLY_SELLER}: 143.000\xa0₫" in box
    assert f"Pay the delivery person of {CHESTNUT_SELLER}: 87.000\xa0₫" in box
    assert "230.000" not in box
    cards = [words(card) for card in soup_of(response).select(".thank-you .parcel")]
    assert "1 × Thạch đen Cao Bằng 125.000\xa0₫" in cards[0]
    assert "Shipping fee 18.000\xa0₫" in cards[0]
    assert "1 × Hạt dẻ Trùng Khánh 69.000\xa0₫" in cards[1]
    assert all("Pay the delivery person" not in card for card in cards)


@pytest.mark.django_db
def test_the_confirmation_email_tells_what_to_hand_each_carrier(order, django_capture_on_commit_callbacks):
    text, html = confirmation(order, django_capture_on_commit_callbacks)

    assert "Payment: Cash on delivery\nEach seller sends her own parcel: pay each delivery person" in text
    assert f"Pay the delivery person of {JELLY_SELLER}: 280.000\xa0₫" in text  # 250.000 + 30.000
    assert f"Pay the delivery person of {CHESTNUT_SELLER}: 225.000\xa0₫" in text  # 180.000 + 45.000
    assert "Order total: 505.000\xa0₫" in text
    assert "280.000\xa0₫" in html
    assert "225.000\xa0₫" in html


@pytest.mark.django_db
def test_a_confirmation_sent_after_a_cancel_asks_only_for_what_still_comes(
    order, seller, django_capture_on_commit_callbacks
):
    # Given the jelly seller cancelled her parcel before the confirmation went out
    jellies = order.shipments.get(seller=seller)
    cancel_lines(jellies, list(jellies.lines), "Hết thạch", notify_buyer=False)

    # When the confirmation is sent
    text, html = confirmation(order, django_capture_on_commit_callbacks)

    # Then it asks for the chestnuts' parcel alone, and its totals say what was cancelled
    assert f"Pay the delivery person of {CHESTNUT_SELLER}: 225.000\xa0₫" in text
    assert f"Pay the delivery person of {JELLY_SELLER}" not in text
    assert "each delivery person" not in text
    assert "Thạch đen Cao Bằng × 2: 250.000\xa0₫ (cancelled)" in text
    assert "Cancelled: −280.000\xa0₫" in text
    assert "Total after cancellation: 225.000\xa0₫" in text
    assert "<del>505.000\xa0₫</del>" in html


@pytest.mark.django_db
def test_after_a_partial_cancel_the_order_page_asks_each_carrier_for_what_is_left(
    signed_in, customer, product, seller, hat_de
):
    # Given two jellies and noodles from one seller, chestnuts from another, and the jellies cancelled
    noodles = ProductFactory(title="Miến dong Nguyên Bình", seller=seller, stockrecords__price=Decimal("60000"))
    order = charge_fees(place_order(customer, (product, 2), noodles, hat_de), 30000, 45000)
    jellies = order.shipments.get(seller=seller)
    cancel_lines(jellies, [order.lines.get(product=product)], "Hết thạch", notify_buyer=False)

    # When the buyer opens her order
    response = open_page(signed_in, order_url(order), ENGLISH)

    # Then the jelly seller's carrier asks for the noodles and her fee, the other's for the chestnuts and hers
    box = payment_box(response)
    assert f"Pay the delivery person of {JELLY_SELLER}: 90.000\xa0₫" in box  # 60.000 + 30.000
    assert f"Pay the delivery person of {CHESTNUT_SELLER}: 225.000\xa0₫" in box  # 180.000 + 45.000
    jelly_parcel, nut_parcel = parcels(response)
    assert "Pay the delivery person 90.000\xa0₫" in jelly_parcel
    assert "Pay the delivery person 225.000\xa0₫" in nut_parcel
    assert "Total after cancellation 315.000\xa0₫" in text_of(response)

    # And once the seller cancels her noodles too, her parcel asks nothing, not even its fee
    cancel_lines(jellies, [order.lines.get(product=noodles)], "Hết miến", notify_buyer=False)
    response = open_page(signed_in, order_url(order), ENGLISH)
    box = payment_box(response)
    assert f"Pay the delivery person of {CHESTNUT_SELLER}: 225.000\xa0₫" in box
    assert JELLY_SELLER not in box
    jelly_parcel, _nut_parcel = parcels(response)
    assert "Pay the delivery person" not in jelly_parcel


@pytest.mark.django_db
def test_an_order_paid_ahead_has_nothing_to_hand_any_carrier(signed_in, order, django_capture_on_commit_callbacks):
    # Given an order paid by transfer
    with django_capture_on_commit_callbacks(execute=True):
        order = paid_by_transfer(order)

    # When the buyer opens it
    response = open_page(signed_in, order_url(order), ENGLISH)

    # Then it is paid, and neither the payment box nor any parcel asks her for cash
    box = payment_box(response)
    assert "Paid: 505.000\xa0₫. Thank you!" in box
    assert "Already paid: there is nothing to hand the delivery person." in box
    for parcel in parcels(response):
        assert "Pay the delivery person 0\xa0₫" in parcel
    # and her confirmation, sent with the payment, says the same
    [email] = [message for message in mail.outbox if order.email in message.to]
    assert "Pay the delivery person" not in email.body


@pytest.mark.django_db
def test_a_delivered_cash_parcel_says_it_was_paid_on_delivery(signed_in, order, hat_de):
    chestnuts = order.shipments.get(seller=hat_de.stockrecords.get().partner)
    accept_shipment(chestnuts)
    pack_shipment(chestnuts)
    ship_shipment(chestnuts, carrier="VNPost")
    deliver_shipment(chestnuts)

    _jelly, nuts = parcels(open_page(signed_in, order_url(order), ENGLISH))

    assert "Paid on delivery 225.000\xa0₫" in nuts


@pytest.mark.django_db
def test_the_guests_private_page_tells_what_to_hand_each_carrier(client, order):
    # Given the fixture's order as a guest's, opened from her private link
    order.user = None
    order.guest_email = "khach@example.vn"
    order.save(update_fields=["user", "guest_email"])
    url = reverse("customer:anon-order", kwargs={"order_number": order.number, "hash": order.verification_hash()})
    session = client.session
    remember_guest_order(session, order.number)  # the device she ordered on
    session.save()

    response = open_page(client, url, ENGLISH)

    text = text_of(response)
    assert f"Pay the delivery person of {JELLY_SELLER}: 280.000\xa0₫" in text
    assert f"Pay the delivery person of {CHESTNUT_SELLER}: 225.000\xa0₫" in text
