"""Placing an order so that stock is never oversold and an order is never placed twice.

Runs inside the transaction that creates the order (checkout/mixins.py): the basket's row
is locked first, so a double-submitted "Đặt hàng" waits and then finds its order; then the
stock records, always in pk order, so two buyers of the last units queue up instead of both
succeeding (Oscar checks availability earlier, without a lock: django-oscar#4524). The delivery
address is checked there too: an address saved before its form asked for a listed province and
a phone number could still be chosen at checkout.
"""

from collections import Counter

from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from oscar.apps.order.exceptions import UnableToPlaceOrder
from oscar.core.loading import get_model

from sellers.fulfilment import lock_stock_of_basket
from vietnam.geography import province_code_by_name

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")


class OrderAlreadyPlaced(Exception):
    """The basket's order exists: this is a second "Đặt hàng" for the same basket."""

    def __init__(self, order):
        super().__init__(order.number)
        self.order = order


class SoldOut(UnableToPlaceOrder):
    """Someone bought the last units first; says which products and how many are left."""


def lock_basket_and_stock(basket, order_number):
    """Lock what this order will take, or raise OrderAlreadyPlaced / SoldOut."""
    Basket.objects.select_for_update().filter(pk=basket.pk).first()
    existing = Order.objects.filter(number=order_number).first()
    if existing is not None:
        raise OrderAlreadyPlaced(existing)
    records = lock_stock_of_basket(basket)
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
