"""What an order comes to once some of it is cancelled: what the buyer still owes, and what goes back.

An order's total (Oscar's `total_incl_tax`) is what she was asked at checkout; it never changes.
A seller may cancel lines of her shipment, or the whole shipment (orders/cancelling.py): the
cancelled lines, and the fee of a shipment cancelled entirely, are no longer due, and a payment
already taken gives them back.
"""

from decimal import Decimal

from .status import LineStatus, OrderStatus, ShipmentStatus


def cancelled_amount(order):
    """What was cancelled of the order: its cancelled lines, and the fees of its shipments cancelled entirely."""
    lines = order.lines.filter(status=LineStatus.CANCELLED).values_list("line_price_incl_tax", flat=True)
    fees = order.shipments.filter(status=ShipmentStatus.CANCELLED).values_list("shipping_charge", flat=True)
    return sum(lines, Decimal(0)) + sum(fees, Decimal(0))


def amount_due(order, *, cancelled=None):
    """What the buyer owes for the order: its lines not cancelled and the fees of its shipments not cancelled.

    Nothing for a cancelled order. Worked out as the total less what was cancelled (`cancelled`,
    when the caller has it already), so an order nothing was cancelled of is due exactly the total
    she was asked at checkout.
    """
    if order.status == OrderStatus.CANCELLED:
        return Decimal(0)
    cancelled = cancelled_amount(order) if cancelled is None else cancelled
    return max(order.total_incl_tax - cancelled, Decimal(0))


def refund_for_cancelling(lines, *, with_fee_of=None):
    """What goes back to the buyer when `lines` are cancelled: their prices, and the fee of the
    shipment `with_fee_of` when that shipment is cancelled entirely."""
    refund = sum((line.line_price_incl_tax for line in lines), Decimal(0))
    if with_fee_of is not None:
        refund += with_fee_of.shipping_charge
    return refund
