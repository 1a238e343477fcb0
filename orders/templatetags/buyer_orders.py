"""An order as its buyer sees it, for templates: its status in words, each seller's parcel, its payment.

Used by the customer's order pages, the anonymous order-status page, the confirmation email
and the checkout's thank-you page (through payments/partials/instructions.html).
"""

import base64

from django import template

from customer import parcels
from payments.instructions import payment_of
from shop import order_status
from vietnam.phones import format_phone

register = template.Library()


@register.filter
def status_label(order):
    """The order's status in words (shop.order_status.LABELS), in the page's language."""
    return order_status.LABELS.get(order.status, order.status)


@register.simple_tag
def parcels_of(order):
    """Each seller's parcel of the order (customer.parcels.Parcel)."""
    return parcels.parcels_of(order)


@register.simple_tag
def payment_instructions(order, method=None):
    """Where the order's payment stands (payments.instructions.Payment); `method` as checkout chose it."""
    return payment_of(order, method or None)


@register.filter
def png_data_uri(png_bytes):
    """PNG bytes as a data: URI, so a buyer on her phone can save the QR code for her banking app."""
    return "data:image/png;base64," + base64.b64encode(png_bytes).decode("ascii")


@register.filter
def address_lines(address):
    """A Vietnamese delivery address from the street to the province, without the recipient or country."""
    return [part for part in (address.line1, address.line2, address.line3, address.line4, address.state) if part]


@register.filter
def phone_display(phone_number):
    """A stored phone number as people write it: 0912 345 678."""
    return format_phone(phone_number.as_e164) if phone_number else ""
