"""How a seller fulfils her part of an order: each order is split into one shipment per seller,
which she accepts, packs, ships and sees delivered, or cancels (returning the stock).

Every step runs in a transaction that locks the shipment's row first, so two taps (or two
phones) cannot move one shipment twice; a step that is not allowed raises StepRefused, whose
message the portal shows her as it is. Emails go out after the commit, through a task, so a
rolled-back step or order sends nothing.
"""

from functools import partial

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from oscar.core.loading import get_model

from sellers.tasks import email_buyer_about_cancelled_lines, email_seller_about_order
from shop.order_status import follow_shipments

Shipment = get_model("partner", "Shipment")
StockRecord = get_model("partner", "StockRecord")
OrderNote = get_model("order", "OrderNote")

# The status of an order line its seller cancelled (Oscar's line status is free text).
LINE_CANCELLED = Shipment.LINE_CANCELLED


class StepRefused(Exception):
    """A step the shipment cannot take now; the message is for her, in plain words."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def split_order_by_seller(order):
    """One shipment for each seller with lines in the order, with her shipping fee; call it inside the
    order's transaction (the fee is the one checkout charged from the same delivery zones).

    Running it again for the same order makes nothing new.
    """
    from shop.shipping.fees import order_fees

    fees = {seller.pk: fee.charge for seller, fee in order_fees(order).items()} if order.shipping_address_id else {}
    seller_ids = sorted(set(order.lines.exclude(partner=None).values_list("partner_id", flat=True)))
    return [
        Shipment.objects.get_or_create(
            order=order, seller_id=seller_id, defaults={"shipping_charge": fees.get(seller_id, 0)}
        )[0]
        for seller_id in seller_ids
    ]


def notify_sellers_of_order(order):
    """Email each seller of the order about her lines, once the order's transaction commits.

    Call it inside that transaction: if the order is rolled back, no seller hears of it.
    """
    for shipment_id in order.shipments.values_list("pk", flat=True):
        transaction.on_commit(partial(email_seller_about_order.enqueue, shipment_id, settings.LANGUAGE_CODE))


# What each step is called in the messages that refuse it.
STEP_NAMES = {
    Shipment.Status.ACCEPTED: gettext_lazy("accepted"),
    Shipment.Status.PACKED: gettext_lazy("packed"),
    Shipment.Status.SHIPPED: gettext_lazy("sent"),
    Shipment.Status.DELIVERED: gettext_lazy("delivered"),
}


def accept_shipment(shipment, *, by=None):
    """She takes the order on: she has the goods and will send them."""
    return _move(shipment, Shipment.Status.ACCEPTED, by=by)[0]


def pack_shipment(shipment, *, by=None):
    """The parcel is packed and waits for the carrier."""
    return _move(shipment, Shipment.Status.PACKED, by=by)[0]


def ship_shipment(shipment, *, carrier, tracking_code="", by=None):
    """She has handed the parcel to a carrier: the goods leave her stock for good."""
    carrier, tracking_code = carrier.strip(), tracking_code.strip()
    with transaction.atomic():
        if not carrier and _lock(shipment).status == Shipment.Status.PACKED:
            raise StepRefused(_("Say which carrier takes the parcel."))
        locked, moved = _move(shipment, Shipment.Status.SHIPPED, by=by, carrier=carrier, tracking_code=tracking_code)
        if moved:
            lines = list(locked.live_lines.order_by("pk"))
            for line, stockrecord in _with_locked_stock(lines):
                _consume(stockrecord, line.quantity)
    return locked


def deliver_shipment(shipment, *, by=None):
    """The buyer has the parcel."""
    return _move(shipment, Shipment.Status.DELIVERED, by=by)[0]


def cancel_lines(shipment, lines, reason, *, by=None, notify_buyer=True):
    """Cancel some or all of her lines of a shipment not yet sent, and put their stock back on sale.

    When no line of hers is left the shipment is cancelled. Staff find a note on the order; the
    buyer gets an email once the transaction commits (unless she cancelled herself, or her
    payment never came: `notify_buyer=False`).
    """
    reason = reason.strip()
    with transaction.atomic():
        locked = _lock(shipment)
        if locked.status == Shipment.Status.CANCELLED:
            return locked  # all cancelled already: a second tap changes nothing
        if not locked.can_cancel:
            raise StepRefused(_("This order has already been sent; it cannot be cancelled any more."))
        wanted = {line.pk for line in lines}
        hers = list(locked.lines.filter(pk__in=wanted).order_by("pk"))
        if not wanted or len(hers) != len(wanted):
            raise StepRefused(_("Choose the products to cancel among the ones of this order."))
        chosen = [line for line in hers if line.status != Shipment.LINE_CANCELLED]
        if not chosen:
            return locked  # cancelled already: a second tap changes nothing
        if not reason:
            raise StepRefused(_("Say why you cancel, so the buyer understands."))
        for line, stockrecord in _with_locked_stock(chosen):
            if stockrecord is not None:
                stockrecord.cancel_allocation(line.quantity)
        for line in chosen:
            line.status = Shipment.LINE_CANCELLED
            line.save(update_fields=["status"])
        if not locked.live_lines.exists():
            locked.status = Shipment.Status.CANCELLED
            locked.cancelled_at = timezone.now()
            locked.cancel_reason = reason
            locked.save(update_fields=["status", "cancelled_at", "cancel_reason"])
            follow_shipments(locked.order)
        what = ", ".join(f"{line.quantity} × {line.title}" for line in chosen)
        _note(locked, _("%(seller)s cancelled %(lines)s. Reason: %(reason)s"), by, lines=what, reason=reason)
        line_ids = [line.pk for line in chosen]
        if notify_buyer:
            transaction.on_commit(
                partial(email_buyer_about_cancelled_lines.enqueue, locked.pk, line_ids, reason, settings.LANGUAGE_CODE)
            )
    return locked


def _lock(shipment):
    """The shipment's row, locked until the transaction ends, as it is now in the database."""
    # of=("self",): the order's and the seller's rows stay free for everyone else.
    return Shipment.objects.select_for_update(of=("self",)).select_related("order", "seller").get(pk=shipment.pk)


