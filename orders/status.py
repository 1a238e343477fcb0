"""Every status of an order's life, in one place, and how an order's status is worked out.

An order waits for its payment (card, VietQR), or goes straight to its sellers (cash on
delivery). From then on it has no status of its own: it follows its sellers' shipments, one
per seller, which they move forward in the seller portal (orders/fulfilment.py). Oscar keeps
an order's and a line's status as free text; these are the texts.

Only this module calls Oscar's `Order.set_status` (`set_order_status`), and only for the moves
in ORDER_PIPELINE, which settings.OSCAR_ORDER_STATUS_PIPELINE repeats for Oscar's own checks.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OrderStatus(models.TextChoices):
    PENDING_PAYMENT = "Pending payment", _("Waiting for payment")  # card or transfer not paid: sellers do not see it
    PLACED = "Placed", _("Placed")  # paid, or cash on delivery: its sellers have it
    IN_PROGRESS = "In progress", _("Being prepared")  # a seller has accepted or packed her part
    SHIPPED = "Shipped", _("On its way")  # every part not cancelled has left
    DELIVERED = "Delivered", _("Delivered")  # every part not cancelled has arrived
    CANCELLED = "Cancelled", _("Cancelled")  # every part cancelled, or the payment never came


class ShipmentStatus(models.TextChoices):
    """One seller's part of an order (orders.models.Shipment), from new to delivered."""

    NEW = "new", _("New")
    ACCEPTED = "accepted", _("Accepted")
    PACKED = "packed", _("Packed")
    SHIPPED = "shipped", _("Shipped")
    DELIVERED = "delivered", _("Delivered")
    CANCELLED = "cancelled", _("Cancelled")


class LineStatus(models.TextChoices):
    """An order line's status; a line is live until its seller (or the buyer, or staff) cancels it."""

    CANCELLED = "Cancelled", _("Cancelled")


class TransactionStatus(models.TextChoices):
    """What a payment record's transaction (Oscar's payment.Transaction) says happened."""

    PAID = "Paid", _("Paid")
    REFUNDED = "Refunded", _("Refunded")
    FAILED = "Failed", _("Failed")  # a card attempt declined: the order can be paid again


# The moves an order's status makes, and nothing else: being paid, following its shipments
# (status_from_shipments can make each of these with one shipment's step or cancel), being cancelled.
ORDER_PIPELINE = {
    OrderStatus.PENDING_PAYMENT: [OrderStatus.PLACED, OrderStatus.CANCELLED],
    OrderStatus.PLACED: [OrderStatus.IN_PROGRESS, OrderStatus.CANCELLED],
    OrderStatus.IN_PROGRESS: [OrderStatus.PLACED, OrderStatus.SHIPPED, OrderStatus.DELIVERED, OrderStatus.CANCELLED],
    OrderStatus.SHIPPED: [OrderStatus.DELIVERED],
    OrderStatus.DELIVERED: [],
    OrderStatus.CANCELLED: [],
}


def status_label(status):
    """An order's status in the reader's words ("Waiting for payment"); an unknown one as it is."""
    try:
        return OrderStatus(status).label
    except ValueError:
        return status


def status_from_shipments(statuses):
    """The order's status that its sellers' shipment statuses add up to."""
    live = [status for status in statuses if status != ShipmentStatus.CANCELLED]
    if not live:
        return OrderStatus.CANCELLED
    if all(status == ShipmentStatus.DELIVERED for status in live):
        return OrderStatus.DELIVERED
    if all(status in (ShipmentStatus.SHIPPED, ShipmentStatus.DELIVERED) for status in live):
        return OrderStatus.SHIPPED
    if any(status != ShipmentStatus.NEW for status in live):
        return OrderStatus.IN_PROGRESS
    return OrderStatus.PLACED


def follow_shipments(order):
    """Set the order's status from its shipments, unless it still waits for its payment."""
    if order.status == OrderStatus.PENDING_PAYMENT:
        return order
    set_order_status(order, status_from_shipments(list(order.shipments.values_list("status", flat=True))))
    return order


def set_order_status(order, status):
    """Move the order to `status` through Oscar (which records the change and checks the pipeline)."""
    if status != order.status:
        order.set_status(status)
    return order
