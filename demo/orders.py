"""Demo orders: the demo customer's baskets from several sellers, at every step of fulfilment.

They are placed as checkout places them (Oscar's OrderCreator: stock allocated, an order
number) and split by seller, so the seller portal opens on real work: new orders to accept,
one to send, one sent, two delivered (one paid by transfer, so her
"Tiền của tôi" shows a credit). Which orders, and where they go, is demo/data/orders.yaml.
"""

from datetime import timedelta
from functools import partial

from django.db import transaction
from django.utils import timezone
from oscar.apps.checkout.calculators import OrderTotalCalculator
from oscar.apps.order.utils import OrderCreator, OrderNumberGenerator
from oscar.core.loading import get_class, get_model

from orders.fulfilment import accept_shipment, deliver_shipment, pack_shipment, ship_shipment
from orders.paying import mark_order_paid, payment_source
from orders.placing import split_order_by_seller
from payments.methods import COD, VIETQR
from shipping.repository import Repository

Basket = get_model("basket", "Basket")
Product = get_model("catalogue", "Product")
ShippingAddress = get_model("order", "ShippingAddress")
Selector = get_class("partner.strategy", "Selector")


def fulfilment_steps(spec):
    """The moves of a shipment up to each `step` of orders.yaml, shipping by its carrier."""
    ship = partial(ship_shipment, carrier=spec.carrier, tracking_code=spec.tracking_code)
    return {
        "new": [],
        "accepted": [accept_shipment],
        "shipped": [accept_shipment, pack_shipment, ship],
        "delivered": [accept_shipment, pack_shipment, ship, deliver_shipment],
    }


def load_orders(customer, spec, report):
    """The demo customer's orders of orders.yaml (`spec`), once: a second run finds she has orders and adds none."""
    if customer.orders.exists():
        report(f"Orders: {customer.orders.count()} (exist)")
        return
    steps = fulfilment_steps(spec)
    for number, wanted in enumerate(spec.orders, 1):
        lines = [(Product.objects.get(upc=line.sku), line.quantity) for line in wanted.lines]
        order = place_order(customer, lines, spec.deliver_to, timezone.now() - timedelta(days=wanted.days_ago, hours=2))
        if wanted.paid_by == VIETQR:
            # The Union has received the transfer (the order was placed as released to its sellers, so none is
            # emailed): a delivered parcel of it is credited to its seller's ledger, less Decree 117's withholding.
            payment_source(order, VIETQR)
            mark_order_paid(order, amount=order.total_incl_tax, reference="FT-DEMO", method_code=VIETQR)
        else:
            payment_source(order, COD)
        first_seller = lines[0][0].seller
        for move in steps[wanted.step]:
            move(order.shipments.get(seller=first_seller))
        report(f"Orders {number}/{len(spec.orders)}: {order.number} ({wanted.step} for {first_seller.name}, created)")


@transaction.atomic
def place_order(customer, lines, deliver_to, placed):
    basket = Basket.objects.create(owner=customer)
    basket.strategy = Selector().strategy(user=customer)
    for product, quantity in lines:
        basket.add_product(product, quantity)
    address = ShippingAddress.objects.create(
        first_name=customer.first_name,
        line1=deliver_to.line1,
        line4=deliver_to.line4,
        state=deliver_to.state,
        country_id="VN",
        phone_number=customer.phone,
        notes=deliver_to.notes,
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
    return order
