"""Payment jobs for the task framework: inline in the demo and tests, by a worker in production.

Tasks take ids, not objects, and return what they did as plain values.
"""

import logging
from decimal import Decimal

from django.utils.translation import gettext as _
from django_tasks import task
from oscar.core.loading import get_model
from oscar.templatetags.currency_filters import currency as format_currency

from payments.stripe import CardPaymentError, expire_unpaid_card_orders, refund_card_payment

logger = logging.getLogger(__name__)

Order = get_model("order", "Order")
OrderNote = get_model("order", "OrderNote")


@task
def expire_unpaid_orders():
    """Cancel card orders not paid in time (payments.stripe); returns their numbers."""
    return [order.number for order in expire_unpaid_card_orders()]


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
        OrderNote.objects.create(
            order=order,
            note_type=OrderNote.SYSTEM,
            message=_("A card refund of %(amount)s could not be made: refund it at Stripe.")
            % {"amount": format_currency(Decimal(amount), order.currency) if amount else _("the whole payment")},
        )
        raise
    return str(refunded)
