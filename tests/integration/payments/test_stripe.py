"""Card payments through Stripe, with the real `stripe` SDK and a fake Stripe behind its HTTP client.

The fake answers the few API calls the shop makes (Checkout Sessions, refunds) as Stripe does,
including idempotency keys; webhook payloads are signed with Stripe's own scheme.
"""

import hashlib
import hmac
import json
import time
from datetime import timedelta
from decimal import Decimal

import pytest
import stripe
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from orders.paying import mark_order_paid, payment_source
from orders.status import OrderStatus
from payments.models import CheckoutSession, StripeEvent
from payments.stripe.client import CardPaymentError
from payments.stripe.expiry import expire_unpaid_card_orders, expire_unpaid_orders
from payments.stripe.refunds import refund_card_payment
from payments.stripe.sessions import confirm_card_payment, pay_url, payment_deadline
from tests.factories import PartnerFactory, ProductFactory, UserFactory, place_order
from tests.integration.payments.stripe_double import (
    WEBHOOK_SECRET,
    WEBHOOK_URL,
    paid_by_card,
    place_card_order,
    post_event,
    session_of,
    start_paying,
)
from tests.pages import soup_of

pytestmark = pytest.mark.usefixtures("stripe_keys")

Order = get_model("order", "Order")
Transaction = get_model("payment", "Transaction")


@pytest.fixture
def sellers(db):
    """Two sellers, each with an owner who reads email."""
    made = []
    for name, email in [
        ("Hợp tác xã Thạch đen Phục Hòa", "mai@example.vn"),
        ("Cơ sở Miến dong Nguyên Bình", "hoa@example.vn"),
    ]:
        seller = PartnerFactory(name=name)
        seller.users.add(UserFactory(email=email))
        made.append(seller)
    return made


@pytest.fixture
def products(sellers):
    """180.000 ₫ from the first seller, 125.000 ₫ from the second: 341.000 ₫ with their two fees of 18.000 ₫
    (both send inside Cao Bằng, where the order goes)."""
    return [
        ProductFactory(title="Thạch đen Cao Bằng", seller=sellers[0], stockrecords__price=Decimal("180000.00")),
        ProductFactory(title="Miến dong Nguyên Bình", seller=sellers[1], stockrecords__price=Decimal("125000.00")),
    ]


@pytest.fixture
def card_order(customer, products):
    return place_card_order(customer, *products)


def payment_intent(order, session, **fields):
    return {
        "id": session["payment_intent"],
        "object": "payment_intent",
        "amount": session["amount_total"],
        "amount_received": session["amount_total"],
        "currency": "vnd",
        "status": "succeeded",
        "metadata": {"order_number": order.number},
        **fields,
    }


def debits(order):
    return Transaction.objects.filter(source__order=order, txn_type=Transaction.DEBIT)


def card_source(order):
    return payment_source(order, "card")


# Starting a payment


def test_stripe_is_asked_for_the_order_total_in_whole_dong(client, card_order, fake_stripe):
    # Given an order of 341.000 ₫ (305.000 ₫ of products, 2 × 18.000 ₫ of shipping) waiting for its card payment
    assert card_order.total_incl_tax == Decimal("341000.00")
    assert card_order.total_incl_tax == card_order.basket_total_incl_tax + sum(
        shipment.shipping_charge for shipment in card_order.shipments.all()
    )

    # When the buyer goes to pay
    location = start_paying(client, card_order)

    # Then Stripe is asked for one Checkout Session of exactly 341000 đồng (VND has no minor unit)
    (sent,) = fake_stripe.created_sessions()
    params = sent.params
    assert params["mode"] == "payment"
    assert params["line_items[0][price_data][currency]"] == "vnd"
    assert params["line_items[0][price_data][unit_amount]"] == "341000"
    assert params["line_items[0][quantity]"] == "1"
    assert not any(key.startswith("line_items[1]") for key in params)
    assert params["line_items[0][price_data][product_data][name]"].endswith(f"#{card_order.number}")
    assert params["client_reference_id"] == card_order.number
    assert params["metadata[order_number]"] == card_order.number
    assert params["payment_intent_data[metadata][order_number]"] == card_order.number
    assert params["success_url"].startswith("http://testserver" + reverse("checkout:thank-you"))
    assert params["cancel_url"] == "http://testserver" + pay_url(card_order)
    # …with a key made from the order, and closing when the order's hour is up
    assert sent.headers["Idempotency-Key"] == f"cho-ocop-order-{card_order.number}-checkout-1"
    assert int(params["expires_at"]) == int(payment_deadline(card_order).timestamp())
    # …and the buyer goes to Stripe's page, whose session the order's payment record names
    session_id = fake_stripe.sessions.popitem()[0]
    assert location == f"https://checkout.stripe.com/c/pay/{session_id}"
    assert card_source(card_order).reference == session_id


