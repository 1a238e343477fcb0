"""An order as its buyer sees it: one parcel per seller, each with her lines, her shipping fee and its progress."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from shop import order_status

Shipment = get_model("partner", "Shipment")

# A shipment's status in the buyer's words: what is happening to her parcel.
PARCEL_LABELS = {
    Shipment.Status.NEW: _("Waiting for the seller to accept"),
    Shipment.Status.ACCEPTED: _("The seller is preparing it"),
    Shipment.Status.PACKED: _("Packed, waiting for the carrier"),
    Shipment.Status.SHIPPED: _("On its way"),
    Shipment.Status.DELIVERED: _("Delivered"),
    Shipment.Status.CANCELLED: _("Cancelled"),
}
# Sellers do not see an order until it is paid (ShipmentQuerySet.of), so its parcels wait for that.
WAITING_FOR_PAYMENT = _("Waiting for your payment")


@dataclass
class Parcel:
    """One seller's part of the order."""

    shipment: object
    lines: list
    label: str

    @property
    def seller(self):
        return self.shipment.seller

    @property
    def is_cancelled(self):
        return self.shipment.status == Shipment.Status.CANCELLED

    @property
    def shipping_charge(self):
        return self.shipment.shipping_charge


def parcels_of(order):
    """Each seller's parcel of the order, in the order they were made; two queries in all."""
    shipments = list(order.shipments.select_related("seller").order_by("pk"))
    lines = list(order.lines.order_by("pk"))
    waiting = order.status == order_status.PENDING_PAYMENT
    return [
        Parcel(
            shipment=shipment,
            lines=[line for line in lines if line.partner_id == shipment.seller_id],
            label=WAITING_FOR_PAYMENT
            if waiting and shipment.status == Shipment.Status.NEW
            else PARCEL_LABELS[shipment.status],
        )
        for shipment in shipments
    ]
