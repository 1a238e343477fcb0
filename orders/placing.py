"""Placing an order so that stock is never oversold, an order is never placed twice, and each seller
gets her part.

`place_order` is the whole placement, in one transaction: the basket's row is locked first, so a
double-submitted "Đặt hàng" waits and then finds its order; then the stock records, always in pk
order, so two buyers of the last units queue up instead of both succeeding (Oscar checks
availability earlier, without a lock: django-oscar#4524), and what is left is checked again. The
delivery address is checked there too: an address saved before its form asked for a listed
province and a phone number could still be chosen. Then Oscar creates the order (allocating the
stock), which is split into one shipment per seller with her shipping fee, and the payment method
is recorded. Nothing is paid yet: a card or transfer order waits for its money (orders/paying.py).

The order's total must be the one the buyer saw on the page where she tapped "Đặt hàng": a seller
who changed a price (or a fee) after the preview was shown would otherwise charge her silently.
"""

from collections import Counter
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from oscar.apps.order.exceptions import UnableToPlaceOrder
from oscar.core.loading import get_model
from oscar.templatetags.currency_filters import currency

from shipping.fees import order_fees
from vietnam.geography import province_code_by_name

from .emails import notify_sellers_of_order
from .locking import lock_basket, lock_stock_of_lines
from .paying import payment_source
from .status import OrderStatus

Order = get_model("order", "Order")
Shipment = get_model("order", "Shipment")


class OrderAlreadyPlaced(Exception):
    """The basket's order exists: this is a second "Đặt hàng" for the same basket."""

    def __init__(self, order):
        super().__init__(order.number)
        self.order = order


class SoldOut(UnableToPlaceOrder):
    """Someone bought the last units first; says which products and how many are left."""


class TotalChanged(UnableToPlaceOrder):
    """The order's total is not the one the buyer was shown; says the new one, so she can agree to it."""


def place_order(create_order, *, basket, order_number, shipping_address, payment_method_code, total, total_seen):
    """Place the basket's order: lock, check again, `create_order()` (Oscar's OrderCreator), split, record.

    `total` is the order's total (Oscar's Price) and `total_seen` what the page she tapped "Đặt hàng"
    on showed (text, as her form sent it; None when it sent none). Returns the order. Raises
    OrderAlreadyPlaced for a second tap, SoldOut, TotalChanged or UnableToPlaceOrder (with a message
    for the buyer) when it cannot be placed; nothing is saved then. Sellers are emailed once it
    commits, if the order is theirs already (cash on delivery).
    """
    with transaction.atomic():
        lock_basket_and_stock(basket, order_number)
        check_total_seen(total, total_seen)
        check_delivery_address(shipping_address)
        order = create_order()
        split_order_by_seller(order)
        payment_source(order, payment_method_code)
        if order.status == OrderStatus.PLACED:
            notify_sellers_of_order(order)  # a card or transfer order waits for its money
    return order


def lock_basket_and_stock(basket, order_number):
    """Lock what this order will take, or raise OrderAlreadyPlaced / SoldOut."""
    lock_basket(basket)
    existing = Order.objects.filter(number=order_number).first()
    if existing is not None:
        raise OrderAlreadyPlaced(existing)
    records = lock_stock_of_lines(basket.all_lines())
    wanted = Counter()
    titles = {}
    for line in basket.all_lines():
        if line.stockrecord_id:
            wanted[line.stockrecord_id] += line.quantity
            titles[line.stockrecord_id] = line.product.get_title()
    short = []
    for record_id, quantity in wanted.items():
        record = records[record_id]
        left = max(record.net_stock_level, 0) if record.can_track_allocations else quantity
        if quantity > left:
            short.append((titles[record_id], left))
    if short:
        raise SoldOut(" ".join(sold_out_message(title, left) for title, left in short))


def check_total_seen(total, total_seen):
    """Raise TotalChanged unless `total_seen` (what her page showed) is the order's total, to the đồng."""
    try:
        seen = Decimal(total_seen)
    except (TypeError, InvalidOperation):
        seen = None
    if seen is not None and seen.is_finite() and seen == total.incl_tax:
        return
    now = currency(total.incl_tax, total.currency)
    if seen is None or not seen.is_finite():
        raise TotalChanged(_("Check your order's total, %(now)s, then tap Place order again.") % {"now": now})
    raise TotalChanged(
        _(
            "A price changed since this page was shown: your order's total is now %(now)s, not %(seen)s. "
            "Nothing was ordered. Check the order below, then tap Place order again."
        )
        % {"now": now, "seen": currency(seen, total.currency)}
    )


def check_delivery_address(shipping_address):
    """Refuse an address the shipping fee cannot be worked out for, or the courier cannot call.

    The address forms (address/forms.py) ask for both, but an address book can hold older
    addresses (a typed "Hà Nội" is not "Thành phố Hà Nội"). No address: nothing to deliver.
    """
    if shipping_address is None:
        return
    problems = []
    if province_code_by_name(shipping_address.state) is None:
        problems.append(_("The delivery address has no province we know: change the address."))
    if not shipping_address.phone_number:
        problems.append(_("The delivery address has no phone number: change the address."))
    if problems:
        raise UnableToPlaceOrder(" ".join(problems))


def sold_out_message(title, left):
    if left == 0:
        return _("“%(title)s” has just sold out.") % {"title": title}
    return ngettext(
        "Only %(left)s “%(title)s” is left: change the quantity in your basket.",
        "Only %(left)s “%(title)s” are left: change the quantity in your basket.",
        left,
    ) % {"title": title, "left": left}


def split_order_by_seller(order):
    """One shipment for each seller with lines in the order, with her shipping fee; call it inside the
    order's transaction (the fee is the one checkout charged from the same delivery zones).

    Running it again for the same order makes nothing new.
    """
    fees = {seller.pk: fee.charge for seller, fee in order_fees(order).items()} if order.shipping_address_id else {}
    seller_ids = sorted(set(order.lines.exclude(partner=None).values_list("partner_id", flat=True)))
    return [
        Shipment.objects.get_or_create(
            order=order, seller_id=seller_id, defaults={"shipping_charge": fees.get(seller_id, 0)}
        )[0]
        for seller_id in seller_ids
    ]
