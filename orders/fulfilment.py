"""A seller's steps with her shipment of an order: she accepts it, packs it, sends it, sees it delivered.

Each step runs in a transaction that locks the shipment's row, then its order's row
(orders/locking.py), so two taps (or two phones) cannot move one shipment twice, and two sellers
of one order moving their shipments at once set the order's status one after the other, each from
what the other wrote. A step that is not allowed raises Refused, whose message the portal
shows her as it is. Cancelling her lines is in orders/cancelling.py.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from oscar.core.loading import get_model

from .locking import lock_shipment, lock_stock_of_lines
from .notes import note_on_order
from .refusals import Refused
from .signals import shipment_delivered
from .status import ShipmentStatus, follow_shipments

Shipment = get_model("order", "Shipment")


# What each step is called in the messages that refuse it.
STEP_NAMES = {
    ShipmentStatus.ACCEPTED: gettext_lazy("accepted"),
    ShipmentStatus.PACKED: gettext_lazy("packed"),
    ShipmentStatus.SHIPPED: gettext_lazy("sent"),
    ShipmentStatus.DELIVERED: gettext_lazy("delivered"),
}


def accept_shipment(shipment, *, by=None):
    """She takes the order on: she has the goods and will send them."""
    return _move(shipment, ShipmentStatus.ACCEPTED, by=by)[0]


def pack_shipment(shipment, *, by=None):
    """The parcel is packed and waits for the carrier."""
    return _move(shipment, ShipmentStatus.PACKED, by=by)[0]


def ship_shipment(shipment, *, carrier, tracking_code="", by=None):
    """She has handed the parcel to a carrier: the goods leave her stock for good."""
    carrier, tracking_code = carrier.strip(), tracking_code.strip()
    with transaction.atomic():
        locked = lock_shipment(shipment)
        if not carrier and locked.status == ShipmentStatus.PACKED:
            raise Refused(_("Say which carrier takes the parcel."))
        locked, moved = _move(shipment, ShipmentStatus.SHIPPED, by=by, carrier=carrier, tracking_code=tracking_code)
        if moved:
            lines = list(locked.live_lines.order_by("pk"))
            stock = lock_stock_of_lines(lines)
            for line in lines:
                _consume(stock.get(line.stockrecord_id), line.quantity)
    return locked


def deliver_shipment(shipment, *, by=None):
    """The buyer has the parcel: what the marketplace holds of its money becomes the seller's (ledger/)."""
    with transaction.atomic():
        locked, moved = _move(shipment, ShipmentStatus.DELIVERED, by=by)
        if moved:
            shipment_delivered.send(sender=Shipment, shipment=locked, by=by)
    return locked


def _move(shipment, status, *, by, **changes):
    """Move the shipment one step forward to `status`; return it, locked, and whether it moved.

    Repeating the step just taken changes nothing, so a double tap is harmless; skipping a step
    or going back is refused.
    """
    with transaction.atomic():
        locked = lock_shipment(shipment)
        if locked.status == status:
            return locked, False
        if locked.next_status != status:
            raise Refused(_refusal(locked, status))
        locked.status = status
        setattr(locked, Shipment.STAMPS[status], timezone.now())
        for field, value in changes.items():
            setattr(locked, field, value)
        locked.save(update_fields=["status", Shipment.STAMPS[status], *changes])
        follow_shipments(locked.order)
        message = _("%(seller)s: %(status)s.") % {"seller": locked.seller.name, "status": locked.get_status_display()}
        note_on_order(locked.order, message, by=by)
    return locked, True


def _refusal(shipment, status):
    if shipment.status == ShipmentStatus.CANCELLED:
        return _("This order was cancelled.")
    if shipment.status == ShipmentStatus.DELIVERED:
        return _("This order has already been delivered.")
    return _("This order cannot be marked %(step)s now: it is “%(status)s”.") % {
        "step": STEP_NAMES[status],
        "status": shipment.get_status_display(),
    }


def _consume(stockrecord, quantity):
    """Take sent goods out of stock and out of the allocation.

    Oscar refuses when the stock figure is below what is sent (she counted her shelf after the
    sale); the parcel has left all the same, so the figures go down as far as they can.
    """
    if stockrecord is None or not stockrecord.can_track_allocations:
        return
    if stockrecord.is_allocation_consumption_possible(quantity):
        stockrecord.consume_allocation(quantity)
        return
    stockrecord.num_allocated = max((stockrecord.num_allocated or 0) - quantity, 0)
    stockrecord.num_in_stock = max((stockrecord.num_in_stock or 0) - quantity, 0)
    stockrecord.save(update_fields=["num_allocated", "num_in_stock"])