def test_a_late_start_still_gives_stripe_the_half_hour_it_requires(client, customer, products, fake_stripe):
    order = place_card_order(customer, *products, minutes_ago=45)

    start_paying(client, order)

    expires_at = int(fake_stripe.created_sessions()[0].params["expires_at"])
    assert expires_at >= time.time() + 30 * 60
    assert expires_at <= time.time() + 33 * 60


def test_paying_again_while_the_session_is_open_offers_the_same_page(client, card_order, fake_stripe):
    first = start_paying(client, card_order)

    second = start_paying(client, card_order)

    assert second == first
    assert len(fake_stripe.created_sessions()) == 1
    assert CheckoutSession.objects.filter(order=card_order).count() == 1


def test_a_request_repeated_after_its_reply_was_lost_makes_no_second_session(client, card_order, fake_stripe):
    # Given Stripe made the session but its reply never reached the shop
    fake_stripe.lose_next_reply = True
    response = client.post(pay_url(card_order), follow=True)
    assert CheckoutSession.objects.filter(order=card_order).count() == 0
    assert soup_of(response).select_one(".alert")  # the buyer is told to try again

    # When she tries again
    location = start_paying(client, card_order)

    # Then the same key brings back the same session: Stripe holds one session for the order
    keys = [sent.headers["Idempotency-Key"] for sent in fake_stripe.created_sessions()]
    assert keys == [f"cho-ocop-order-{card_order.number}-checkout-1"] * 2
    assert len(fake_stripe.sessions) == 1
    assert location == next(iter(fake_stripe.sessions.values()))["url"]


def test_after_the_session_expired_a_new_attempt_is_made(client, card_order, fake_stripe):
    start_paying(client, card_order)
    fake_stripe.sessions[session_of(card_order)]["status"] = "expired"

    location = start_paying(client, card_order)

    assert len(fake_stripe.sessions) == 2
    assert fake_stripe.created_sessions()[-1].headers["Idempotency-Key"].endswith("-checkout-2")
    assert location.endswith(session_of(card_order))
    assert card_source(card_order).reference == session_of(card_order)


def test_the_payment_page_opens_only_with_the_orders_link(client, card_order):
    plain_url = reverse("payments:stripe-pay", args=[card_order.number])

    assert client.get(plain_url).status_code == 404
    assert client.get(plain_url + "?t=wrong").status_code == 404
    response = client.get(pay_url(card_order))

    assert response.status_code == 200
    page = soup_of(response)
    assert "341.000" in page.select_one(".card-payment-total").text
    assert page.select_one(".card-payment-page form button[type=submit]")


def test_the_payment_page_of_a_cancelled_order_offers_no_payment(client, card_order, fake_stripe):
    Order.objects.filter(pk=card_order.pk).update(status=OrderStatus.CANCELLED)

    page = soup_of(client.get(pay_url(card_order)))
    response = client.post(pay_url(card_order))

    assert page.select_one(".card-payment-page form button[type=submit]") is None
    assert page.select_one(".card-payment-state.alert-warning")
    assert response["Location"] == pay_url(card_order)
    assert fake_stripe.requests == []


def test_the_buyer_sees_her_own_card_order_payment_page_when_logged_in(client, customer, card_order):
    client.force_login(customer)

    response = client.get(reverse("payments:stripe-pay", args=[card_order.number]))

    assert response.status_code == 200


def test_stripe_out_of_reach_leaves_the_buyer_on_the_payment_page(client, card_order, fake_stripe):
    fake_stripe.unreachable = True

    response = client.post(pay_url(card_order))

    assert response.status_code == 303
    assert response["Location"] == pay_url(card_order)
    card_order.refresh_from_db()
    assert card_order.status == OrderStatus.PENDING_PAYMENT


