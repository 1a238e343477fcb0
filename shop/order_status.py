"""An order's status, in one place: waiting for its payment, or following its sellers' shipments.

Oscar keeps an order's status as a string; these are the strings, in English (Oscar shows
`order.status` through `{% trans %}`-less templates, so templates use `status_label`).
"""

from django.utils.translation import gettext_lazy as _

PENDING_PAYMENT = "Pending payment"  # a card or bank-transfer order not paid yet: sellers do not see it
PLACED = "Placed"  # paid, or cash on delivery: sellers have it
IN_PROGRESS = "In progress"  # a seller has accepted or packed her part
SHIPPED = "Shipped"  # every part not cancelled has left
DELIVERED = "Delivered"  # every part not cancelled has arrived
CANCELLED = "Cancelled"  # every part cancelled, or the payment never came

LABELS = {
    PENDING_PAYMENT: _("Waiting for payment"),
    PLACED: _("Placed"),
    IN_PROGRESS: _("Being prepared"),
    SHIPPED: _("On its way"),
    DELIVERED: _("Delivered"),
    CANCELLED: _("Cancelled"),
}


def status_from_shipments(statuses):
    """The order's status that its sellers' shipment statuses (a list of strings) add up to."""
    live = [status for status in statuses if status != "cancelled"]
    if not live:
        return CANCELLED
    if all(status == "delivered" for status in live):
        return DELIVERED
    if all(status in ("shipped", "delivered") for status in live):
        return SHIPPED
    if any(status != "new" for status in live):
        return IN_PROGRESS
    return PLACED


def follow_shipments(order):
    """Set the order's status from its shipments, unless it still waits for its payment."""
    if order.status == PENDING_PAYMENT:
        return order
    status = status_from_shipments(list(order.shipments.values_list("status", flat=True)))
    if status != order.status:
        order.set_status(status)
    return order
