"""The emails of an order's life, to its buyer and its sellers, sent by the task framework.

Tasks run inline in the demo and tests and on a worker in production. They take ids, not
objects (their arguments must survive a queue), and read the rows when they run. The verbs
enqueue them with `transaction.on_commit`, so a change that is rolled back tells no one.

A seller whose accounts have no email address (many log in by phone) gets none: the badge on
"Orders" in her portal tells her instead.
"""

import logging
from functools import partial

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task
from oscar.core.loading import get_class, get_model

from vietnam.links import absolute_url
from vietnam.retrying import retried

from .amounts import parcel_amounts
from .payment_methods import PaymentMethodCode, payment_method_code
from .signals import confirmation_attachments
from .status import OrderStatus

logger = logging.getLogger(__name__)

CommunicationEventType = get_model("communication", "CommunicationEventType")
Dispatcher = get_class("communication.utils", "Dispatcher")
Order = get_model("order", "Order")
OrderDispatcher = get_class("order.utils", "OrderDispatcher")
Shipment = get_model("order", "Shipment")

ORDER_PLACED = OrderDispatcher.ORDER_PLACED_EVENT_CODE


def on_commit(email_task, *args, language=None):
    """Enqueue `email_task` once the current transaction commits (at once outside one).

    In the marketplace's language unless told otherwise: a seller's email does not follow the
    language a buyer happened to browse in.
    """
    transaction.on_commit(partial(email_task.enqueue, *args, language or settings.LANGUAGE_CODE))


# The buyer's confirmation (Oscar's ORDER_PLACED message, in our templates)


def send_order_confirmation(order):
    """Email the buyer her order's confirmation once the current transaction commits.

    It goes out once per order, when the order is really placed: at checkout for cash on delivery
    and bank transfer (whose details are what she needs next), and for a card only once the payment
    has arrived (mark_order_paid), so a buyer who leaves Stripe's page is not told her order is
    confirmed: a card order still waiting for its payment gets nothing yet. A second call finds the
    email sent and does nothing.
    """
    from_card = payment_method_code(order) == PaymentMethodCode.CARD
    if order.status == OrderStatus.PENDING_PAYMENT and from_card:
        return
    on_commit(email_order_confirmation, order.pk, language=translation.get_language())


@retried
@task
def email_order_confirmation(order_id, language):
    """Send the ORDER_PLACED email for the order unless it went out already; returns whether it was sent.

    The QR code of a bank transfer travels as a PNG attachment (a banking app reads it from the
    phone's gallery), added by the payment method (orders/signals.py); the email links to the
    order page, which shows it too, since inline images are unreliable in mail apps.
    """
    order = Order.objects.select_related("user", "shipping_address").filter(pk=order_id).first()
    if order is None or not order.email:
        return False
    event_type, _created = CommunicationEventType.objects.get_or_create(
        code=ORDER_PLACED,
        defaults={"name": "Order placed", "category": CommunicationEventType.ORDER_RELATED},
    )
    if order.communication_events.filter(event_type=event_type).exists():
        return False
    path = buyer_order_path(order)
    # What Oscar's checkout gives these templates (get_message_context); they work out the rest.
    context = {
        "order": order,
        "user": order.user,
        "lines": order.lines.all(),
        "status_path": path,
        "status_url": absolute_url(path),
    }
    with translation.override(language):
        messages = Dispatcher().get_messages(ORDER_PLACED, context)
    attachments = [
        attachment
        for _receiver, made in confirmation_attachments.send(sender=Order, order=order)
        for attachment in made or ()
    ]
    OrderDispatcher(logger=logger).dispatch_order_messages(
        order, messages, ORDER_PLACED, attachments=attachments or None
    )
    return True


# To the sellers


def notify_sellers_of_order(order):
    """Email each seller of the order about her lines, once the order's transaction commits."""
    for shipment_id in order.shipments.values_list("pk", flat=True):
        on_commit(email_seller_about_order, shipment_id)


