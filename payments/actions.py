"""What happens to an order when its payment arrives, or never does.

Called by the Stripe webhook (payments/stripe.py), by staff marking a bank transfer
received, and by the expiry of unpaid card orders. Each runs in one transaction that locks
the order's row (the expiry locks the order's shipments before it, as every step of an order
does: sellers/fulfilment.py), so a repeated or late event finds the work done and changes nothing.
"""

from decimal import Decimal
from functools import partial

from django.db import transaction
from oscar.core.loading import get_model

from payments.methods import CARD
from sellers.fulfilment import cancel_whole_order, notify_sellers_of_order
from shop import order_status

# A card attempt that did not go through, as payments/stripe.py records it on the Source;
# the buyer's pages read it to offer paying again.
FAILED_TRANSACTION_STATUS = "Failed"

Order = get_model("order", "Order")
OrderNote = get_model("order", "OrderNote")
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

    Paying twice (a repeated event) records nothing more. An amount other than the order's total
    is recorded but does not release the order: staff look at it.
    """
    order = Order.objects.select_for_update().get(pk=order.pk)
    source = payment_source(order, method_code)
    if source.amount_debited >= order.total_incl_tax:
        return order
    source.debit(Decimal(amount), reference=reference, status="Paid")
    if order.status == order_status.PENDING_PAYMENT and source.amount_debited >= order.total_incl_tax:
        order.set_status(order_status.PLACED)
        notify_sellers_of_order(order)
        from payments.emails import send_order_confirmation

        send_order_confirmation(order)  # a card order's confirmation goes once it is paid
    return order


def cancel_unpaid_order(order, reason):
    """An order whose payment never came: every line cancelled, its stock back on sale. Returns the order.

    It locks as the buyer's own cancel does (sellers.fulfilment.cancel_whole_order), so the two
    racing each other cancel the order once and put its stock back once. Staff find `reason` as
    a note on the order.
    """

    def still_unpaid(order, shipments):
        return order.status == order_status.PENDING_PAYMENT

    with transaction.atomic():
        order, cancelled = cancel_whole_order(order, reason, check=still_unpaid)
        if cancelled is not None:
            OrderNote.objects.create(order=order, note_type=OrderNote.SYSTEM, message=reason)
    return order


def refund_card_payment_on_commit(order, amount=None):
    """Once the current transaction commits, refund `amount` of the order's card payment (all that is
    left of it without one) through a task, if a card payment was taken; Stripe is never called while
    the order's rows are locked. Returns whether a refund was asked for."""
    source = order.sources.filter(source_type__code=CARD).first()
    if source is None or source.amount_debited - source.amount_refunded <= 0:
        return False
    if amount is not None and Decimal(amount) <= 0:
        return False
    from payments.tasks import refund_card_payment_of_order  # the Stripe SDK loads only for card orders

    transaction.on_commit(
        partial(refund_card_payment_of_order.enqueue, order.pk, None if amount is None else str(amount))
    )
    return True
