"""A delivered parcel refunded by an editor: the card gives back that parcel's money, the seller's ledger the
credit; an officer cannot, and nothing is refunded twice."""

import pytest
from django.conf import settings
from django.urls import reverse

from ledger.balances import balance
from ledger.models import Entry, EntryKind
from tests.factories import PartnerFactory, ProductFactory
from tests.integration.ledger.helpers import deliver
from tests.integration.payments.stripe_double import paid_by_card, place_card_order
from tests.pages import ENGLISH, open_page, text_of


def detail_url(order):
    return reverse("dashboard:order-detail", kwargs={"number": order.number})


def refund(client, shipment, reason="Hộp thạch bị vỡ khi giao"):
    data = {"order_action": "refund_parcel", "shipment_id": shipment.pk, "refund_reason": reason}
    return client.post(detail_url(shipment.order), data)


@pytest.fixture
def delivered_card_parcels(client, customer, fake_stripe, stripe_keys):
    """An order of two sellers' products paid by card, both parcels delivered."""
    jelly = ProductFactory(title="Thạch đen Thạch An", seller=PartnerFactory(name="Cơ sở Thạch đen Lục Duyên"))
    nuts = ProductFactory(title="Hạt dẻ Trùng Khánh", seller=PartnerFactory(name="Cơ sở Hạt dẻ Đàm Thủy"))
    client.force_login(customer)
    order = place_card_order(customer, (jelly, 2), nuts)
    paid_by_card(client, order, fake_stripe)
    client.logout()
    shipments = list(order.shipments.order_by("pk"))
    for shipment in shipments:
        deliver(shipment)
    return shipments


def test_an_editor_refunds_one_delivered_parcel_by_card_and_its_seller_gives_back_its_credit(
    client, editor, delivered_card_parcels, fake_stripe, django_capture_on_commit_callbacks
):
    jelly_parcel, nut_parcel = delivered_card_parcels
    jelly_seller = jelly_parcel.seller
    assert balance(jelly_seller) > 0
    kept = balance(nut_parcel.seller)
    client.force_login(editor)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = ENGLISH  # the messages are kept in the language of the POST

    with django_capture_on_commit_callbacks(execute=True):
        response = refund(client, jelly_parcel)

    # Stripe is asked for that parcel's lines and fee, no more
    parcel = int(sum(line.line_price_incl_tax for line in jelly_parcel.live_lines) + jelly_parcel.shipping_charge)
    refunds = [request for request in fake_stripe.requests if request.path == "/v1/refunds"]
    assert [request.params["amount"] for request in refunds] == [str(parcel)]
    # her ledger gives back what the parcel credited her; the other seller keeps hers
    assert balance(jelly_seller) == 0
    assert Entry.objects.filter(seller=jelly_seller, kind=EntryKind.REVERSAL).exists()
    assert balance(nut_parcel.seller) == kept
    page = text_of(open_page(client, response.url, ENGLISH))
    assert "parcel is refunded" in page
    assert "Hộp thạch bị vỡ khi giao" in page

    # and the buyer's order page says so, with the reason
    client.force_login(jelly_parcel.order.user)
    buyer_page = text_of(
        open_page(client, reverse("customer:order", kwargs={"order_number": jelly_parcel.order.number}), ENGLISH)
    )
    assert "Delivered, then refunded" in buyer_page
    assert "Hộp thạch bị vỡ khi giao" in buyer_page
    client.force_login(editor)

    # A second refund of it is refused
    refund(client, jelly_parcel)
    assert len([request for request in fake_stripe.requests if request.path == "/v1/refunds"]) == 1


def test_a_refund_without_a_reason_is_refused(client, editor, delivered_card_parcels):
    jelly_parcel, _ = delivered_card_parcels
    client.force_login(editor)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = ENGLISH
    response = refund(client, jelly_parcel, reason=" ")
    assert "Say why the parcel is refunded" in text_of(open_page(client, response.url, ENGLISH))
    jelly_parcel.refresh_from_db()
    assert not jelly_parcel.is_refunded


def test_an_officer_cannot_refund_a_parcel(client, officer, delivered_card_parcels, fake_stripe):
    jelly_parcel, _ = delivered_card_parcels
    before = balance(jelly_parcel.seller)
    client.force_login(officer)
    assert refund(client, jelly_parcel).status_code == 403
    jelly_parcel.refresh_from_db()
    assert not jelly_parcel.is_refunded
    assert balance(jelly_parcel.seller) == before