def test_a_paid_order_is_not_sent_to_stripe_again(client, card_order, fake_stripe):
    mark_order_paid(card_order, amount=Decimal("341000"), reference="pi_test_x", method_code="card")

    location = start_paying(client, card_order)

    assert location == "http://testserver" + reverse("checkout:thank-you")
    assert fake_stripe.created_sessions() == []


def test_the_thank_you_page_can_confirm_a_payment_before_the_webhook(client, card_order, fake_stripe):
    start_paying(client, card_order)
    fake_stripe.pay(session_of(card_order))

    order = confirm_card_payment(card_order, session_of(card_order))

    assert order.status == OrderStatus.PLACED
    assert card_source(order).amount_debited == Decimal("341000")


def test_a_session_of_another_order_confirms_nothing(client, customer, products, card_order, fake_stripe):
    other = place_card_order(customer, products[0])
    start_paying(client, other)
    fake_stripe.pay(session_of(other))

    order = confirm_card_payment(card_order, session_of(other))

    assert order.status == OrderStatus.PENDING_PAYMENT


# Stripe's events


def test_a_signed_completed_session_marks_the_order_paid_and_tells_its_sellers(
    client, card_order, fake_stripe, django_capture_on_commit_callbacks
):
    # Given the buyer paid on Stripe's page
    start_paying(client, card_order)
    session = fake_stripe.pay(session_of(card_order))
    mail.outbox.clear()

    # When Stripe delivers checkout.session.completed, signed (and without any CSRF token)
    with django_capture_on_commit_callbacks(execute=True):
        response = post_event(Client(enforce_csrf_checks=True), "checkout.session.completed", session)

    # Then the order is paid, once, under its PaymentIntent, and goes to its two sellers
    assert response.status_code == 200
    card_order.refresh_from_db()
    assert card_order.status == OrderStatus.PLACED
    (debit,) = debits(card_order)
    assert debit.amount == Decimal("341000")
    assert debit.reference == session["payment_intent"]
    told = sorted(to for message in mail.outbox for to in message.to)
    assert told == sorted(["hoa@example.vn", "mai@example.vn", card_order.email])  # both sellers, and the buyer
    assert StripeEvent.objects.get().order == card_order


@pytest.mark.parametrize(
    "signing",
    [
        {"secret": "whsec_test_someone_else"},
        {"header": "t=1700000000,v1=" + "0" * 64},
        {"header": ""},
        {"header": "garbage"},
    ],
    ids=["other secret", "forged signature", "no signature", "unreadable header"],
)
def test_an_event_without_stripes_signature_is_refused_and_changes_nothing(
    client, card_order, fake_stripe, signing, django_capture_on_commit_callbacks
):
    start_paying(client, card_order)
    session = fake_stripe.pay(session_of(card_order))
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = post_event(client, "checkout.session.completed", session, **signing)

    assert response.status_code == 400
    card_order.refresh_from_db()
    assert card_order.status == OrderStatus.PENDING_PAYMENT
    assert not debits(card_order).exists()
    assert not StripeEvent.objects.exists()
    assert mail.outbox == []


def test_a_body_changed_after_signing_is_refused(client, card_order, fake_stripe):
    start_paying(client, card_order)
    session = fake_stripe.pay(session_of(card_order))
    payload = json.dumps({"id": "evt_test_1", "type": "checkout.session.completed", "data": {"object": session}})
    header = stripe.WebhookSignature.generate_signature_header(payload, WEBHOOK_SECRET)

    response = client.post(
        WEBHOOK_URL, data=payload.replace("341000", "1"), content_type="application/json", HTTP_STRIPE_SIGNATURE=header
    )

    assert response.status_code == 400
    assert not debits(card_order).exists()


def test_a_stale_signature_is_refused(client, card_order, fake_stripe):
    start_paying(client, card_order)
    session = fake_stripe.pay(session_of(card_order))

    response = post_event(client, "checkout.session.completed", session, timestamp=int(time.time()) - 301)

    assert response.status_code == 400
    card_order.refresh_from_db()
    assert card_order.status == OrderStatus.PENDING_PAYMENT


def test_the_webhook_answers_only_post(client):
    assert client.get(WEBHOOK_URL).status_code == 405


