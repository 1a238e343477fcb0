"""Demo orders: the demo customer's baskets from several sellers, at every step of fulfilment.

They are placed as checkout places them (Oscar's OrderCreator: stock allocated, an order
number) and split by seller, so the seller portal opens on real work: new orders to accept,
one to send, one sent, one delivered.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from oscar.apps.checkout.calculators import OrderTotalCalculator
from oscar.apps.order.utils import OrderCreator, OrderNumberGenerator
from oscar.core.loading import get_class, get_model

from orders.fulfilment import accept_shipment, deliver_shipment, pack_shipment, ship_shipment
from orders.paying import payment_source
from orders.placing import split_order_by_seller
from payments.methods import COD
from shipping.repository import Repository

Basket = get_model("basket", "Basket")
ShippingAddress = get_model("order", "ShippingAddress")
Selector = get_class("partner.strategy", "Selector")

# (days ago, [(seller, product, quantity)], how far the first seller got), where a seller is her
# position in the demo content (0: the demo seller who logs in with 0912 345 601) and a product
# its position among hers.
ORDERS = [
    (12, [(0, 0, 2), (1, 0, 1)], "delivered"),
    (3, [(0, 1, 1), (2, 0, 2)], "shipped"),
    (1, [(0, 0, 1)], "accepted"),
    (0, [(0, 2, 3), (1, 1, 1), (3, 0, 1)], "new"),
]


def ship_by_post(shipment):
    return ship_shipment(shipment, carrier="Viettel Post", tracking_code="VTP2611270042")


STEPS = {
    "new": [],
    "accepted": [accept_shipment],
    "shipped": [accept_shipment, pack_shipment, ship_by_post],
    "delivered": [accept_shipment, pack_shipment, ship_by_post, deliver_shipment],
}


def load_orders(customer, partners, report):
    """The demo customer's four orders, once: a second run finds she has orders and adds none."""
    if customer.orders.exists():
        report(f"Orders: {customer.orders.count()} (exist)")
        return
    sellers = list(partners.values())
    for number, (days_ago, purchases, step) in enumerate(ORDERS, 1):
        lines = []
        for seller_index, product_index, quantity in purchases:
            products = sellers[seller_index].products.filter(is_public=True).order_by("pk")
            lines.append((products[product_index], quantity))
        order = place_order(customer, lines, placed=timezone.now() - timedelta(days=days_ago, hours=2))
        first_seller = sellers[purchases[0][0]]
        for move in STEPS[step]:
            move(order.shipments.get(seller=first_seller))
        report(f"Orders {number}/{len(ORDERS)}: {order.number} ({step} for {first_seller.name}, created)")


@transaction.atomic
def place_order(customer, lines, placed):
    basket = Basket.objects.create(owner=customer)
    basket.strategy = Selector().strategy(user=customer)
    for product, quantity in lines:
        basket.add_product(product, quantity)
    address = ShippingAddress.objects.create(
        first_name=customer.first_name,
        line1="Số 18 ngõ 45 phố Trần Quốc Toản",
        line4="Phường Cửa Nam",
        state="Thành phố Hà Nội",
        country_id="VN",
        phone_number=customer.phone,
        notes="Gọi trước khi giao, giờ hành chính.",
    )
    shipping = Repository().get_default_shipping_method(basket=basket, shipping_addr=address)
    charge = shipping.calculate(basket)
    order = OrderCreator().place_order(
        basket=basket,
        total=OrderTotalCalculator().calculate(basket, charge),
        shipping_method=shipping,
        shipping_charge=charge,
        user=customer,
        shipping_address=address,
        order_number=OrderNumberGenerator().order_number(basket),
        date_placed=placed,
    )
    basket.submit()
    split_order_by_seller(order)
    payment_source(order, COD)
    return order
