"""Orders taken through their real life for the ledger's tests: placed, paid, sent and delivered."""

from orders.fulfilment import accept_shipment, deliver_shipment, pack_shipment, ship_shipment
from orders.paying import mark_order_paid, payment_source
from orders.payment_methods import PaymentMethodCode
from orders.status import OrderStatus
from tests.factories import place_order


def prepaid_order(user, *purchases, method=PaymentMethodCode.VIETQR, **where):
    """An order placed for a transfer (or card), then paid in full, as the Union's "transfer received" does."""
    order = place_order(user, *purchases, **where)
    order.status = OrderStatus.PENDING_PAYMENT
    order.save(update_fields=["status"])
    payment_source(order, method)
    return mark_order_paid(order, amount=order.total_incl_tax, reference="FT2612", method_code=method)


def cash_order(user, *purchases, **where):
    """An order to be paid in cash on delivery (the default method)."""
    order = place_order(user, *purchases, **where)
    payment_source(order, PaymentMethodCode.COD)
    return order


def deliver(shipment):
    """Her parcel taken through accepted, packed, sent and delivered."""
    accept_shipment(shipment)
    pack_shipment(shipment)
    ship_shipment(shipment, carrier="Viettel Post", tracking_code="VTP123")
    return deliver_shipment(shipment)


def shipment_of(order, seller):
    return order.shipments.get(seller=seller)
