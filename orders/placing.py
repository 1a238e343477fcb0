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
"""

from collections import Counter

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from oscar.apps.order.exceptions import UnableToPlaceOrder
from oscar.core.loading import get_model

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


def place_order(create_order, *, basket, order_number, shipping_address, payment_method_code):
    """Place the basket's order: lock, check again, `create_order()` (Oscar's OrderCreator), split, record.

    Returns the order. Raises OrderAlreadyPlaced for a second tap, SoldOut or UnableToPlaceOrder
    (with a message for the buyer) when it cannot be placed; nothing is saved then. Sellers are
    emailed once it commits, if the order is theirs already (cash on delivery).
    """
    with transaction.atomic():
        lock_basket_and_stock(basket, order_number)
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