def test_a_signature_made_by_hand_as_stripe_documents_it_is_accepted(client, card_order, fake_stripe):
    # Stripe signs "<timestamp>.<body>" with HMAC-SHA256 under the endpoint secret: t=…,v1=<hex>
    start_paying(client, card_order)
    session = fake_stripe.pay(session_of(card_order))
    event = {"id": "evt_test_by_hand", "object": "event", "created": int(time.time()), "livemode": False}
    payload = json.dumps({**event, "type": "checkout.session.completed", "data": {"object": session}})
    timestamp = int(time.time())
    signature = hmac.new(WEBHOOK_SECRET.encode(), f"{timestamp}.{payload}".encode(), hashlib.sha256).hexdigest()

    response = client.post(
        WEBHOOK_URL,
        data=payload,
        content_type="application/json",
        HTTP_STRIPE_SIGNATURE=f"t={timestamp},v1={signature}",
    )

    assert response.status_code == 200
    card_order.refresh_from_db()
    assert card_order.status == OrderStatus.PLACED


def test_a_repeated_event_records_one_payment(client, card_order, fake_stripe, django_capture_on_commit_callbacks):
    start_paying(client, card_order)
    session = fake_stripe.pay(session_of(card_order))
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        first = post_event(client, "checkout.session.completed", session, event_id="evt_test_once")
        again = post_event(client, "checkout.session.completed", session, event_id="evt_test_once")

    assert (first.status_code, again.status_code) == (200, 200)
    assert debits(card_order).count() == 1
    assert StripeEvent.objects.filter(event_id="evt_test_once").count() == 1
    assert len(mail.outbox) == 3  # each seller told once, and the buyer confirmed once


def test_events_out_of_order_still_pay_the_order_once(
    client, card_order, fake_stripe, django_capture_on_commit_callbacks
):
    # Given the PaymentIntent's success arrives before the session's completion
    start_paying(client, card_order)
    session = fake_stripe.pay(session_of(card_order))
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        post_event(client, "payment_intent.succeeded", payment_intent(card_order, session))
        post_event(client, "checkout.session.completed", session)

    # Then the order is paid once, and its sellers told once
    card_order.refresh_from_db()
    assert card_order.status == OrderStatus.PLACED
    assert debits(card_order).count() == 1
    assert card_source(card_order).amount_debited == Decimal("341000")
    assert len(mail.outbox) == 3
    assert list(StripeEvent.objects.order_by("pk").values_list("type", "outcome")) == [
        ("payment_intent.succeeded", "paid"),
        ("checkout.session.completed", "already paid"),
    ]


def test_a_second_payment_of_a_paid_order_is_flagged_for_staff(client, card_order, fake_stripe):
    # Given the buyer paid on one Stripe page, then on a second one she still had open
    start_paying(client, card_order)
    first = fake_stripe.pay(session_of(card_order))
    fake_stripe.sessions[session_of(card_order)]["status"] = "expired"
    start_paying(client, card_order)
    second = fake_stripe.pay(session_of(card_order))

    post_event(client, "checkout.session.completed", first)
    post_event(client, "checkout.session.completed", second)

    # Then the first is the order's payment, and staff are told to give the second back
    assert debits(card_order).get().reference == first["payment_intent"]
    assert StripeEvent.objects.order_by("pk").last().outcome == "paid twice"
    assert card_order.notes.filter(message__contains=second["payment_intent"]).exists()


def test_a_failed_payment_leaves_the_order_payable(client, card_order, fake_stripe):
    start_paying(client, card_order)
    declined = payment_intent(
        card_order,
        {"payment_intent": "pi_test_declined", "amount_total": 341000},
        status="requires_payment_method",
        amount_received=0,
        last_payment_error={"message": "Your card was declined."},
    )

    response = post_event(client, "payment_intent.payment_failed", declined, event_id="evt_test_declined")
    repeated = post_event(client, "payment_intent.payment_failed", declined, event_id="evt_test_declined")

    assert (response.status_code, repeated.status_code) == (200, 200)
    card_order.refresh_from_db()
    assert card_order.status == OrderStatus.PENDING_PAYMENT
    assert card_order.notes.filter(message__contains="Your card was declined.").exists()
    assert card_source(card_order).transactions.get().status == "Failed"
    assert not debits(card_order).filter(status="Paid").exists()
    # …and she can still pay, on the page Stripe keeps open
    assert start_paying(client, card_order).endswith(session_of(card_order))
    assert soup_of(client.get(pay_url(card_order))).select_one(".card-payment-page form button[type=submit]")