def _move(shipment, status, *, by, **changes):
    """Move the shipment one step forward to `status`; return it, locked, and whether it moved.

    Repeating the step just taken changes nothing, so a double tap is harmless; skipping a step
    or going back is refused.
    """
    with transaction.atomic():
        locked = _lock(shipment)
        if locked.status == status:
            return locked, False
        if locked.next_status != status:
            raise StepRefused(_refusal(locked, status))
        locked.status = status
        setattr(locked, Shipment.STAMPS[status], timezone.now())
        for field, value in changes.items():
            setattr(locked, field, value)
        locked.save(update_fields=["status", Shipment.STAMPS[status], *changes])
        follow_shipments(locked.order)
        _note(locked, _("%(seller)s: %(status)s."), by, status=locked.get_status_display())
    return locked, True


def _refusal(shipment, status):
    if shipment.status == Shipment.Status.CANCELLED:
        return _("This order was cancelled.")
    if shipment.status == Shipment.Status.DELIVERED:
        return _("This order has already been delivered.")
    return _("This order cannot be marked %(step)s now: it is “%(status)s”.") % {
        "step": STEP_NAMES[status],
        "status": shipment.get_status_display(),
    }


def lock_stock_of_basket(basket):
    """Lock the stock records a basket is about to take from, in pk order (checkout, before allocating)."""
    return _lock_stock({line.stockrecord_id for line in basket.all_lines() if line.stockrecord_id})


def _lock_stock(ids):
    """Lock stock records always in pk order, in checkout as in fulfilment, so a sale and a
    cancellation of the same products wait for each other instead of deadlocking."""
    return {record.pk: record for record in StockRecord.objects.select_for_update().filter(pk__in=ids).order_by("pk")}


def _with_locked_stock(lines):
    """Each line with its stock record, locked (see _lock_stock)."""
    records = _lock_stock({line.stockrecord_id for line in lines if line.stockrecord_id})
    return [(line, records.get(line.stockrecord_id)) for line in lines]


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


def _note(shipment, message, by, **values):
    """A line in the order's history, for union staff in the dashboard."""
    OrderNote.objects.create(
        order=shipment.order,
        user=by if by is not None and by.is_authenticated else None,
        note_type=OrderNote.SYSTEM,
        message=message % {"seller": shipment.seller.name, **values},
    )
