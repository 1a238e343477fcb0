"""What a delivered parcel makes hers, and what a refund of it takes back.

When her parcel is delivered (orders.signals.shipment_delivered), its money becomes hers: her
lines not cancelled (a sale) and her shipping fee. If the marketplace collected that money (a
VietQR transfer, a card, or cash its carriers remit to it), it now owes it to her, less the
commission and, for a household or individual seller, the tax Decree 117/2025/NĐ-CP has the
platform withhold on the goods' value (VAT and personal income tax, each an entry of its own).
Cash her carrier handed to her is written down too, for the figures, but owes her nothing: the
marketplace never held it, so it withholds and charges nothing on it either.

A refund of a delivered parcel (orders.signals.shipment_refunded) writes the reversal of each of
its entries, the withholding included (the Decree offsets tax withheld on a returned sale).
"""

from decimal import ROUND_HALF_UP, Decimal
from typing import NamedTuple

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from orders.amounts import parcel_amounts
from orders.payment_methods import PaymentMethodCode

from .models import PARCEL_KINDS, CollectedBy, Entry, EntryKind


class Planned(NamedTuple):
    """An entry a parcel makes, before it is written."""

    kind: str
    amount: int
    base: int | None = None
    rate: Decimal | None = None


def collected_by(method_code):
    """Who holds the buyer's money for an order paid this way."""
    if method_code != PaymentMethodCode.COD:
        return CollectedBy.MARKETPLACE
    remitted_to = settings.CASH_ON_DELIVERY_REMITTED_TO
    if remitted_to not in ("seller", "marketplace"):
        raise ImproperlyConfigured('CASH_ON_DELIVERY_REMITTED_TO is "seller" or "marketplace".')
    return CollectedBy.MARKETPLACE if remitted_to == "marketplace" else CollectedBy.SELLER


def share(amount, rate):
    """`rate` of `amount` đồng, rounded to the nearest đồng (half up), as the tax office counts."""
    return int((Decimal(amount) * Decimal(rate)).quantize(Decimal(1), ROUND_HALF_UP))


def withholds_tax(seller):
    """Decree 117 has the platform withhold for household and individual sellers, not cooperatives or companies."""
    return seller.kind == seller.Kind.HOUSEHOLD


def parcel_entries(*, goods, fee, seller, holder):
    """The entries a delivered parcel of `goods` đồng of her products and `fee` đồng of shipping makes."""
    planned = [Planned(EntryKind.SALE, goods)]
    if fee:
        planned.append(Planned(EntryKind.SHIPPING_FEE, fee))
    if holder != CollectedBy.MARKETPLACE or goods <= 0:
        return planned
    charges = [(EntryKind.COMMISSION, settings.MARKETPLACE_COMMISSION_RATE)]
    if withholds_tax(seller):
        charges += [
            (EntryKind.VAT_WITHHELD, settings.TAX_WITHHOLDING_VAT_RATE),
            (EntryKind.PIT_WITHHELD, settings.TAX_WITHHOLDING_PIT_RATE),
        ]
    for kind, rate in charges:
        if rate and share(goods, rate):
            planned.append(Planned(kind, -share(goods, rate), base=goods, rate=Decimal(rate)))
    return planned


def net(planned):
    """What the entries leave her, in đồng."""
    return sum(entry.amount for entry in planned)


def credit_delivered_shipment(sender, shipment, by=None, **kwargs):
    """Receiver of orders.signals.shipment_delivered: write what the delivered parcel makes hers, once."""
    if shipment.ledger_entries.exists():
        return []
    amounts = parcel_amounts(shipment)
    holder = collected_by(amounts.method_code)
    planned = parcel_entries(goods=amounts.goods, fee=amounts.fee, seller=shipment.seller, holder=holder)
    return [
        Entry.objects.create(
            seller=shipment.seller,
            kind=entry.kind,
            amount=entry.amount,
            base=entry.base,
            rate=entry.rate,
            collected_by=holder,
            order=shipment.order,
            shipment=shipment,
            created_by=by if getattr(by, "is_authenticated", False) else None,
        )
        for entry in planned
    ]


def reverse_refunded_shipment(sender, shipment, reason="", by=None, **kwargs):
    """Receiver of orders.signals.shipment_refunded: undo each entry of the parcel not undone yet."""
    originals = shipment.ledger_entries.filter(kind__in=PARCEL_KINDS, reversal=None)
    return [
        Entry.objects.create(
            seller=original.seller,
            kind=EntryKind.REVERSAL,
            amount=-original.amount,
            base=original.base,
            rate=original.rate,
            collected_by=original.collected_by,
            order=original.order,
            shipment=shipment,
            reverses=original,
            reason=reason,
            created_by=by if getattr(by, "is_authenticated", False) else None,
        )
        for original in originals.order_by("pk")
    ]
