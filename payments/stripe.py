"""Card payments through Stripe Checkout, for orders placed before they are paid.

The buyer's order exists, waiting for its payment (PENDING_PAYMENT, its stock allocated),
before she goes to Stripe: `start_card_payment` makes a Checkout Session for the exact order
total and returns its address. Stripe then tells us what happened through signed webhook
events (views.stripe_webhook → `handle_event`), at least once each and in any order; each event
is acted on once, in the transaction that writes its StripeEvent row.

Amounts: VND is a zero-decimal currency, so Stripe counts whole đồng: 305.000 ₫ is sent as
305000, never ×100, and an event's amount is đồng too.

Idempotency: every POST carries a key made from the order (its number and the session's
attempt, or the refund's amount), so a request repeated after a timeout, a double tap or a
crash makes no second session or refund at Stripe.

Expiry: a card order not paid STRIPE_ORDER_EXPIRY_MINUTES after it was placed is cancelled and
its stock returned by `expire_unpaid_card_orders`. Production runs it every five minutes from
cron (`python manage.py expire_unpaid_orders`), or enqueues `payments.tasks.
expire_unpaid_orders` from whatever schedules its task worker. Before cancelling, it asks
Stripe about each of the order's sessions: one found paid (its webhook lost or still on its
way) marks the order paid instead, one still open is expired first so it cannot be paid
afterwards. A payment that still arrives for a cancelled order is refunded.

Tests replace `http_client` (below) with a fake at the network boundary: the real SDK builds
and parses every request.
"""

import logging
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from functools import partial

import stripe
from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _
from oscar.core.loading import get_model
from oscar.templatetags.currency_filters import currency as format_currency

from payments.actions import FAILED_TRANSACTION_STATUS, cancel_unpaid_order, mark_order_paid, payment_source
from payments.methods import CARD
from payments.models import CheckoutSession, StripeEvent
from shop import order_status

logger = logging.getLogger(__name__)

Order = get_model("order", "Order")
OrderNote = get_model("order", "OrderNote")
Source = get_model("payment", "Source")
Transaction = get_model("payment", "Transaction")

CURRENCY = "vnd"
# Stripe accepts a session's expires_at from 30 minutes to 24 hours ahead; keep a margin on both.
SHORTEST_SESSION = timedelta(minutes=31)
LONGEST_SESSION = timedelta(hours=23, minutes=59)
# A session closer than this to its end is not offered again: the buyer could not finish in time.
SESSION_REUSE_MARGIN = timedelta(minutes=2)
PAY_LINK_SALT = "payments.stripe.pay"


class CardPaymentError(Exception):
    """Stripe could not be reached or refused, or the order can no longer be paid; the message is for people."""


# Talking to Stripe


def http_client():
    """The HTTP client the SDK sends requests with; None is the SDK's own. Tests replace this function."""
    return None


def stripe_client():
    """A client for the marketplace's Stripe account; the one place this code reaches Stripe from."""
    return stripe.StripeClient(settings.STRIPE_SECRET_KEY, http_client=http_client(), max_network_retries=2)


def _call(request, *args, **kwargs):
    """One request to Stripe, its answer as plain dicts; its errors become CardPaymentError, logged."""
    try:
        return request(*args, **kwargs).to_dict()
    except stripe.StripeError as error:
        logger.warning("Stripe request failed: %s", error)
        raise CardPaymentError(
            _("The card payment service cannot be reached. Please try again in a moment.")
        ) from error


# Paying


