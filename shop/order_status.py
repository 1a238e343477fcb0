"""An order's status, in one place: waiting for its payment, or following its sellers' shipments.

Oscar keeps an order's status as a string; these are the strings, in English (Oscar shows
`order.status` through `{% trans %}`-less templates, so templates use `status_label`).
"""

from django.utils.translation import gettext_lazy as _

PENDING_PAYMENT = "Pending payment"  # a card or bank-transfer order not paid yet: sellers do not see it
PLACED = "Placed"  # paid, or cash on delivery: sellers have it
IN_PROGRESS = "In progress"  # a seller has accepted or packed her part
SHIPPED = "Shipped"  # every part not cancelled has left
DELIVERED = "Delivered"  # every part not cancelled has arrived
CANCELLED = "Cancelled"  # every part cancelled, or the payment never came

LABELS = {
    PENDING_PAYMENT: _("Waiting for payment"),
    PLACED: _("Placed"),
    IN_PROGRESS: _("Being prepared"),
    SHIPPED: _("On its way"),
    DELIVERED: _("Delivered"),
    CANCELLED: _("Cancelled"),
}
