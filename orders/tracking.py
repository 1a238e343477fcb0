"""An order as its buyer follows it: each seller's shipment, with her lines, its progress in the
buyer's words, and what she pays its carrier."""

from django.utils.translation import gettext_lazy as _

from .amounts import parcel_amounts
from .payment_methods import payment_method_code
from .status import OrderStatus, ShipmentStatus

# A shipment's status in the buyer's words: what is happening to her parcel.
BUYER_LABELS = {
    ShipmentStatus.NEW: _("Waiting for the seller to accept"),
    ShipmentStatus.ACCEPTED: _("The seller is preparing it"),
    ShipmentStatus.PACKED: _("Packed, waiting for the carrier"),
    ShipmentStatus.SHIPPED: _("On its way"),
    ShipmentStatus.DELIVERED: _("Delivered"),
    ShipmentStatus.CANCELLED: _("Cancelled"),
}
# Sellers do not see an order until it is paid (ShipmentQuerySet.of), so its shipments wait for that.
WAITING_FOR_PAYMENT = _("Waiting for your payment")
# A delivered parcel whose money went back to her (orders/returning.py).
REFUNDED = _("Delivered, then refunded")


def buyer_shipments(order):
    """The order's shipments in the order they were made, each with `buyer_lines` (her lines of the
    order), `buyer_label` (its progress in the buyer's words) and `amounts` (what the buyer owes for
    it and what its carrier collects, orders.amounts.ParcelAmounts); three queries in all."""
    shipments = list(order.shipments.select_related("seller").order_by("pk"))
    lines = list(order.lines.order_by("pk"))
    method_code = payment_method_code(order)
    waiting = order.status == OrderStatus.PENDING_PAYMENT
    for shipment in shipments:
        shipment.order = order
        shipment.buyer_lines = [line for line in lines if line.partner_id == shipment.seller_id]
        shipment.amounts = parcel_amounts(shipment, lines=shipment.buyer_lines, method_code=method_code)
        new_and_unpaid = waiting and shipment.status == ShipmentStatus.NEW
        if shipment.is_refunded:
            shipment.buyer_label = REFUNDED
        else:
            shipment.buyer_label = WAITING_FOR_PAYMENT if new_and_unpaid else BUYER_LABELS[shipment.status]
    return shipments