@retried
@task
def email_seller_about_order(shipment_id, language):
    """Tell a seller of a new order: only her lines, her fee, how the buyer pays and, for cash, what
    to collect, and the link to it in her portal.

    Returns how many emails went out.
    """
    shipment = _shipment(shipment_id)
    if shipment is None:
        return 0
    recipients = shipment.seller.email_addresses()
    if not recipients:
        return 0
    amounts = parcel_amounts(shipment)
    with translation.override(language):
        context = {
            "shipment": shipment,
            "order": shipment.order,
            "seller": shipment.seller,
            "lines": list(shipment.live_lines.order_by("pk")),
            "amounts": amounts,
            "payment_method": PaymentMethodCode(amounts.method_code).label,
            "url": absolute_url(shipment.get_absolute_url()),
            "site_name": settings.SITE_NAME,
        }
        return send_to_each("orders/emails/seller_new_order", context, recipients)


@retried
@task
def email_sellers_about_cancelled_order(shipment_ids, reason, by_staff, language):
    """Tell each seller of a cancelled order (by the buyer, or by staff) not to prepare it.

    Returns how many emails went out.
    """
    sent = 0
    shipments = Shipment.objects.filter(pk__in=shipment_ids).select_related("order", "seller").order_by("pk")
    with translation.override(language):
        for shipment in shipments:
            recipients = shipment.seller.email_addresses()
            if not recipients:
                continue
            context = {
                "shipment": shipment,
                "order": shipment.order,
                "seller": shipment.seller,
                "lines": list(shipment.lines.order_by("pk")),
                "reason": reason,
                "by_staff": by_staff,
                "url": absolute_url(shipment.get_absolute_url()),
                "site_name": settings.SITE_NAME,
            }
            sent += send_to_each("orders/emails/seller_order_cancelled", context, recipients)
    return sent


# To the buyer


@retried
@task
def email_buyer_about_cancelled_lines(shipment_id, line_ids, reason, language):
    """Tell the buyer which of a seller's products will not come, why, and what still will."""
    shipment = _shipment(shipment_id)
    if shipment is None or not shipment.order.email:
        return 0
    order = shipment.order
    with translation.override(language):
        context = {
            "shipment": shipment,
            "order": order,
            "seller": shipment.seller,
            "buyer_name": _buyer_name(order),
            "cancelled": list(shipment.lines.filter(pk__in=line_ids).order_by("pk")),
            "remaining": list(shipment.live_lines.order_by("pk")),
            "other_sellers": order.shipments.exclude(pk=shipment.pk).exists(),
            "reason": reason,
            "url": absolute_url(buyer_order_path(order)),
            "site_name": settings.SITE_NAME,
        }
        return send_to_each("orders/emails/buyer_lines_cancelled", context, [order.email])


@retried
@task
def email_buyer_about_cancelled_order(order_id, reason, refunded_to_card, returned_by_transfer, language):
    """Tell the buyer that the marketplace cancelled her whole order, why, and what money goes back.

    The amounts are what she paid by card (refunded at once) and by bank transfer (sent back by
    staff), as strings of đồng, "" for none.
    """
    order = Order.objects.select_related("shipping_address").filter(pk=order_id).first()
    if order is None or not order.email:
        return 0
    with translation.override(language):
        context = {
            "order": order,
            "buyer_name": _buyer_name(order),
            "reason": reason,
            "refunded_to_card": refunded_to_card or None,
            "returned_by_transfer": returned_by_transfer or None,
            "url": absolute_url(buyer_order_path(order)),
            "site_name": settings.SITE_NAME,
        }
        return send_to_each("orders/emails/buyer_order_cancelled", context, [order.email])


def buyer_order_path(order):
    """Where the buyer follows the order: her account, or the private page of a guest's order."""
    if order.user_id:
        return reverse("customer:order", kwargs={"order_number": order.number})
    return reverse("customer:anon-order", kwargs={"order_number": order.number, "hash": order.verification_hash()})


def send_to_each(template_prefix, context, recipients):
    """One email to each recipient (members of a cooperative do not see each other's addresses)."""
    subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", context).split())
    body = render_to_string(f"{template_prefix}_body.txt", context)
    with get_connection() as connection:
        for recipient in recipients:
            EmailMessage(subject, body, to=[recipient], connection=connection).send()
    return len(recipients)


def _buyer_name(order):
    return order.shipping_address.name if order.shipping_address else ""


def _shipment(shipment_id):
    return (
        Shipment.objects.with_her_totals()
        .select_related("order__user", "order__shipping_address", "seller")
        .filter(pk=shipment_id)
        .first()
    )