def test_a_session_closed_before_the_deadline_leaves_the_order_payable(client, card_order, fake_stripe):
    start_paying(client, card_order)
    session = fake_stripe.sessions[session_of(card_order)]
    session["status"] = "expired"

    post_event(client, "checkout.session.expired", session)

    card_order.refresh_from_db()
    assert card_order.status == OrderStatus.PENDING_PAYMENT
    assert start_paying(client, card_order) != session["url"]  # a new page to pay on


def test_a_session_closed_after_the_deadline_cancels_the_order_and_returns_its_stock(
    client, customer, products, fake_stripe
):
    order = place_card_order(customer, *products, minutes_ago=50)
    start_paying(client, order)
    Order.objects.filter(pk=order.pk).update(date_placed=timezone.now() - timedelta(minutes=90))
    CheckoutSession.objects.filter(order=order).update(expires_at=timezone.now() - timedelta(minutes=1))
    session = fake_stripe.sessions[session_of(order)]
    session["status"] = "expired"

    post_event(client, "checkout.session.expired", session)

    order.refresh_from_db()
    assert order.status == OrderStatus.CANCELLED
    assert [p.stockrecords.get().num_allocated for p in products] == [0, 0]


def test_an_event_for_an_order_we_do_not_know_is_acknowledged_and_logged(client, card_order, caplog):
    session = {
        "id": "cs_test_elsewhere",
        "object": "checkout.session",
        "status": "complete",
        "payment_status": "paid",
        "amount_total": 341000,
        "currency": "vnd",
        "client_reference_id": "999999",
        "metadata": {"order_number": "999999"},
        "payment_intent": "pi_test_elsewhere",
    }

    response = post_event(client, "checkout.session.completed", session)

    assert response.status_code == 200
    assert StripeEvent.objects.get().outcome == "unknown order"
    assert "names no card order of ours" in caplog.text
    card_order.refresh_from_db()
    assert card_order.status == OrderStatus.PENDING_PAYMENT


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"data": None}, "it has no data.object"),
        ({"data": {}}, "it has no data.object"),
        ({"data": {"object": None}}, "it has no data.object"),
        ({"data": {"object": "cs_test_1"}}, "it has no data.object"),
        ({"created": None}, "it lacks an id, a type or a time"),
    ],
    ids=["no data", "no object", "null object", "object not a dict", "no time"],
)
def test_a_signed_event_without_its_object_is_refused_and_logged(card_order, changes, problem, caplog):
    # Given an event signed with the endpoint's secret, but without the object it is about
    event = {
        "id": "evt_test_bare",
        "object": "event",
        "created": int(time.time()),
        "type": "checkout.session.completed",
        "data": {"object": {"id": "cs_test_1", "object": "checkout.session"}},
        **changes,
    }
    event = {key: value for key, value in event.items() if value is not None}  # None: the key is left out
    payload = json.dumps(event)
    header = stripe.WebhookSignature.generate_signature_header(payload, WEBHOOK_SECRET)

    # When Stripe (or whoever holds the secret) delivers it
    response = Client(raise_request_exception=False).post(
        WEBHOOK_URL, data=payload, content_type="application/json", HTTP_STRIPE_SIGNATURE=header
    )

    # Then it is refused, not a server error, and the log says which event and why
    assert response.status_code == 400
    assert f"Stripe event evt_test_bare (checkout.session.completed) is refused: {problem}" in caplog.text
    assert not StripeEvent.objects.exists()
    card_order.refresh_from_db()
    assert card_order.status == OrderStatus.PENDING_PAYMENT


def test_an_event_type_we_do_not_handle_is_acknowledged(client, db):
    response = post_event(client, "customer.created", {"id": "cus_test_1", "object": "customer"})

    assert response.status_code == 200
    assert not StripeEvent.objects.exists()


# Refunds


def charge_refunded(session, amount_refunded, refund_id="re_test_dashboard"):
    return {
        "id": "ch_test_1",
        "object": "charge",
        "amount": session["amount_total"],
        "amount_refunded": amount_refunded,
        "currency": "vnd",
        "payment_intent": session["payment_intent"],
        "metadata": {},
        "refunded": amount_refunded == session["amount_total"],
        "refunds": {"object": "list", "data": [{"id": refund_id, "object": "refund", "amount": amount_refunded}]},
    }


