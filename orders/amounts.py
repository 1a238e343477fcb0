"""What an order comes to once some of it is cancelled: what the buyer still owes, for the order
and for each parcel, what each carrier collects, and what goes back.

An order's total (Oscar's `total_incl_tax`) is what she was asked at checkout; it never changes.
A seller may cancel lines of her shipment, or the whole shipment (orders/cancelling.py): the
cancelled lines, and the fee of a shipment cancelled entirely, are no longer due, and a payment
already taken gives them back.

Each seller sends her parcel herself, with a carrier of her choosing, so a buyer paying cash pays
each parcel's carrier for that parcel alone (`parcel_amounts`): the parcels' amounts add up to
`amount_due`.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Sum

from vietnam.money import whole_dong

from .payment_methods import PaymentMethodCode, payment_method_code, payment_method_codes
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


@dataclass(frozen=True)
class ParcelAmounts:
    """What one shipment (a seller's parcel) comes to for its buyer, in whole đồng."""

    due: int  # her lines not cancelled and her shipping fee; 0 once the shipment is cancelled
    to_collect: int  # what the carrier collects on delivery: `due` for cash on delivery, 0 for prepaid
    method_code: str  # how the order is paid (orders.payment_methods.PaymentMethodCode)
    goods: int = 0  # her lines not cancelled, without the fee; 0 once the shipment is cancelled

    @property
    def fee(self):
        """Her shipping fee, as it is due: 0 once the shipment is cancelled."""
        return self.due - self.goods

    @property
    def is_cash(self):
        """Paid in cash to the carrier, parcel by parcel."""
        return self.method_code == PaymentMethodCode.COD

    @property
    def is_prepaid(self):
        """Paid to the marketplace before it was sent (VietQR transfer or card): the carrier collects nothing."""
        return not self.is_cash


def parcel_amounts(shipment, *, lines=None, method_code=None):
    """What the buyer owes for the shipment, and what its carrier collects (ParcelAmounts).

    Her lines come from `lines` (the order's lines, loaded once for all its shipments, or hers),
    else from `her_total` when the shipment was read with ShipmentQuerySet.with_her_totals, else
    from one query. The method is `method_code`, else the order's payment records (one query):
    lists of shipments pass both (with_parcel_amounts).
    """
    if shipment.status == ShipmentStatus.CANCELLED:
        goods = due = 0
    else:
        goods = whole_dong(_her_live_total(shipment, lines))
        due = goods + whole_dong(shipment.shipping_charge)
    code = method_code or payment_method_code(shipment.order)
    to_collect = due if code == PaymentMethodCode.COD else 0
    return ParcelAmounts(due=due, to_collect=to_collect, method_code=code, goods=goods)


def with_parcel_amounts(shipments):
    """The shipments, each with `amounts` (ParcelAmounts), in one query for all their orders' payment methods.

    Each shipment's lines are counted as parcel_amounts counts them: read `shipments` with
    ShipmentQuerySet.with_her_totals, so that a list costs the same queries however long it is.
    """
    shipments = list(shipments)
    codes = payment_method_codes({shipment.order_id for shipment in shipments})
    for shipment in shipments:
        shipment.amounts = parcel_amounts(shipment, method_code=codes[shipment.order_id])
    return shipments


def _her_live_total(shipment, lines):
    """The price of her lines not cancelled."""
    if lines is not None:
        return sum(
            (
                line.line_price_incl_tax
                for line in lines
                if line.partner_id == shipment.seller_id and line.status != LineStatus.CANCELLED
            ),
            Decimal(0),
        )
    her_total = getattr(shipment, "her_total", None)
    if her_total is not None:
        return her_total
    return shipment.live_lines.aggregate(total=Sum("line_price_incl_tax"))["total"] or Decimal(0)
