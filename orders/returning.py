"""A delivered parcel whose money goes back to its buyer: sent back, broken on the way, or not what she ordered.

Only staff decide it, with a reason (the dashboard's order page). The parcel stays delivered (it
reached her), and is marked refunded; what the buyer paid for it (its seller's lines not cancelled
and her fee) is asked back from the payment method (orders.paying.ask_for_refund), and the seller's
ledger writes the reversal of what the parcel had credited her (orders.signals.shipment_refunded).
Cash the buyer handed the carrier is given back by hand; the order's note says how much.
"""

from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from .amounts import parcel_amounts
from .locking import lock_shipment
from .notes import note_on_order
from .paying import ask_for_refund
from .refusals import Refused
from .signals import shipment_refunded
from .status import ShipmentStatus


def parcel_refund(shipment):
    """What goes back for a delivered parcel: what its buyer owed for it, her lines not cancelled and her fee."""
    return Decimal(parcel_amounts(shipment).due)


def refund_delivered_shipment(shipment, *, reason, by=None):
    """Give the buyer back what she paid for a delivered parcel; returns the shipment, locked."""
    reason = (reason or "").strip()
    if not reason:
        raise Refused(_("Say why the parcel is refunded: the buyer and the seller read it."))
    with transaction.atomic():
        locked = lock_shipment(shipment)
        if locked.status != ShipmentStatus.DELIVERED:
            raise Refused(_("Only a delivered parcel is refunded; one not sent yet is cancelled instead."))
        if locked.is_refunded:
            raise Refused(_("This parcel has already been refunded."))
        amount = parcel_refund(locked)
        locked.refunded_at = timezone.now()
        locked.refund_reason = reason
        locked.save(update_fields=["refunded_at", "refund_reason"])
        asked = ask_for_refund(locked.order, amount)
        message = _("%(seller)s: the delivered parcel is refunded, %(amount)s ₫ (%(reason)s).") % {
            "seller": locked.seller.name,
            "amount": number_format(amount.quantize(Decimal(1)), force_grouping=True),
            "reason": reason,
        }
        if not asked:
            message += " " + _("The buyer paid in cash: it is given back to her by hand.")
        note_on_order(locked.order, message, by=by)
        shipment_refunded.send(sender=type(locked), shipment=locked, amount=amount, reason=reason, by=by)
    return locked
