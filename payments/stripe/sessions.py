"""Paying a card order on Stripe's Checkout page, and recording the payment when it comes.

The buyer's order exists, waiting for its payment (PENDING_PAYMENT, its stock allocated), before
she goes to Stripe: `start_card_payment` makes a Checkout Session for the exact order total and
returns its address. Every POST carries an idempotency key made from the order (its number and
the session's attempt), so a request repeated after a timeout, a double tap or a crash makes no
second session at Stripe. The payment itself is recorded by `record_card_payment`, from whichever
comes first: Stripe's webhook, the buyer's return to the thank-you page, or the expiry's last look.
"""

import logging
from datetime import timedelta
from decimal import Decimal

import stripe
from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from orders.notes import note_on_order
from orders.paying import mark_order_paid, payment_source
from orders.status import OrderStatus
from payments.methods import CARD
from payments.models import CheckoutSession
from vietnam.money import whole_dong

from .client import (
    CURRENCY,
    CardPaymentError,
    call,
    from_timestamp,
    session_paid,
    session_reference,
    stripe_client,
)

logger = logging.getLogger(__name__)

Order = get_model("order", "Order")
Transaction = get_model("payment", "Transaction")

# Stripe accepts a session's expires_at from 30 minutes to 24 hours ahead; keep a margin on both.
SHORTEST_SESSION = timedelta(minutes=31)
LONGEST_SESSION = timedelta(hours=23, minutes=59)
# A session closer than this to its end is not offered again: the buyer could not finish in time.
SESSION_REUSE_MARGIN = timedelta(minutes=2)
PAY_LINK_SALT = "shop.payments.stripe.pay"


def start_card_payment(request, order):
    """The address to send the buyer to for paying `order` by card: Stripe's page, or the thank-you page if paid.

    The order's session still open is offered again; otherwise the next attempt is made. Raises
    CardPaymentError when Stripe cannot be reached or the order can no longer be paid.
    """
    with transaction.atomic():
        # Locked: two taps on "Pay" wait for each other, and the second finds the first one's session.
        order = Order.objects.select_for_update().get(pk=order.pk)
        if order.status == OrderStatus.CANCELLED:
            raise CardPaymentError(_("This order can no longer be paid: it was cancelled."))
        if is_paid(order):
            return _thank_you_url(request)
        if order.status != OrderStatus.PENDING_PAYMENT:
            raise CardPaymentError(_("This order does not wait for a card payment."))
        now = timezone.now()
        if now >= payment_deadline(order):
            raise CardPaymentError(_("This order was not paid in time; it will be cancelled."))
        client = stripe_client()
        latest = order.stripe_sessions.order_by("-attempt").first()
        if latest is not None and latest.expires_at > now + SESSION_REUSE_MARGIN:
            session = call(client.v1.checkout.sessions.retrieve, latest.session_id)
            if session["status"] == "open":
                return session["url"]
            if session_paid(session):
                record_card_payment(order, session["amount_total"], session["currency"], session_reference(session))
                return _thank_you_url(request)
        attempt, session = _create_session(client, request, order, latest.attempt + 1 if latest else 1, now)
        CheckoutSession.objects.get_or_create(
            session_id=session["id"],
            defaults={"order": order, "attempt": attempt, "expires_at": from_timestamp(session["expires_at"])},
        )
        source = payment_source(order, CARD)
        source.reference = session["id"]
        source.save(update_fields=["reference"])
    return session["url"]


def _create_session(client, request, order, attempt, now):
    """A new session for the order, as (attempt, session); the key of each attempt is made from the order.

    Asking again with a key already used returns that key's session (a first request that reached
    Stripe but was never recorded here). If that one has closed since, or the key was used with
    other details (the buyer switched language), the next attempt is made.
    """
    params = _session_params(request, order, now)
    for attempt_now in range(attempt, attempt + 3):
        try:
            session = client.v1.checkout.sessions.create(
                params, {"idempotency_key": f"cho-ocop-order-{order.number}-checkout-{attempt_now}"}
            ).to_dict()
        except stripe.IdempotencyError:
            continue
        except stripe.StripeError as error:
            logger.warning("Stripe refused a Checkout Session for order %s: %s", order.number, error)
            raise CardPaymentError(
                _("The card payment service cannot be reached. Please try again in a moment.")
            ) from error
        if session["status"] == "open" and from_timestamp(session["expires_at"]) > now + SESSION_REUSE_MARGIN:
            return attempt_now, session
    raise CardPaymentError(_("The card payment could not be started. Please try again in a moment."))


