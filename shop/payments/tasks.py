"""Payment jobs for the task framework: inline in the demo and tests, by a worker in production.

Tasks take ids, not objects, and return what they did as plain values.
"""

from django_tasks import task
from oscar.core.loading import get_model

from shop.payments.stripe import expire_unpaid_card_orders, refund_card_payment

Order = get_model("order", "Order")


@task
def expire_unpaid_orders():
    """Cancel card orders not paid in time (shop.payments.stripe); returns their numbers."""
    return [order.number for order in expire_unpaid_card_orders()]


@task
def refund_card_payment_of_order(order_id, amount=None):
    """Refund an order's card payment through Stripe (all of it without `amount`, a string); returns the amount."""
    refunded = refund_card_payment(Order.objects.get(pk=order_id), amount)
    return str(refunded)
