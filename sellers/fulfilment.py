"""How a seller fulfils her part of an order: each order is split into one shipment per seller,
which she accepts, packs, ships and sees delivered, or cancels (returning the stock).

Every step runs in a transaction that locks the shipment's row, then its order's row, so two
taps (or two phones) cannot move one shipment twice, and two sellers of one order moving their
parcels at once set the order's status one after the other, each from what the other wrote. A
step that is not allowed raises StepRefused, whose message the portal shows her as it is.
Emails and refunds go out after the commit, through tasks, so a rolled-back step sends nothing.

Locks are always taken in one order, so two transactions wait for each other instead of
deadlocking: the shipment(s), then the order, then the stock records (in pk order). Checkout
locks the basket and then the stock records, before any shipment or order exists.
"""

from functools import partial

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from oscar.core.loading import get_model

from payments.amounts import refund_for_cancelling
from sellers.tasks import email_buyer_about_cancelled_lines, email_seller_about_order
from shop import order_status
from shop.order_status import follow_shipments

Order = get_model("order", "Order")
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
    from shipping.fees import order_fees

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
    buyer gets an email once the transaction commits (unless `notify_buyer=False`). A card
    payment already taken gives back the cancelled lines, and her fee when her whole parcel is
    cancelled, through a refund task once the transaction commits.
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
        _cancel(locked, chosen, _lock_stock({line.stockrecord_id for line in chosen}), reason)
        follow_shipments(locked.order)
        what = ", ".join(f"{line.quantity} × {line.title}" for line in chosen)
        _note(locked, _("%(seller)s cancelled %(lines)s. Reason: %(reason)s"), by, lines=what, reason=reason)
        from payments.actions import refund_card_payment_on_commit  # payments imports this module

        cancelled_fee = locked if locked.status == Shipment.Status.CANCELLED else None
        refund_card_payment_on_commit(locked.order, refund_for_cancelling(chosen, with_fee_of=cancelled_fee))
        line_ids = [line.pk for line in chosen]
        if notify_buyer:
            transaction.on_commit(
                partial(email_buyer_about_cancelled_lines.enqueue, locked.pk, line_ids, reason, settings.LANGUAGE_CODE)
            )
    return locked


def cancel_whole_order(order, reason, *, check=None):
    """Cancel every line of the order still live, put its stock back on sale, and cancel the order.

    Returns the order (locked, as it is now) and the shipments this cancelled. The buyer's cancel
    and the expiry of an unpaid order both come here, so both lock as every seller's step does:
    the order's shipments (pk order), then the order's row, then all its stock records in one
    pk-ordered query, before any line changes. `check(order, shipments)`, called once they are
    locked, refuses by raising, or returns False to leave the order as it is (the shipments
    returned are None then). A card payment already taken is refunded in full by a task once the
    transaction commits.
    """
    with transaction.atomic():
        shipments = list(
            Shipment.objects.select_for_update(of=("self",))
            .filter(order_id=order.pk)
            .select_related("seller")
            .order_by("pk")
        )
        order = _lock_order(order.pk)
        if check is not None and check(order, shipments) is False:
            return order, None
        lines = list(order.lines.order_by("pk"))
        stock = _lock_stock({line.stockrecord_id for line in lines if line.stockrecord_id})
        cancelled = []
        for shipment in shipments:
            live = [line for line in lines if line.partner_id == shipment.seller_id]
            live = [line for line in live if line.status != Shipment.LINE_CANCELLED]
            if shipment.status != Shipment.Status.CANCELLED and live:
                shipment.order = order
                _cancel(shipment, live, stock, reason)
                cancelled.append(shipment)
        order.set_status(order_status.CANCELLED)
        from payments.actions import refund_card_payment_on_commit  # payments imports this module

        refund_card_payment_on_commit(order)
    return order, cancelled


def _cancel(shipment, lines, stock, reason):
    """Cancel `lines` of the locked shipment with their stock records locked (`stock`, by pk): the
    allocations go back on sale; with no line of hers left, the shipment is cancelled too."""
    for line in lines:
        stockrecord = stock.get(line.stockrecord_id)
        if stockrecord is not None:
            stockrecord.cancel_allocation(line.quantity)
        line.status = Shipment.LINE_CANCELLED
        line.save(update_fields=["status"])
    if not shipment.live_lines.exists():
        shipment.status = Shipment.Status.CANCELLED
        shipment.cancelled_at = timezone.now()
        shipment.cancel_reason = reason
        shipment.save(update_fields=["status", "cancelled_at", "cancel_reason"])


def _lock(shipment):
    """The shipment's row and then its order's row, locked until the transaction ends, as they are now.

    The order is locked because a step sets the order's status from all its shipments: a second
    seller's step waits here and then reads the first one's shipment as it was committed.
    """
    # of=("self",): the seller's row stays free for everyone else.
    locked = Shipment.objects.select_for_update(of=("self",)).select_related("seller").get(pk=shipment.pk)
    locked.order = _lock_order(locked.order_id)
    return locked


def _lock_order(order_id):
    """The order's row, locked until the transaction ends; take it after its shipments', never before."""
    return Order.objects.select_for_update().get(pk=order_id)


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
