"""A stand-in for Stripe's servers at the HTTP boundary, and the steps of a card payment, for the payment tests."""

import itertools
import json
import re
import time
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import parse_qsl, urlsplit

import stripe
from django.utils import timezone
from oscar.core.loading import get_model

from orders.paying import payment_source
from orders.status import OrderStatus
from payments.models import CheckoutSession
from payments.stripe.sessions import pay_url
from tests.factories import place_order

Order = get_model("order", "Order")

WEBHOOK_SECRET = "whsec_test_cho_ocop_not_a_real_secret"
WEBHOOK_URL = "/payments/stripe/webhook/"


@dataclass
class SentRequest:
    method: str
    path: str
    params: dict
    headers: dict


class FakeStripe(stripe.HTTPClient):
    """Stripe's API as far as the shop uses it, in memory; it records every request the SDK sends."""

    name = "fake-stripe"

    def __init__(self):
        super().__init__()
        self.requests = []
        self.sessions = {}
        self.refunds = {}
        self.replies = {}  # idempotency key -> (params, status, body), as Stripe keeps them
        self.lose_next_reply = False  # Stripe does the work, but the reply never arrives
        self.unreachable = False
        self.while_refunding = None  # what happens elsewhere while Stripe makes a refund
        self.ids = itertools.count(1)

    def request(self, method, url, headers, post_data=None):
        parts = urlsplit(url)
        params = dict(parse_qsl(post_data or parts.query, keep_blank_values=True))
        self.requests.append(SentRequest(method, parts.path, params, dict(headers)))
        if self.unreachable:
            raise stripe.APIConnectionError("Could not connect to Stripe (fake)")
        key = headers.get("Idempotency-Key") if method == "post" else None
        if key in self.replies:
            first_params, status, body = self.replies[key]
            if first_params != params:
                status, body = 400, {"error": {"type": "idempotency_error", "message": "Keys can only be reused…"}}
        else:
            status, body = self.answer(method, parts.path, params)
            if key:
                self.replies[key] = (params, status, body)
        if self.lose_next_reply:
            self.lose_next_reply = False
            raise stripe.APIConnectionError("The connection was reset (fake)")
        return json.dumps(body), status, {"request-id": f"req_{next(self.ids)}"}

    def close(self):
        pass

    def answer(self, method, path, params):
        if (method, path) == ("post", "/v1/checkout/sessions"):
            return 200, self.create_session(params)
        if match := re.fullmatch(r"/v1/checkout/sessions/(\w+)(/expire)?", path):
            session = self.sessions.get(match[1])
            if session is None:
                return 404, {"error": {"type": "invalid_request_error", "message": "No such checkout.session"}}
            if match[2]:
                if session["status"] != "open":
                    return 400, {"error": {"type": "invalid_request_error", "message": "Session is not open"}}
                session["status"] = "expired"
            return 200, dict(session)
        if (method, path) == ("post", "/v1/refunds"):
            refund = {
                "id": f"re_test_{next(self.ids)}",
                "object": "refund",
                "amount": int(params["amount"]),
                "currency": "vnd",
                "payment_intent": params["payment_intent"],
                "status": "succeeded",
            }
            self.refunds[refund["id"]] = refund
            if self.while_refunding:
                self.while_refunding(refund)
            return 200, refund
        return 404, {"error": {"type": "invalid_request_error", "message": f"Unrecognized request URL {path}"}}

    def create_session(self, params):
        session_id = f"cs_test_{next(self.ids)}"
        items = sorted({key.split("]")[0] for key in params if key.startswith("line_items[")})
        amounts = [
            int(params[f"{item}][price_data][unit_amount]"]) * int(params[f"{item}][quantity]"]) for item in items
        ]
        session = {
            "id": session_id,
            "object": "checkout.session",
            "mode": params["mode"],
            "status": "open",
            "payment_status": "unpaid",
            "url": f"https://checkout.stripe.com/c/pay/{session_id}",
            "amount_total": sum(amounts),
            "currency": params["line_items[0][price_data][currency]"],
            "client_reference_id": params.get("client_reference_id"),
            "metadata": {"order_number": params["metadata[order_number]"]},
            "expires_at": int(params["expires_at"]),
            "payment_intent": None,
        }
        self.sessions[session_id] = session
        return dict(session)

    def pay(self, session_id):
        """The buyer pays on Stripe's page: the session completes with a PaymentIntent."""
        session = self.sessions[session_id]
        session.update(status="complete", payment_status="paid", payment_intent=f"pi_test_{next(self.ids)}")
        return dict(session)

    def created_sessions(self):
        return [r for r in self.requests if (r.method, r.path) == ("post", "/v1/checkout/sessions")]


def place_card_order(user, *purchases, minutes_ago=0):
    """An order waiting for its card payment, as checkout leaves it before sending the buyer to Stripe."""
    order = place_order(user, *purchases)
    Order.objects.filter(pk=order.pk).update(
        status=OrderStatus.PENDING_PAYMENT, date_placed=timezone.now() - timedelta(minutes=minutes_ago)
    )
    order.refresh_from_db()
    payment_source(order, "card")
    return order


def start_paying(client, order):
    """The buyer presses "Pay by card" on her order's payment page; returns where she is sent."""
    response = client.post(pay_url(order))
    assert response.status_code == 303
    return response["Location"]


def session_of(order):
    return CheckoutSession.objects.get(order=order, attempt=order.stripe_sessions.count()).session_id


def post_event(client, event_type, obj, *, event_id=None, secret=WEBHOOK_SECRET, timestamp=None, header=None):
    """Stripe delivers an event: the JSON body signed with the endpoint's secret, as Stripe signs it."""
    event = {
        "id": event_id or f"evt_test_{time.time_ns()}",
        "object": "event",
        "api_version": stripe.api_version,
        "created": int(time.time()),
        "livemode": False,
        "pending_webhooks": 1,
        "request": {"id": None, "idempotency_key": None},
        "type": event_type,
        "data": {"object": obj},
    }
    payload = json.dumps(event)
    if header is None:
        header = stripe.WebhookSignature.generate_signature_header(payload, secret, timestamp)
    return client.post(WEBHOOK_URL, data=payload, content_type="application/json", HTTP_STRIPE_SIGNATURE=header)


def paid_by_card(client, order, fake_stripe):
    start_paying(client, order)
    session = fake_stripe.pay(session_of(order))
    post_event(client, "checkout.session.completed", session)
    return session
