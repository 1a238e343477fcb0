"""Stripe's events, verified by the webhook view (views.py), each acted on once.

Stripe delivers events at least once and in any order; each is acted on in the transaction that
writes its StripeEvent row, so a repeat finds the row and changes nothing, and an event that
comes late (a refund before the payment it refunds is recorded, say) finds the work done or
does its part of it.
"""

import logging
from decimal import Decimal

import stripe
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from orders.cancelling import cancel_unpaid_order
from orders.notes import note_on_order
from orders.paying import payment_source
from orders.status import OrderStatus, TransactionStatus
from payments.methods import CARD
from payments.models import StripeEvent

from .client import CURRENCY, from_timestamp, session_reference
from .expiry import unpaid_reason
from .refunds import record_refund_up_to
from .sessions import payment_deadline, record_card_payment

logger = logging.getLogger(__name__)

Order = get_model("order", "Order")
Transaction = get_model("payment", "Transaction")


class UnreadableEvent(ValueError):
    """A correctly signed event without what every Stripe event has: refused (400), and logged."""


def handle_event(event):
    """Act on one verified Stripe event, once. Returns its StripeEvent row, or None for a type not handled here.

    A repeated event finds its row and does nothing. An event for an order we do not know (or one
    not paid by card) is logged and recorded, and changes nothing. One without an id, a type, a time
    or the object it is about raises UnreadableEvent, before anything is written.
    """
    if isinstance(event, stripe.StripeObject):
        event = event.to_dict()
    _check_readable(event)
    handler = EVENT_HANDLERS.get(event["type"])
    if handler is None:
        return None
    with transaction.atomic():
        record, created = StripeEvent.objects.get_or_create(
            event_id=event["id"], defaults={"type": event["type"], "created": from_timestamp(event["created"])}
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


def _check_readable(event):
    """Raise UnreadableEvent, and log why, unless the event has an id, a type, a time and its data.object."""
    data = event.get("data")
    if not isinstance(data, dict) or not isinstance(data.get("object"), dict):
        problem = "it has no data.object"
    elif not all(isinstance(event.get(key), kind) for key, kind in [("id", str), ("type", str), ("created", int)]):
        problem = "it lacks an id, a type or a time"
    else:
        return
    logger.warning("Stripe event %s (%s) is refused: %s", event.get("id"), event.get("type"), problem)
    raise UnreadableEvent(problem)


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
        note_on_order(order, _("The card payment was sent and awaits Stripe's confirmation."))
        return "awaiting payment"
    return record_card_payment(order, session["amount_total"], session["currency"], session_reference(session))


def _payment_intent_succeeded(order, payment_intent):
    return record_card_payment(
        order, payment_intent["amount_received"], payment_intent["currency"], payment_intent["id"]
    )


def _payment_failed(order, payment_intent):
    if order.status != OrderStatus.PENDING_PAYMENT:
        return "ignored"
    error = (payment_intent.get("last_payment_error") or {}).get("message") or ""
    # A failed attempt on the payment record: pages show "payment failed, pay again" from it.
    payment_source(order, CARD).transactions.create(
        txn_type=Transaction.AUTHORISE,
        amount=Decimal(payment_intent.get("amount") or 0),
        reference=payment_intent["id"],
        status=TransactionStatus.FAILED,
    )
    note_on_order(order, _("A card payment failed: %(error)s The order can still be paid.") % {"error": error})
    return "payment failed"


def _session_expired(order, session):
    """Stripe's page for the order closed unpaid: the buyer may pay again until the order's own deadline."""
    if order.status != OrderStatus.PENDING_PAYMENT:
        return "ignored"
    now = timezone.now()
    still_open = order.stripe_sessions.exclude(session_id=session["id"]).filter(expires_at__gt=now).exists()
    if now >= payment_deadline(order) and not still_open:
        cancel_unpaid_order(order, unpaid_reason())
        return "cancelled"
    note_on_order(order, _("Stripe's payment page closed without payment; the order can still be paid."))
    return "payable"


def _charge_refunded(order, charge):
    """Stripe refunded (part of) the card payment: the payment record follows the charge's refunded total."""
    if charge["currency"].lower() != CURRENCY:
        return "wrong currency"
    refunds = (charge.get("refunds") or {}).get("data") or []
    reference = refunds[0]["id"] if refunds else charge["id"]
    recorded = record_refund_up_to(order, Decimal(charge["amount_refunded"]), reference)
    return "refunded" if recorded else "already refunded"


EVENT_HANDLERS = {
    "checkout.session.completed": _session_completed,
    "checkout.session.async_payment_succeeded": _session_completed,
    "checkout.session.expired": _session_expired,
    "payment_intent.succeeded": _payment_intent_succeeded,
    "payment_intent.payment_failed": _payment_failed,
    "charge.refunded": _charge_refunded,
}
