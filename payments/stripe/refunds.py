"""Giving card money back: what a cancel leaves paid for, and Stripe's refunds.

The order's life decides what is owed back (orders.signals.refund_due, sent inside the cancel's
transaction); `refund_when_due` turns that into a task that runs once the cancel has committed, so
Stripe is never called while the order's rows are locked. The idempotency key of a refund comes from
the order, what was refunded before and the amount, so a retry after a timeout refunds once while a
later partial refund (a second seller cancelling) is a new one.
"""

import logging
from decimal import Decimal
from functools import partial

from django.db import transaction
from django.utils.translation import gettext as _
from django_tasks import task
from oscar.core.loading import get_model
from oscar.templatetags.currency_filters import currency as format_currency

from orders.notes import note_on_order
from orders.paying import money_kept, payment_source
from orders.status import TransactionStatus
from payments.methods import CARD
from vietnam.money import whole_dong

from .client import CardPaymentError, call, session_paid, session_reference, stripe_client

logger = logging.getLogger(__name__)

Order = get_model("order", "Order")
Source = get_model("payment", "Source")
Transaction = get_model("payment", "Transaction")


def refund_when_due(sender, order, amount, **kwargs):
    """Receiver of orders.signals.refund_due: once the cancel commits, refund `amount` of a card payment
    (all that is left of it without one), if the order was paid by card."""
    if CARD not in money_kept(order):
        return
    transaction.on_commit(
        partial(refund_card_payment_of_order.enqueue, order.pk, None if amount is None else str(amount))
    )


@task
def refund_card_payment_of_order(order_id, amount=None):
    """Refund an order's card payment through Stripe (all that is left of it without `amount`, a
    string of đồng such as "180000.00"); returns the amount refunded, as a string.

    Running it again after a failure or a lost reply refunds once (the idempotency key). When
    Stripe refuses, staff find a note on the order, and the task fails so the worker shows it.
    """
    order = Order.objects.get(pk=order_id)
    try:
        refunded = refund_card_payment(order, amount)
    except CardPaymentError:
        logger.exception("Refund of card order %s failed", order.number)
        what = format_currency(Decimal(amount), order.currency) if amount else _("the whole payment")
        message = _("A card refund of %(amount)s could not be made: refund it at Stripe.")
        note_on_order(order, message % {"amount": what})
        raise
    return str(refunded)


def refund_card_payment(order, amount=None):
    """Give back (part of) the order's card payment through Stripe; returns the amount refunded now.

    Without `amount`, all that is paid and not yet refunded. Two refunds of one order take turns on
    its payment record, so the second sees what the first refunded. Call it outside any transaction
    holding the order's rows (a task, after the commit). Raises CardPaymentError when Stripe cannot
    do it; nothing is recorded then.
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
        refund = call(
            stripe_client().v1.refunds.create,
            {
                "payment_intent": payment_intent,
                "amount": whole_dong(amount),
                "metadata": {"order_number": order.number},
            },
            {"idempotency_key": f"cho-ocop-order-{order.number}-refund-{int(refunded_before)}-{int(amount)}"},
        )
        record_refund_up_to(order, refunded_before + amount, refund["id"])
    return amount


def _payment_intent_of(source):
    debit = source.transactions.filter(
        txn_type=Transaction.DEBIT, status=TransactionStatus.PAID, reference__startswith="pi_"
    ).last()
    if debit is not None:
        return debit.reference
    for session_id in source.order.stripe_sessions.order_by("-attempt").values_list("session_id", flat=True):
        session = call(stripe_client().v1.checkout.sessions.retrieve, session_id)
        if session_paid(session):
            return session_reference(session)
    return None


def record_refund_up_to(order, total_refunded, reference):
    """Raise the payment record's refunded amount to `total_refunded` (never lower it); returns what was added.

    Both the refund request and Stripe's charge.refunded event call it, in either order: the
    second finds the amount there and adds nothing.
    """
    source = Source.objects.select_for_update().get(pk=payment_source(order, CARD).pk)
    missing = total_refunded - source.amount_refunded
    if missing <= 0:
        return Decimal(0)
    source.refund(missing, reference=reference, status=TransactionStatus.REFUNDED)
    message = _("%(amount)s of the card payment was refunded (%(reference)s).")
    note_on_order(order, message % {"amount": format_currency(missing, order.currency), "reference": reference})
    return missing