def _session_params(request, order, now):
    """What Stripe is asked for: one line, the whole order, in whole đồng."""
    title = _("Order #%(number)s") % {"number": order.number}
    sellers = ", ".join(order.shipments.order_by("pk").values_list("seller__name", flat=True))
    metadata = {"order_number": order.number}
    params = {
        "mode": "payment",
        "payment_method_types": ["card"],
        "line_items": [
            {
                "quantity": 1,
                "price_data": {
                    "currency": CURRENCY,
                    "unit_amount": whole_dong(order.total_incl_tax),
                    "product_data": {"name": title, **({"description": sellers[:500]} if sellers else {})},
                },
            }
        ],
        "client_reference_id": order.number,
        "metadata": metadata,
        "payment_intent_data": {"metadata": metadata, "description": title},
        # The buyer pays in đồng: Stripe's local-currency conversion would change the amounts its events carry.
        "adaptive_pricing": {"enabled": False},
        "locale": "vi" if translation.get_language() == "vi" else "auto",
        "success_url": request.build_absolute_uri(reverse("checkout:thank-you")) + "?session_id={CHECKOUT_SESSION_ID}",
        "cancel_url": request.build_absolute_uri(pay_url(order)),
        "expires_at": int(_session_expiry(order, now).timestamp()),
    }
    if order.email:
        params["customer_email"] = order.email
    return params


def _session_expiry(order, now):
    """The order's payment deadline, within what Stripe allows; the same for requests in the same minute."""
    minute = now.replace(second=0, microsecond=0) + timedelta(minutes=1)
    return min(max(payment_deadline(order), minute + SHORTEST_SESSION), minute + LONGEST_SESSION)


def payment_deadline(order):
    """When an unpaid card order is cancelled and its stock goes back on sale."""
    return order.date_placed + timedelta(minutes=settings.STRIPE_ORDER_EXPIRY_MINUTES)


def is_paid(order):
    """Whether the order's card payment covers its total (refunds aside)."""
    source = order.sources.filter(source_type__code=CARD).first()
    return source is not None and source.amount_debited >= order.total_incl_tax


def pay_url(order):
    """The page where the buyer pays (again) for a card order; the link works for whoever holds it."""
    return reverse("payments:stripe-pay", args=[order.number]) + f"?t={pay_token(order)}"


def pay_token(order):
    return salted_hmac(PAY_LINK_SALT, order.number).hexdigest()[:32]


def is_pay_token(order, token):
    return bool(token) and constant_time_compare(token, pay_token(order))


def confirm_card_payment(order, session_id):
    """The order, marked paid if Stripe says its session `session_id` is paid: the thank-you page shows the truth.

    For the page the buyer comes back to from Stripe, which may come before the webhook. A session
    not of this order, or Stripe out of reach, changes nothing.
    """
    if order.status != OrderStatus.PENDING_PAYMENT or not order.stripe_sessions.filter(session_id=session_id).exists():
        return order
    try:
        session = call(stripe_client().v1.checkout.sessions.retrieve, session_id)
    except CardPaymentError:
        return order
    if session_paid(session) and session["client_reference_id"] == order.number:
        record_card_payment(order, session["amount_total"], session["currency"], session_reference(session))
    order.refresh_from_db()
    return order


def _thank_you_url(request):
    return request.build_absolute_uri(reverse("checkout:thank-you"))


def record_card_payment(order, amount, currency, reference):
    """Record a card payment of `amount` đồng (mark_order_paid does it once); returns what happened, in words.

    Money for an order cancelled meanwhile goes back (mark_order_paid asks for it); a second payment
    of an order already paid (two of its Stripe pages both paid) is left to staff, with a note.
    """
    if currency.lower() != CURRENCY:
        note_on_order(
            order, _("A card payment in %(currency)s was not recorded: staff must check it.") % {"currency": currency}
        )
        return "wrong currency"
    was_paid = is_paid(order)
    if was_paid and not Transaction.objects.filter(source__order=order, reference=reference).exists():
        logger.error("Order %s was paid a second time by card (%s)", order.number, reference)
        message = _("A second card payment (%(reference)s) came for this order, already paid: refund it at Stripe.")
        note_on_order(order, message % {"reference": reference})
        return "paid twice"
    order = mark_order_paid(order, amount=Decimal(amount), reference=reference, method_code=CARD)
    if order.status == OrderStatus.CANCELLED and not was_paid:
        note_on_order(order, _("The card payment arrived after the order was cancelled; it is refunded."))
        return "paid after cancellation"  # mark_order_paid asked for the refund
    return "already paid" if was_paid else "paid"
