"""How an order is paid, for templates: where its payment stands and what the buyer is to do."""

import base64

from django import template

from payments.instructions import payment_of

register = template.Library()


@register.simple_tag
def payment_instructions(order, method=None):
    """Where the order's payment stands (payments.instructions.Payment); `method` as checkout chose it."""
    return payment_of(order, method or None)


@register.filter
def cash_parcels(shipments):
    """The shipments whose carrier collects cash from the buyer (`amounts` of orders.tracking.buyer_shipments)."""
    return [shipment for shipment in shipments if shipment.amounts.to_collect]


@register.filter
def png_data_uri(png_bytes):
    """PNG bytes as a data: URI, so a buyer on her phone can save the QR code for her banking app."""
    return "data:image/png;base64," + base64.b64encode(png_bytes).decode("ascii")
