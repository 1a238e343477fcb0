"""A buyer cancels her own order, as long as no seller has packed anything of it yet.

Every line is cancelled (its stock back on sale), the order becomes Cancelled, the sellers who
had it are emailed, and a paid card order is refunded through Stripe. The cancel happens in one
transaction that locks the order's shipments, the order and its stock first
(sellers.fulfilment.cancel_whole_order), so a seller packing at the same moment either goes
first (and the buyer is told it is too late) or finds it cancelled. Stripe is called only after
that transaction commits, by a task: a slow or unreachable Stripe never holds those locks.
"""

from functools import partial

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task
from oscar.core.loading import get_model

from sellers.fulfilment import cancel_whole_order
from sellers.tasks import seller_emails, send_to_each
from shop import order_status
from vietnam.links import absolute_url

OrderNote = get_model("order", "OrderNote")
Shipment = get_model("partner", "Shipment")

# A buyer may cancel while every parcel is at most accepted: nothing has been packed or sent.
CANCELLABLE_BY_BUYER = (Shipment.Status.NEW, Shipment.Status.ACCEPTED, Shipment.Status.CANCELLED)


class CancelRefused(Exception):
    """The order cannot be cancelled now; the message says why, for the buyer."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def can_be_cancelled_by_buyer(order, shipments=None):
    """Whether the buyer may still cancel: not cancelled already, and nothing packed or sent."""
    if order.status == order_status.CANCELLED:
        return False
    statuses = [shipment.status for shipment in (order.shipments.all() if shipments is None else shipments)]
    return all(status in CANCELLABLE_BY_BUYER for status in statuses)


def cancel_order_by_buyer(order, reason=""):
    """Cancel the whole order for its buyer; returns it. Raises CancelRefused when it is too late.

    A card payment already taken is refunded by a task once the cancel has committed.
    """
    reason = reason.strip() or _("Cancelled by the buyer.")
    sellers_knew = []

    def may_cancel(order, shipments):
        if order.status == order_status.CANCELLED:
            raise CancelRefused(_("This order has already been cancelled."))
        if not can_be_cancelled_by_buyer(order, shipments):
            raise CancelRefused(
                _(
                    "A seller has already packed or sent part of this order, so it can no longer be cancelled. "
                    "Contact us if you need help."
                )
            )
        sellers_knew.append(order.status != order_status.PENDING_PAYMENT)  # sellers never saw an unpaid order

    with transaction.atomic():
        order, cancelled = cancel_whole_order(order, reason, check=may_cancel)
        OrderNote.objects.create(
            order=order,
            user=order.user,
            note_type=OrderNote.SYSTEM,
            message=_("The buyer cancelled the order. Reason: %(reason)s") % {"reason": reason},
        )
        told = [shipment.pk for shipment in cancelled]
        if sellers_knew[0] and told:
            transaction.on_commit(
                partial(email_sellers_about_cancelled_order.enqueue, told, reason, settings.LANGUAGE_CODE)
            )
    return order


@task
def email_sellers_about_cancelled_order(shipment_ids, reason, language):
    """Tell each seller of the order that the buyer cancelled it, so she does not prepare it.

    A seller whose accounts have no email address gets none: her portal shows the cancellation.
    Returns how many emails went out.
    """
    sent = 0
    shipments = Shipment.objects.filter(pk__in=shipment_ids).select_related("order", "seller").order_by("pk")
    with translation.override(language):
        for shipment in shipments:
            recipients = seller_emails(shipment.seller)
            if not recipients:
                continue
            context = {
                "shipment": shipment,
                "order": shipment.order,
                "seller": shipment.seller,
                "lines": list(shipment.lines.order_by("pk")),
                "reason": reason,
                "url": absolute_url(shipment.get_absolute_url()),
                "site_name": settings.SITE_NAME,
            }
            sent += send_to_each("customer/emails/order_cancelled", context, recipients)
    return sent
