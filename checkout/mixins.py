import logging

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from oscar.apps.checkout import mixins

from orders.emails import send_order_confirmation
from orders.guests import remember_guest_order
from orders.placing import OrderAlreadyPlaced, place_order
from payments.methods import CARD, COD, method_of
from payments.stripe.client import CardPaymentError
from payments.stripe.expiry import expire_when_due
from payments.stripe.sessions import pay_url, start_card_payment

PAYMENT_NAMESPACE = "payment"
logger = logging.getLogger(__name__)


def chosen_payment_method(checkout_session):
    """The method the buyer chose on the payment page (cash on delivery if none)."""
    return method_of(checkout_session._get(PAYMENT_NAMESPACE, "method") or COD)


def choose_payment_method(checkout_session, code):
    checkout_session._set(PAYMENT_NAMESPACE, "method", code)


class OrderPlacementMixin(mixins.OrderPlacementMixin):
    """Oscar's mixin; places an order with its stock locked, split by seller, before any payment."""

    def payment_method(self):
        return chosen_payment_method(self.checkout_session)

    def place_order(self, *args, **kwargs):
        """Oscar's placement, inside ours (orders.placing): stock locked and checked again, the total the same as
        the page showed, split by seller."""
        method = self.payment_method()
        kwargs.setdefault("status", method.initial_status)
        return place_order(
            lambda: super(OrderPlacementMixin, self).place_order(*args, **kwargs),
            basket=kwargs["basket"],  # Oscar passes every argument by name
            order_number=kwargs["order_number"],
            shipping_address=kwargs["shipping_address"],
            payment_method_code=method.code,
            total=kwargs["order_total"],
            total_seen=self.request.POST.get("total_seen"),  # the preview's form sends the total it showed
        )

    def handle_order_placement(self, *args, **kwargs):
        """Oscar's placement; a second "Đặt hàng" for the same basket shows the order the first one placed."""
        try:
            return super().handle_order_placement(*args, **kwargs)
        except OrderAlreadyPlaced as placed:
            basket = kwargs.get("basket") or args[2]  # Oscar's submit passes it third
            basket.submit()  # the first tap submitted it; this one must not thaw it
            self.checkout_session.flush()
            self.request.session["checkout_order_id"] = placed.order.id
            if not placed.order.user_id:  # this request's session may be the one saved last
                remember_guest_order(self.request.session, placed.order.number)
            return HttpResponseRedirect(self.get_success_url())

    def send_order_placed_email(self, order):
        """Our confirmation in place of Oscar's: each seller's part, how to pay; a card order's once paid.

        The order is committed by now: an email that cannot be made must not send her back to a
        basket that is already an order.
        """
        try:
            send_order_confirmation(order)
        except Exception:
            logger.exception("Order #%s: the confirmation email could not be sent", order.number)

    def handle_successful_order(self, order):
        """Oscar's thank-you; a card order goes to Stripe's payment page first."""
        method = self.payment_method()  # before Oscar flushes the checkout session
        if not order.user_id:  # her order's page opens on this device without asking who she is
            remember_guest_order(self.request.session, order.number)
        response = super().handle_successful_order(order)
        if method.code == CARD:
            expire_when_due(order)
            try:
                return HttpResponseRedirect(start_card_payment(self.request, order))
            except CardPaymentError as error:  # Stripe out of reach: the order waits, payable from its page
                messages.error(self.request, str(error))
                return HttpResponseRedirect(pay_url(order))
        return response

    def get_success_url(self):
        return reverse("checkout:thank-you")
