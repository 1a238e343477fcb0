"""What happens to an order when its payment arrives, or never does.

Called by the Stripe webhook (shop/payments/stripe.py), by staff marking a bank transfer
received, and by the expiry of unpaid card orders. Each runs in one transaction that locks
the order's row, so a repeated or late event finds the work done and changes nothing.
"""

from decimal import Decimal

from django.db import transaction
from oscar.core.loading import get_model

from sellers.fulfilment import cancel_lines, notify_sellers_of_order
from shop import order_status

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
        from shop.payments.emails import send_order_confirmation

        send_order_confirmation(order)  # a card order's confirmation goes once it is paid
    return order


@transaction.atomic
def cancel_unpaid_order(order, reason):
    """An order whose payment never came: every line cancelled, its stock back on sale."""
    order = Order.objects.select_for_update().get(pk=order.pk)
    if order.status != order_status.PENDING_PAYMENT:
        return order
    for shipment in order.shipments.all():
        cancel_lines(shipment, list(shipment.lines), reason, notify_buyer=False)
    order.set_status(order_status.CANCELLED)
    return order