def start_card_payment(request, order):
    """The address to send the buyer to for paying `order` by card: Stripe's page, or the thank-you page if paid.

    The order's session still open is offered again; otherwise the next attempt is made. Raises
    CardPaymentError when Stripe cannot be reached or the order can no longer be paid.
    """
    with transaction.atomic():
        # Locked: two taps on "Pay" wait for each other, and the second finds the first one's session.
        order = Order.objects.select_for_update().get(pk=order.pk)
        if order.status == order_status.CANCELLED:
            raise CardPaymentError(_("This order can no longer be paid: it was cancelled."))
        if is_paid(order):
            return _thank_you_url(request)
        if order.status != order_status.PENDING_PAYMENT:
            raise CardPaymentError(_("This order does not wait for a card payment."))
        now = timezone.now()
        if now >= payment_deadline(order):
            raise CardPaymentError(_("This order was not paid in time; it will be cancelled."))
        client = stripe_client()
        latest = order.stripe_sessions.order_by("-attempt").first()
        if latest is not None and latest.expires_at > now + SESSION_REUSE_MARGIN:
            session = _call(client.v1.checkout.sessions.retrieve, latest.session_id)
            if session["status"] == "open":
                return session["url"]
            if _session_paid(session):
                _record_payment(order, session["amount_total"], session["currency"], _session_reference(session))
                return _thank_you_url(request)
        attempt, session = _create_session(client, request, order, latest.attempt + 1 if latest else 1, now)
        CheckoutSession.objects.get_or_create(
            session_id=session["id"],
            defaults={"order": order, "attempt": attempt, "expires_at": _from_timestamp(session["expires_at"])},
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
        if session["status"] == "open" and _from_timestamp(session["expires_at"]) > now + SESSION_REUSE_MARGIN:
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
                    "unit_amount": amount_in_dong(order.total_incl_tax),
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


def amount_in_dong(amount):
    """An amount of VND as Stripe counts it: whole đồng (VND has no minor unit)."""
    amount = Decimal(amount)
    if amount != amount.to_integral_value():
        raise ValueError(f"{amount} is not a whole number of đồng")
    return int(amount)


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
    if order.status != order_status.PENDING_PAYMENT or not order.stripe_sessions.filter(session_id=session_id).exists():
        return order
    try:
        session = _call(stripe_client().v1.checkout.sessions.retrieve, session_id)
    except CardPaymentError:
        return order
    if _session_paid(session) and session["client_reference_id"] == order.number:
        _record_payment(order, session["amount_total"], session["currency"], _session_reference(session))
    order.refresh_from_db()
    return order


def _thank_you_url(request):
    return request.build_absolute_uri(reverse("checkout:thank-you"))


def _session_paid(session):
    return session["status"] == "complete" and session["payment_status"] == "paid"


def _session_reference(session):
    """The reference a card payment is recorded under: its PaymentIntent (what refunds and charges name)."""
    payment_intent = session.get("payment_intent")
    if isinstance(payment_intent, dict):
        payment_intent = payment_intent.get("id")
    return payment_intent or session.get("id")


def _from_timestamp(timestamp):
    return datetime.fromtimestamp(int(timestamp), tz=UTC)


# Stripe's events


def handle_event(event):
    """Act on one verified Stripe event, once. Returns its StripeEvent row, or None for a type not handled here.

    A repeated event finds its row and does nothing. An event for an order we do not know (or one
    not paid by card) is logged and recorded, and changes nothing.
    """
    if isinstance(event, stripe.StripeObject):
        event = event.to_dict()
    handler = EVENT_HANDLERS.get(event["type"])
    if handler is None:
        return None
    with transaction.atomic():
        record, created = StripeEvent.objects.get_or_create(
            event_id=event["id"], defaults={"type": event["type"], "created": _from_timestamp(event["created"])}
        )
        if not created:
            logger.info("Stripe event %s was handled before", event["id"])
            return record
        obj = event["data"]["object"]
        order = _order_of(obj)
        if order is None:
            logger.warning("Stripe event %s (%s) names no card order of ours", event["id"], event["type"])
            record.outcome = "unknown order"
        else:
            record.order = order
            record.outcome = handler(order, obj)
        record.save(update_fields=["order", "outcome"])
    return record


def _order_of(obj):
    """The card order a session, PaymentIntent or charge is about: by its metadata, else by the payment it refunds."""
    number = (obj.get("metadata") or {}).get("order_number") or obj.get("client_reference_id")
    card_orders = Order.objects.filter(sources__source_type__code=CARD)
    if number:
        return card_orders.filter(number=number).first()
    payment_intent = obj.get("payment_intent")
    if payment_intent:
        debit = Transaction.objects.filter(
            reference=payment_intent, txn_type=Transaction.DEBIT, source__source_type__code=CARD
        ).select_related("source__order")
        debit = debit.first()
        return debit.source.order if debit else None
    return None


def _session_completed(order, session):
    if session.get("payment_status") != "paid":
        _note(order, _("The card payment was sent and awaits Stripe's confirmation."))
        return "awaiting payment"
    return _record_payment(order, session["amount_total"], session["currency"], _session_reference(session))


def _payment_intent_succeeded(order, payment_intent):
    return _record_payment(order, payment_intent["amount_received"], payment_intent["currency"], payment_intent["id"])


def _record_payment(order, amount, currency, reference):
    """Record a card payment (mark_order_paid does it once); money for a cancelled order goes back."""
    if currency.lower() != CURRENCY:
        _note(
            order, _("A card payment in %(currency)s was not recorded: staff must check it.") % {"currency": currency}
        )
        return "wrong currency"
    was_paid = is_paid(order)
    if was_paid and not Transaction.objects.filter(source__order=order, reference=reference).exists():
        # Two of the order's Stripe pages both paid: mark_order_paid records the first only.
        logger.error("Order %s was paid a second time by card (%s)", order.number, reference)
        message = _("A second card payment (%(reference)s) came for this order, already paid: refund it at Stripe.")
        _note(order, message % {"reference": reference})
        return "paid twice"
    order = mark_order_paid(order, amount=Decimal(amount), reference=reference, method_code=CARD)
    if order.status == order_status.CANCELLED and not was_paid:
        _note(order, _("The card payment arrived after the order was cancelled; it is refunded."))
        from payments.tasks import refund_card_payment_of_order

        transaction.on_commit(partial(refund_card_payment_of_order.enqueue, order.pk))
        return "paid after cancellation"
    return "already paid" if was_paid else "paid"


def _payment_failed(order, payment_intent):
    if order.status != order_status.PENDING_PAYMENT:
        return "ignored"
    error = (payment_intent.get("last_payment_error") or {}).get("message") or ""
    # A failed attempt on the payment record: pages show "payment failed, pay again" from it.
    payment_source(order, CARD).transactions.create(
        txn_type=Transaction.AUTHORISE,
        amount=Decimal(payment_intent.get("amount") or 0),
        reference=payment_intent["id"],
        status=FAILED_TRANSACTION_STATUS,
    )
    _note(order, _("A card payment failed: %(error)s The order can still be paid.") % {"error": error})
    return "payment failed"


def _session_expired(order, session):
    """Stripe's page for the order closed unpaid: the buyer may pay again until the order's own deadline."""
    if order.status != order_status.PENDING_PAYMENT:
        return "ignored"
    now = timezone.now()
    still_open = order.stripe_sessions.exclude(session_id=session["id"]).filter(expires_at__gt=now).exists()
    if now >= payment_deadline(order) and not still_open:
        cancel_unpaid_order(order, _unpaid_reason())
        return "cancelled"
    _note(order, _("Stripe's payment page closed without payment; the order can still be paid."))
    return "payable"


def _charge_refunded(order, charge):
    """Stripe refunded (part of) the card payment: the Source follows the charge's refunded total."""
    if charge["currency"].lower() != CURRENCY:
        return "wrong currency"
    refunds = (charge.get("refunds") or {}).get("data") or []
    reference = refunds[0]["id"] if refunds else charge["id"]
    recorded = _record_refund_up_to(order, Decimal(charge["amount_refunded"]), reference)
    return "refunded" if recorded else "already refunded"


EVENT_HANDLERS = {
    "checkout.session.completed": _session_completed,
    "checkout.session.async_payment_succeeded": _session_completed,
    "checkout.session.expired": _session_expired,
    "payment_intent.succeeded": _payment_intent_succeeded,
    "payment_intent.payment_failed": _payment_failed,
    "charge.refunded": _charge_refunded,
}


# Refunds


def refund_card_payment(order, amount=None):
    """Give back (part of) the order's card payment through Stripe; returns the amount refunded now.

    Without `amount`, all that is paid and not yet refunded. The idempotency key comes from the
    order, what was refunded before and the amount, so a retry after a timeout refunds once while
    a later partial refund (a second seller cancelling) is a new one. Two refunds of one order take
    turns on its payment record, so the second sees what the first refunded. Call it outside any
    transaction holding the order's rows (a task, after the commit). Raises CardPaymentError when
    Stripe cannot do it; nothing is recorded then.
    """
    with transaction.atomic():
        source = Source.objects.select_for_update().get(pk=payment_source(order, CARD).pk)
        refunded_before = source.amount_refunded
        refundable = source.amount_debited - refunded_before
        amount = refundable if amount is None else min(Decimal(amount), refundable)
        if amount <= 0:
            return Decimal(0)
        payment_intent = _payment_intent_of(source)
        if not payment_intent:
            raise CardPaymentError(_("No card payment of this order was found at Stripe."))
        refund = _call(
            stripe_client().v1.refunds.create,
            {
                "payment_intent": payment_intent,
                "amount": amount_in_dong(amount),
                "metadata": {"order_number": order.number},
            },
            {"idempotency_key": f"cho-ocop-order-{order.number}-refund-{int(refunded_before)}-{int(amount)}"},
        )
        _record_refund_up_to(order, refunded_before + amount, refund["id"])
    return amount


def _payment_intent_of(source):
    debit = source.transactions.filter(txn_type=Transaction.DEBIT, status="Paid", reference__startswith="pi_").last()
    if debit is not None:
        return debit.reference
    for session_id in source.order.stripe_sessions.order_by("-attempt").values_list("session_id", flat=True):
        session = _call(stripe_client().v1.checkout.sessions.retrieve, session_id)
        if _session_paid(session):
            return _session_reference(session)
    return None


def _record_refund_up_to(order, total_refunded, reference):
    """Raise the Source's refunded amount to `total_refunded` (never lower it); returns what was added.

    Both the refund request and Stripe's charge.refunded event call it, in either order: the
    second finds the amount there and adds nothing.
    """
    source = payment_source(order, CARD)
    source = Source.objects.select_for_update().get(pk=source.pk)
    missing = total_refunded - source.amount_refunded
    if missing <= 0:
        return Decimal(0)
    source.refund(missing, reference=reference, status="Refunded")
    message = _("%(amount)s of the card payment was refunded (%(reference)s).")
    _note(order, message % {"amount": format_currency(missing, order.currency), "reference": reference})
    return missing


# Expiry


def expire_unpaid_card_orders(now=None):
    """Cancel the card orders not paid by their deadline, putting their stock back; returns the cancelled orders.

    An order with a session still open is left until that closes. Stripe is asked about each
    order's sessions first: one paid marks the order paid instead, one open is expired; an order
    Stripe cannot be asked about now is left for the next run.
    """
    now = now or timezone.now()
    cutoff = now - timedelta(minutes=settings.STRIPE_ORDER_EXPIRY_MINUTES)
    orders = (
        Order.objects.filter(
            status=order_status.PENDING_PAYMENT, sources__source_type__code=CARD, date_placed__lt=cutoff
        )
        .exclude(stripe_sessions__expires_at__gt=now)
        .distinct()
        .order_by("pk")
    )
    cancelled = []
    with translation.override(settings.LANGUAGE_CODE):
        for order in orders:
            try:
                if _paid_at_stripe(order):
                    continue
            except CardPaymentError:
                logger.warning("Order %s not expired: Stripe could not be asked about it", order.number)
                continue
            order = cancel_unpaid_order(order, _unpaid_reason())
            if order.status == order_status.CANCELLED:
                cancelled.append(order)
    return cancelled


def _paid_at_stripe(order):
    """Whether one of the order's sessions is paid (then recorded); open ones are expired so none can be paid later."""
    if not settings.STRIPE_SECRET_KEY:
        return False
    client = stripe_client()
    for session_id in order.stripe_sessions.order_by("attempt").values_list("session_id", flat=True):
        session = _call(client.v1.checkout.sessions.retrieve, session_id)
        if session["status"] == "open":
            session = _call(client.v1.checkout.sessions.expire, session_id)
        if _session_paid(session):
            _record_payment(order, session["amount_total"], session["currency"], _session_reference(session))
            _note(order, _("The card payment was found at Stripe when the order was about to expire."))
            return True
    return False


def _unpaid_reason():
    return _("The card payment was not made within %(minutes)s minutes.") % {
        "minutes": settings.STRIPE_ORDER_EXPIRY_MINUTES
    }


def _note(order, message):
    OrderNote.objects.create(order=order, note_type=OrderNote.SYSTEM, message=message)
