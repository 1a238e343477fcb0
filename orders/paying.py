"""An order's money: the payment method it was placed with, its payment arriving, and refunds owed.

Every order is placed before it is paid (a card payment never leaves a paid basket without an
order). The method the buyer chose is recorded on the order's payment record (Oscar's Source),
made at placement; a card payment (Stripe's webhook) or a bank transfer (staff's "transfer
received") arrives later, through `mark_order_paid`. When a cancel leaves money paid for what
will not come, `ask_for_refund` tells the payment methods (orders/signals.py), which give it back.
"""

from decimal import Decimal

from django.db import transaction
from oscar.core.loading import get_model

from .emails import notify_sellers_of_order, send_order_confirmation
from .locking import lock_order
from .signals import refund_due
from .status import OrderStatus, TransactionStatus, set_order_status

Order = get_model("order", "Order")
Source = get_model("payment", "Source")
SourceType = get_model("payment", "SourceType")


def payment_source(order, method_code):
    """The order's payment record (Oscar's Source) for its method, made when the order is placed."""
    source_type, _ = SourceType.objects.get_or_create(code=method_code, defaults={"name": method_code})
    source, _ = Source.objects.get_or_create(
        order=order,
        source_type=source_type,
        defaults={"currency": order.currency, "amount_allocated": order.total_incl_tax},
    )
    return source


@transaction.atomic
def mark_order_paid(order, *, amount, reference="", method_code):
    """Record the payment; an order waiting for it goes to its sellers, who are told. Returns the order.

    It locks the order's row, so a repeated or late event finds the work done: paying twice records
    nothing more. An amount other than the order's total is recorded but does not release the
    order: staff look at it. The buyer's confirmation goes out now if it has not yet (a card order's).
    Money that arrives for an order cancelled meanwhile is owed back at once (ask_for_refund).
    """
    order = lock_order(order.pk)
    source = payment_source(order, method_code)
    if source.amount_debited >= order.total_incl_tax:
        return order
    source.debit(Decimal(amount), reference=reference, status=TransactionStatus.PAID)
    if order.status == OrderStatus.CANCELLED:
        ask_for_refund(order)
    elif order.status == OrderStatus.PENDING_PAYMENT and source.amount_debited >= order.total_incl_tax:
        set_order_status(order, OrderStatus.PLACED)
        notify_sellers_of_order(order)
        send_order_confirmation(order)
    return order


def money_kept(order):
    """{payment method code: what the order's buyer paid that way and was not given back}, for money kept only."""
    kept = {}
    for source in order.sources.select_related("source_type"):
        if source.amount_debited - source.amount_refunded > 0:
            kept[source.source_type.code] = source.amount_debited - source.amount_refunded
    return kept


def ask_for_refund(order, amount=None):
    """Inside a cancel's transaction: if money was taken for the order, ask its payment method to give
    back `amount` of it (all that is left without one) once the transaction commits. Returns whether
    anything was asked."""
    if amount is not None and Decimal(amount) <= 0:
        return False
    if not money_kept(order):
        return False
    refund_due.send(sender=Order, order=order, amount=None if amount is None else Decimal(amount))
    return True
