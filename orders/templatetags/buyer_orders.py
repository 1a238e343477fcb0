"""An order as its buyer sees it, for templates: its status in words, each seller's shipment, its address.

Used by the customer's order pages, the anonymous order-status page, the confirmation email and
the checkout's thank-you page. How the order is paid comes from payments' `payment_instructions`.
"""

from django import template

from orders import status, tracking
from vietnam.phones import format_phone

register = template.Library()


@register.filter
def status_label(order):
    """The order's status in words, in the page's language."""
    return status.status_label(order.status)


@register.filter
def status_word(text):
    """An order's or a line's status as stored ("Cancelled"), in the page's language; an unknown one as it is."""
    return status.status_label(text) if text else text


@register.simple_tag
def buyer_shipments(order):
    """The order's shipments, each with its lines and progress in the buyer's words (orders.tracking)."""
    return tracking.buyer_shipments(order)


@register.filter
def address_lines(address):
    """A Vietnamese delivery address from the street to the province, without the recipient or country."""
    return [part for part in (address.line1, address.line2, address.line3, address.line4, address.state) if part]


@register.filter
def phone_display(phone_number):
    """A stored phone number as people write it: 0912 345 678."""
    return format_phone(phone_number.as_e164) if phone_number else ""
