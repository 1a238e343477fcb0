"""Setting each seller's shipping fee of an order placed in a test, the order's totals following."""

from decimal import Decimal


def charge_fees(order, *fees):
    """Give the order's shipments (in the order they were made) these fees, in đồng; the order's
    shipping and total change with them, as checkout would have written them."""
    shipments = list(order.shipments.order_by("pk"))
    fees = [Decimal(fee) for fee in fees]
    for shipment, fee in zip(shipments, fees, strict=True):
        shipment.shipping_charge = fee
        shipment.save(update_fields=["shipping_charge"])
    shipping = sum(fees, Decimal(0))
    products_incl_tax, products_excl_tax = order.basket_total_incl_tax, order.basket_total_excl_tax
    order.shipping_incl_tax = order.shipping_excl_tax = shipping
    order.total_incl_tax = products_incl_tax + shipping
    order.total_excl_tax = products_excl_tax + shipping
    order.save(update_fields=["shipping_incl_tax", "shipping_excl_tax", "total_incl_tax", "total_excl_tax"])
    return order
