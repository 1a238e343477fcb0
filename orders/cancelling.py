"""Cancelling all or part of an order: a seller her lines, the buyer her whole order, staff a whole
order, or the clock an order whose payment never came.

Every cancel puts the cancelled lines' stock back on sale, cancels a shipment with no line left,
sets the order's status from its shipments, leaves a note for staff, tells whoever did not do it
(emails after the commit, orders/emails.py), and asks for the money of what will not come back
(orders/paying.py: the payment method refunds once the cancel has committed, so a slow or
unreachable Stripe never holds the locks). Locks are taken as every change of an order takes them
(orders/locking.py): a seller packing at the same moment either goes first, and the cancel is
refused or leaves her shipment alone, or finds the order cancelled.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from .amounts import refund_for_cancelling
from .emails import (
    email_buyer_about_cancelled_lines,
    email_buyer_about_cancelled_order,
    email_sellers_about_cancelled_order,
    on_commit,
)
from .locking import lock_order, lock_shipment, lock_shipments_of, lock_stock_of_lines
from .notes import note_on_order
from .paying import ask_for_refund, money_kept
from .payment_methods import PaymentMethodCode
from .refusals import Refused
from .status import LineStatus, OrderStatus, ShipmentStatus, follow_shipments, set_order_status

Shipment = get_model("order", "Shipment")

# A buyer may cancel while every shipment is at most accepted: nothing has been packed or sent.
CANCELLABLE_BY_BUYER = (ShipmentStatus.NEW, ShipmentStatus.ACCEPTED, ShipmentStatus.CANCELLED)
# Staff may cancel while nothing has left: a parcel on its way is the carrier's and the seller's to bring back.
CANCELLABLE_BY_STAFF = (*Shipment.CANCELLABLE, ShipmentStatus.CANCELLED)


# A seller cancels her lines


def cancel_lines(shipment, lines, reason, *, by=None, notify_buyer=True):
    """Cancel some or all of her lines of a shipment not yet sent, and put their stock back on sale.

    When no line of hers is left the shipment is cancelled. The buyer is emailed (unless
    `notify_buyer=False`). A payment already taken gives back the cancelled lines, and her fee
    when her whole shipment is cancelled. Raises Refused, for her, when she cannot.
    """
    reason = reason.strip()
    with transaction.atomic():
        locked = lock_shipment(shipment)
        if locked.status == ShipmentStatus.CANCELLED:
            return locked  # all cancelled already: a second tap changes nothing
        if not locked.can_cancel:
            raise Refused(_("This order has already been sent; it cannot be cancelled any more."))
        wanted = {line.pk for line in lines}
        hers = list(locked.lines.filter(pk__in=wanted).order_by("pk"))
        if not wanted or len(hers) != len(wanted):
            raise Refused(_("Choose the products to cancel among the ones of this order."))
        chosen = [line for line in hers if line.status != LineStatus.CANCELLED]
        if not chosen:
            return locked  # cancelled already: a second tap changes nothing
        if not reason:
            raise Refused(_("Say why you cancel, so the buyer understands."))
        _cancel(locked, chosen, lock_stock_of_lines(chosen), reason)
        follow_shipments(locked.order)
        what = ", ".join(f"{line.quantity} × {line.title}" for line in chosen)
        message = _("%(seller)s cancelled %(lines)s. Reason: %(reason)s")
        note_on_order(locked.order, message % {"seller": locked.seller.name, "lines": what, "reason": reason}, by=by)
        cancelled_fee = locked if locked.status == ShipmentStatus.CANCELLED else None
        ask_for_refund(locked.order, refund_for_cancelling(chosen, with_fee_of=cancelled_fee))
        if notify_buyer:
            on_commit(email_buyer_about_cancelled_lines, locked.pk, [line.pk for line in chosen], reason)
    return locked


# The buyer cancels her order


def can_be_cancelled_by_buyer(order, shipments=None):
    """Whether the buyer may still cancel: not cancelled already, and nothing packed or sent."""
    return _all_shipments_in(order, CANCELLABLE_BY_BUYER, shipments)


def cancel_order_by_buyer(order, reason=""):
    """Cancel the whole order for its buyer; returns it. Raises Refused when it is too late.

    Her sellers are emailed, unless the order was still waiting for its payment (they never saw it).
    """
    reason = reason.strip() or _("Cancelled by the buyer.")

    too_late = _(
        "A seller has already packed or sent part of this order, so it can no longer be cancelled. "
        "Contact us if you need help."
    )
    with transaction.atomic():
        order, cancelled, sellers_knew = _cancel_whole_order(
            order, reason, check=_refuse_unless(can_be_cancelled_by_buyer, too_late)
        )
        note_on_order(order, _("The buyer cancelled the order. Reason: %(reason)s") % {"reason": reason}, by=order.user)
        if sellers_knew and cancelled:
            on_commit(email_sellers_about_cancelled_order, [shipment.pk for shipment in cancelled], reason, False)
    return order


# Staff cancel an order


def can_be_cancelled_by_staff(order, shipments=None):
    """Whether union staff may still cancel the whole order: not cancelled already, and nothing sent."""
    return _all_shipments_in(order, CANCELLABLE_BY_STAFF, shipments)


def cancel_order_by_staff(order, reason, *, by):
    """Union staff cancel the whole order (from Oscar's dashboard); returns it. Raises Refused.

    Shipments are cancelled, stock goes back on sale, a payment taken is refunded, and the buyer
    and the sellers who had the order are told why.
    """
    reason = reason.strip()
    if not reason:
        raise Refused(_("Say why the order is cancelled: the buyer and the sellers are told."))

    too_late = _("Part of this order has already been sent, so it can no longer be cancelled as a whole.")
    with transaction.atomic():
        order, cancelled, sellers_knew = _cancel_whole_order(
            order, reason, check=_refuse_unless(can_be_cancelled_by_staff, too_late)
        )
        message = _("%(user)s cancelled the order. Reason: %(reason)s") % {"user": by.get_username(), "reason": reason}
        note_on_order(order, message, by=by)
        if sellers_knew and cancelled:
            on_commit(email_sellers_about_cancelled_order, [shipment.pk for shipment in cancelled], reason, True)
        kept = money_kept(order)
        by_card, by_transfer = (str(kept.get(code, "")) for code in (PaymentMethodCode.CARD, PaymentMethodCode.VIETQR))
        on_commit(email_buyer_about_cancelled_order, order.pk, reason, by_card, by_transfer)
    return order


# The payment never came


def cancel_unpaid_order(order, reason):
    """An order whose payment never came: every line cancelled, its stock back on sale. Returns the order.

    It locks as the buyer's own cancel does, so the two racing each other cancel the order once
    and put its stock back once. Staff find `reason` as a note on the order.
    """

    def still_unpaid(order, shipments):
        return order.status == OrderStatus.PENDING_PAYMENT

    with transaction.atomic():
        order, cancelled, _sellers_knew = _cancel_whole_order(order, reason, check=still_unpaid)
        if cancelled is not None:
            note_on_order(order, reason)
    return order


def _refuse_unless(can_cancel, too_late):
    """A check for _cancel_whole_order: refuse an order cancelled already, or one `can_cancel` says is too late for."""

    def check(order, shipments):
        if order.status == OrderStatus.CANCELLED:
            raise Refused(_("This order has already been cancelled."))
        if not can_cancel(order, shipments):
            raise Refused(too_late)

    return check


def _all_shipments_in(order, statuses, shipments=None):
    if order.status == OrderStatus.CANCELLED:
        return False
    shipments = order.shipments.all() if shipments is None else shipments
    return all(shipment.status in statuses for shipment in shipments)


def _cancel_whole_order(order, reason, *, check):
    """Cancel every line of the order still live, put its stock back on sale, and cancel the order.

    Returns the order (locked, as it is now), the shipments this cancelled, and whether its sellers
    had seen it (it was not waiting for its payment). It locks the order's shipments, then the
    order, then all its stock records in one pk-ordered query, before any line changes.
    `check(order, shipments)`, called once they are locked, refuses by raising, or returns False to
    leave the order as it is (the shipments returned are None then). A payment already taken is
    asked back in full.
    """
    shipments = lock_shipments_of(order)
    order = lock_order(order.pk)
    if check(order, shipments) is False:
        return order, None, False
    sellers_knew = order.status != OrderStatus.PENDING_PAYMENT
    lines = list(order.lines.order_by("pk"))
    stock = lock_stock_of_lines(lines)
    cancelled = []
    for shipment in shipments:
        live = [line for line in lines if line.partner_id == shipment.seller_id and line.status != LineStatus.CANCELLED]
        if shipment.status != ShipmentStatus.CANCELLED and live:
            shipment.order = order
            _cancel(shipment, live, stock, reason)
            cancelled.append(shipment)
    set_order_status(order, OrderStatus.CANCELLED)
    ask_for_refund(order)
    return order, cancelled, sellers_knew


def _cancel(shipment, lines, stock, reason):
    """Cancel `lines` of the locked shipment with their stock records locked (`stock`, by pk): the
    allocations go back on sale; with no line of hers left, the shipment is cancelled too."""
    for line in lines:
        stockrecord = stock.get(line.stockrecord_id)
        if stockrecord is not None:
            stockrecord.cancel_allocation(line.quantity)
        line.status = LineStatus.CANCELLED
        line.save(update_fields=["status"])
    if not shipment.live_lines.exists():
        shipment.status = ShipmentStatus.CANCELLED
        shipment.cancelled_at = timezone.now()
        shipment.cancel_reason = reason
        shipment.save(update_fields=["status", "cancelled_at", "cancel_reason"])
