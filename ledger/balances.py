"""A seller's money as she reads it: her balance, what is on its way to her, and each entry in plain words."""

from decimal import Decimal
from typing import NamedTuple

from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from orders.amounts import with_parcel_amounts
from orders.status import OrderStatus, ShipmentStatus

from .crediting import collected_by, net, parcel_entries
from .models import CollectedBy, Entry, EntryKind

Shipment = get_model("order", "Shipment")


def balance(seller):
    """What the marketplace owes her now, in đồng: what it collected for her delivered parcels, less
    commission, withholding, reversals and payouts, plus or minus staff's corrections."""
    return Entry.objects.filter(seller=seller).owed().total()


class OnTheWay(NamedTuple):
    parcels: int
    amount: int  # what they will add to her balance once delivered, after commission and withholding


def on_the_way(seller):
    """Her parcels not delivered yet whose money the marketplace holds (or will): how many, and what they
    will make hers. Two queries, however many parcels."""
    shipments = (
        Shipment.objects.of(seller)
        .exclude(status__in=(ShipmentStatus.DELIVERED, ShipmentStatus.CANCELLED))
        .exclude(order__status=OrderStatus.CANCELLED)
        .with_her_totals()
    )
    parcels, amount = 0, 0
    for shipment in with_parcel_amounts(shipments):
        holder = collected_by(shipment.amounts.method_code)
        if holder != CollectedBy.MARKETPLACE:
            continue
        planned = parcel_entries(goods=shipment.amounts.goods, fee=shipment.amounts.fee, seller=seller, holder=holder)
        parcels, amount = parcels + 1, amount + net(planned)
    return OnTheWay(parcels, amount)


def percent(rate):
    """0.005 as "0,5 %" (in the active language's way of writing numbers)."""
    value = Decimal(rate) * 100
    value = value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()
    return _("%(rate)s %%") % {"rate": number_format(value, use_l10n=True)}


def describe(entry):
    """The entry in her words: "Đơn 100012 đã giao", "Thuế GTGT khấu trừ 1 %", "Hội chuyển khoản ngày 5/12"."""
    number = entry.order.number if entry.order_id else ""
    kind = entry.reverses.kind if entry.kind == EntryKind.REVERSAL and entry.reverses_id else entry.kind
    if entry.kind == EntryKind.REVERSAL:
        what = _describe(kind, entry, number)
        return _("Refunded to the buyer: %(what)s") % {"what": what}
    if entry.kind == EntryKind.PAYOUT:
        day = date_format(timezone.localtime(entry.created_at), "j/n")  # her day, in Cao Bằng
        return _("Paid to you by the Union on %(date)s") % {"date": day}
    if entry.kind == EntryKind.CORRECTION:
        return _("Correction by the Union: %(reason)s") % {"reason": entry.reason}
    return _describe(kind, entry, number)


def _describe(kind, entry, number):
    if kind == EntryKind.SALE:
        if entry.collected_by == CollectedBy.SELLER:
            return _("Order %(number)s delivered (cash you collected)") % {"number": number}
        return _("Order %(number)s delivered") % {"number": number}
    if kind == EntryKind.SHIPPING_FEE:
        return _("Shipping fee of order %(number)s") % {"number": number}
    if kind == EntryKind.COMMISSION:
        return _("Commission %(rate)s, order %(number)s") % {"rate": percent(entry.rate), "number": number}
    if kind == EntryKind.VAT_WITHHELD:
        return _("VAT withheld %(rate)s, order %(number)s") % {"rate": percent(entry.rate), "number": number}
    if kind == EntryKind.PIT_WITHHELD:
        return _("Income tax withheld %(rate)s, order %(number)s") % {"rate": percent(entry.rate), "number": number}
    return str(EntryKind(kind).label)


def entries_of(seller):
    """Her entries, newest first, with what `describe` reads (the order's number, the kind a reversal undoes)."""
    return Entry.objects.filter(seller=seller).select_related("order", "reverses").order_by("-created_at", "-pk")


def described(entries):
    """The entries (a page of entries_of, say), each with `description`, in one query."""
    entries = list(entries)
    for entry in entries:
        entry.description = describe(entry)
    return entries


def statement(seller, limit=None):
    """Her entries, newest first (the newest `limit`), each with `description`; one query."""
    entries = entries_of(seller)
    return described(entries[:limit] if limit else entries)


def rates():
    """The rates every statement shows: the commission, and the withholding for household sellers."""
    return {
        "commission": percent(settings.MARKETPLACE_COMMISSION_RATE),
        "vat": percent(settings.TAX_WITHHOLDING_VAT_RATE),
        "pit": percent(settings.TAX_WITHHOLDING_PIT_RATE),
        "withholding": percent(settings.TAX_WITHHOLDING_VAT_RATE + settings.TAX_WITHHOLDING_PIT_RATE),
    }
