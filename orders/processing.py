"""Oscar's door for status, shipping and payment events (its dashboard calls it); here it opens on the order's verbs.

Oscar's EventHandler sets any status the pipeline allows and records shipping and payment
events of its own. Here an order's status follows its payment and its sellers' shipments, so
staff may only cancel an order (the whole cancel: shipments, stock, refund, emails); every other
move is refused with the reason. Sellers send their parcels from the portal, and payments arrive
through Stripe or "Transfer received", so Oscar's own shipping and payment events are refused too.
"""

from django.utils.translation import gettext as _
from oscar.apps.order import exceptions, processing

from .cancelling import cancel_order_by_staff
from .refusals import Refused
from .status import OrderStatus, status_label


class StatusChangeRefused(exceptions.InvalidOrderStatus):
    """A move of an order's status that no verb makes; the message says why, for staff."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class EventHandler(processing.EventHandler):
    """Oscar's event handler, whose every change goes through the order's verbs."""

    def handle_order_status_change(self, order, new_status, note_msg=None, reason=""):
        """Overrides Oscar's set-any-status: "Cancelled" cancels the whole order; any other move is refused."""
        if new_status == OrderStatus.CANCELLED:
            try:
                return cancel_order_by_staff(order, reason or "", by=self.user)
            except Refused as refused:
                raise StatusChangeRefused(refused.message) from refused
        raise StatusChangeRefused(
            _(
                "An order cannot be set to “%(status)s” by hand: it follows its payment and its sellers' parcels. "
                "Staff can only cancel it."
            )
            % {"status": status_label(new_status)}
        )

    def handle_shipping_event(self, order, event_type, lines, line_quantities, **kwargs):
        """Overrides Oscar's shipping events: each seller records her own parcel's steps in the seller portal."""
        raise exceptions.InvalidShippingEvent(_("Each seller records her parcel's steps in the seller portal."))

    def handle_payment_event(self, order, event_type, amount, lines=None, line_quantities=None, **kwargs):
        """Overrides Oscar's payment events: payments arrive through Stripe or “Transfer received”."""
        raise exceptions.InvalidPaymentEvent(
            _("Payments are recorded by Stripe, or with “Transfer received” for a bank transfer.")
        )