def test_a_refund_made_at_stripe_is_recorded_once(client, card_order, fake_stripe):
    session = paid_by_card(client, card_order, fake_stripe)

    first = post_event(client, "charge.refunded", charge_refunded(session, 100000))
    repeated = post_event(client, "charge.refunded", charge_refunded(session, 100000))

    assert (first.status_code, repeated.status_code) == (200, 200)
    source = card_source(card_order)
    assert source.amount_refunded == Decimal("100000")
    (refund,) = source.transactions.filter(txn_type=Transaction.REFUND)
    assert refund.reference == "re_test_dashboard"


def test_refunding_a_card_order_refunds_through_stripe_once(client, card_order, fake_stripe):
    # Given a paid card order
    session = paid_by_card(client, card_order, fake_stripe)

    # When it is refunded (the buyer cancelled), and Stripe then reports the refund
    refunded = refund_card_payment(card_order)
    post_event(client, "charge.refunded", charge_refunded(session, 341000, next(iter(fake_stripe.refunds))))
    again = refund_card_payment(card_order)

    # Then Stripe was asked once, for the whole payment in đồng, with a key from the order
    (sent,) = [r for r in fake_stripe.requests if r.path == "/v1/refunds"]
    assert sent.params["payment_intent"] == session["payment_intent"]
    assert sent.params["amount"] == "341000"
    assert sent.headers["Idempotency-Key"] == f"cho-ocop-order-{card_order.number}-refund-0-341000"
    assert (refunded, again) == (Decimal("341000"), Decimal("0"))
    assert card_source(card_order).amount_refunded == Decimal("341000")


def test_a_refund_reported_by_stripe_before_its_reply_arrives_is_recorded_once(client, card_order, fake_stripe):
    # Given Stripe's charge.refunded event arrives while the refund request still waits for its reply
    session = paid_by_card(client, card_order, fake_stripe)
    fake_stripe.while_refunding = lambda refund: post_event(
        client, "charge.refunded", charge_refunded(session, refund["amount"], refund["id"])
    )

    refund_card_payment(card_order)

    source = card_source(card_order)
    assert source.amount_refunded == Decimal("341000")
    assert source.transactions.filter(txn_type=Transaction.REFUND).count() == 1


def test_a_refund_whose_reply_was_lost_is_not_made_twice(client, card_order, fake_stripe):
    paid_by_card(client, card_order, fake_stripe)
    fake_stripe.lose_next_reply = True
    with pytest.raises(CardPaymentError):
        refund_card_payment(card_order)

    refund_card_payment(card_order)

    assert len(fake_stripe.refunds) == 1
    assert card_source(card_order).amount_refunded == Decimal("341000")


def test_a_payment_arriving_after_the_order_was_cancelled_is_refunded(
    client, card_order, fake_stripe, django_capture_on_commit_callbacks
):
    start_paying(client, card_order)
    session = fake_stripe.pay(session_of(card_order))
    Order.objects.filter(pk=card_order.pk).update(status=OrderStatus.CANCELLED)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        post_event(client, "checkout.session.completed", session)

    card_order.refresh_from_db()
    assert card_order.status == OrderStatus.CANCELLED
    assert [r.params["amount"] for r in fake_stripe.requests if r.path == "/v1/refunds"] == ["341000"]
    assert card_source(card_order).amount_refunded == Decimal("341000")
    assert mail.outbox == []  # no seller is asked to send a cancelled order


# Expiry of unpaid card orders


def test_an_unpaid_card_order_expires_and_its_stock_returns(client, customer, products, fake_stripe):
    # Given a card order placed 61 minutes ago whose Stripe page closed unpaid
    order = place_card_order(customer, *products, minutes_ago=29)
    start_paying(client, order)
    fake_stripe.sessions[session_of(order)]["status"] = "expired"
    CheckoutSession.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    Order.objects.filter(pk=order.pk).update(date_placed=timezone.now() - timedelta(minutes=61))
    assert [p.stockrecords.get().num_allocated for p in products] == [1, 1]

    # When the expiry runs
    cancelled = expire_unpaid_card_orders()

    # Then it is cancelled and its units are on sale again
    assert cancelled == [order]
    order.refresh_from_db()
    assert order.status == OrderStatus.CANCELLED
    assert [p.stockrecords.get().num_allocated for p in products] == [0, 0]
    assert not debits(order).exists()


