"""The buyer's order confirmation email (Oscar's ORDER_PLACED message, in our templates).

It goes out once per order, when the order is really placed: at checkout for cash on delivery
and bank transfer (with the VietQR details, since the transfer is what the buyer does next),
and for a card only once the payment has arrived, so a buyer who leaves Stripe's page is not
told her order is confirmed. Checkout and mark_order_paid may both call send_order_confirmation:
the second call finds the email sent and does nothing.

The QR code travels as a PNG attachment (a banking app reads it from the phone's gallery) and
the email links to the order page, which shows it too; inline images are unreliable in mail apps.
"""

import logging
from functools import partial

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django_tasks import task
from oscar.core.loading import get_class, get_model

from payments.instructions import order_payment_method, payment_of
from payments.methods import CARD
from sellers.tasks import buyer_order_path
from shop import order_status
from vietnam.links import absolute_url

logger = logging.getLogger(__name__)

Dispatcher = get_class("communication.utils", "Dispatcher")
OrderDispatcher = get_class("order.utils", "OrderDispatcher")
Order = get_model("order", "Order")
CommunicationEventType = get_model("communication", "CommunicationEventType")

ORDER_PLACED = OrderDispatcher.ORDER_PLACED_EVENT_CODE


def send_order_confirmation(order):
    """Email the buyer her order confirmation once the current transaction commits (at once outside one).

    A card order still waiting for its payment gets nothing yet: call this again when it is paid.
    """
    if order.status == order_status.PENDING_PAYMENT and order_payment_method(order).code == CARD:
        return
    language = translation.get_language() or settings.LANGUAGE_CODE
    transaction.on_commit(partial(email_order_confirmation.enqueue, order.pk, language))


@task
def email_order_confirmation(order_id, language):
    """Send the ORDER_PLACED email for the order unless it went out already; returns whether it was sent."""
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
    payment = payment_of(order)
    attachments = None
    if payment.transfer is not None:
        attachments = [(f"vietqr-{order.number}.png", payment.transfer.png(), "image/png")]
    OrderDispatcher(logger=logger).dispatch_order_messages(order, messages, ORDER_PLACED, attachments=attachments)
    return True
