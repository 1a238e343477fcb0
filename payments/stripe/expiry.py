"""Card orders not paid in time are cancelled, and their stock goes back on sale.

A card order not paid STRIPE_ORDER_EXPIRY_MINUTES after it was placed is cancelled by
`expire_unpaid_card_orders`: from cron every few minutes (`manage.py expire_unpaid_orders`), or by
enqueueing the `expire_unpaid_orders` task from whatever schedules the task worker. Before
cancelling, Stripe is asked about each of the order's sessions: one found paid (its webhook lost
or still on its way) marks the order paid instead, one still open is expired first so it cannot be
paid afterwards. A payment that still arrives for a cancelled order is refunded (sessions.py).
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task
from oscar.core.loading import get_model

from orders.cancelling import cancel_unpaid_order
from orders.notes import note_on_order
from orders.status import OrderStatus
from payments.methods import CARD

from .client import CardPaymentError, call, session_paid, session_reference, stripe_client
from .sessions import record_card_payment

logger = logging.getLogger(__name__)

Order = get_model("order", "Order")


@task
def expire_unpaid_orders():
    """Cancel card orders not paid in time; returns their numbers."""
    return [order.number for order in expire_unpaid_card_orders()]


def expire_unpaid_card_orders(now=None):
    """Cancel the card orders not paid by their deadline, putting their stock back; returns the cancelled orders.

    An order with a session still open is left until that closes. An order Stripe cannot be asked
    about now is left for the next run.
    """
    now = now or timezone.now()
    cutoff = now - timedelta(minutes=settings.STRIPE_ORDER_EXPIRY_MINUTES)
    orders = (
        Order.objects.filter(status=OrderStatus.PENDING_PAYMENT, date_placed__lt=cutoff)
        .filter(sources__source_type__code=CARD)
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
            order = cancel_unpaid_order(order, unpaid_reason())
            if order.status == OrderStatus.CANCELLED:
                cancelled.append(order)
    return cancelled


def _paid_at_stripe(order):
    """Whether one of the order's sessions is paid (then recorded); open ones are expired so none can be paid later."""
    if not settings.STRIPE_SECRET_KEY:
        return False
    client = stripe_client()
    for session_id in order.stripe_sessions.order_by("attempt").values_list("session_id", flat=True):
        session = call(client.v1.checkout.sessions.retrieve, session_id)
        if session["status"] == "open":
            session = call(client.v1.checkout.sessions.expire, session_id)
        if session_paid(session):
            record_card_payment(order, session["amount_total"], session["currency"], session_reference(session))
            note_on_order(order, _("The card payment was found at Stripe when the order was about to expire."))
            return True
    return False


def unpaid_reason():
    """The note an expired order gets."""
    return _("The card payment was not made within %(minutes)s minutes.") % {
        "minutes": settings.STRIPE_ORDER_EXPIRY_MINUTES
    }