def test_expiry_leaves_paid_cash_transfer_and_young_orders_alone(customer, products):
    # Given, all placed two hours ago: a paid card order, a cash order and a VietQR order waiting
    paid = place_card_order(customer, products[0], minutes_ago=120)
    mark_order_paid(paid, amount=paid.total_incl_tax, reference="pi_test_paid", method_code="card")
    cash = place_order(customer, products[0])
    payment_source(cash, "cod")
    transfer = place_card_order(customer, products[0], minutes_ago=120)
    transfer.sources.all().delete()
    payment_source(transfer, "vietqr")
    Order.objects.filter(pk__in=[cash.pk, transfer.pk]).update(date_placed=timezone.now() - timedelta(hours=2))
    # …and a card order placed ten minutes ago
    young = place_card_order(customer, products[1], minutes_ago=10)

    assert expire_unpaid_card_orders() == []

    statuses = dict(Order.objects.values_list("pk", "status"))
    assert statuses == {
        paid.pk: OrderStatus.PLACED,
        cash.pk: OrderStatus.PLACED,
        transfer.pk: OrderStatus.PENDING_PAYMENT,
        young.pk: OrderStatus.PENDING_PAYMENT,
    }


def test_expiry_waits_for_a_stripe_page_still_open(client, customer, products, fake_stripe):
    order = place_card_order(customer, *products, minutes_ago=50)
    start_paying(client, order)  # its page stays open half an hour more
    Order.objects.filter(pk=order.pk).update(date_placed=timezone.now() - timedelta(minutes=61))

    assert expire_unpaid_card_orders() == []

    order.refresh_from_db()
    assert order.status == OrderStatus.PENDING_PAYMENT


def test_expiry_finds_a_payment_whose_webhook_was_lost(client, customer, products, fake_stripe):
    order = place_card_order(customer, *products)
    start_paying(client, order)
    fake_stripe.pay(session_of(order))
    CheckoutSession.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    Order.objects.filter(pk=order.pk).update(date_placed=timezone.now() - timedelta(minutes=61))

    assert expire_unpaid_card_orders() == []

    order.refresh_from_db()
    assert order.status == OrderStatus.PLACED
    assert card_source(order).amount_debited == Decimal("341000")


def test_expiry_closes_a_stripe_page_still_open_before_cancelling(client, customer, products, fake_stripe):
    order = place_card_order(customer, *products)
    start_paying(client, order)
    CheckoutSession.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    Order.objects.filter(pk=order.pk).update(date_placed=timezone.now() - timedelta(minutes=61))

    assert expire_unpaid_card_orders() == [order]

    assert fake_stripe.sessions[session_of(order)]["status"] == "expired"
    assert fake_stripe.requests[-1].path.endswith("/expire")


def test_expiry_leaves_an_order_stripe_cannot_be_asked_about(client, customer, products, fake_stripe):
    order = place_card_order(customer, *products)
    start_paying(client, order)
    CheckoutSession.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    Order.objects.filter(pk=order.pk).update(date_placed=timezone.now() - timedelta(minutes=61))
    fake_stripe.unreachable = True

    assert expire_unpaid_card_orders() == []

    order.refresh_from_db()
    assert order.status == OrderStatus.PENDING_PAYMENT


def test_an_order_never_taken_to_stripe_expires_without_asking_it(customer, products, fake_stripe):
    order = place_card_order(customer, *products, minutes_ago=61)

    assert expire_unpaid_card_orders() == [order]
    assert fake_stripe.requests == []


def test_the_command_and_the_task_expire_unpaid_orders(customer, products, fake_stripe, capsys):
    first = place_card_order(customer, products[0], minutes_ago=61)

    call_command("expire_unpaid_orders")
    second = place_card_order(customer, products[1], minutes_ago=61)
    result = expire_unpaid_orders.enqueue()

    assert f"Cancelled unpaid order {first.number}" in capsys.readouterr().out
    assert result.return_value == [second.number]
    assert set(Order.objects.values_list("status", flat=True)) == {OrderStatus.CANCELLED}
