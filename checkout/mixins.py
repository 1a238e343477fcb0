import logging

from django.contrib import messages
from django.db import transaction
from django.http import HttpResponseRedirect
from django.urls import reverse
from oscar.apps.checkout import mixins

from payments.actions import payment_source
from payments.emails import send_order_confirmation
from payments.methods import CARD, COD, method_of
from sellers.fulfilment import notify_sellers_of_order, split_order_by_seller
from shop import order_status

from .placement import OrderAlreadyPlaced, check_delivery_address, lock_basket_and_stock

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
        """Oscar's placement, in one transaction with the basket and stock locked; split by seller."""
        method = self.payment_method()
        kwargs.setdefault("status", method.initial_status)
        with transaction.atomic():
            lock_basket_and_stock(kwargs["basket"], kwargs["order_number"])  # Oscar passes every argument by name
            check_delivery_address(kwargs["shipping_address"])
            order = super().place_order(*args, **kwargs)
            split_order_by_seller(order)
            payment_source(order, method.code)
            if order.status == order_status.PLACED:
                notify_sellers_of_order(order)  # sent once committed; a card or transfer order waits for its money
        return order

    def handle_order_placement(self, *args, **kwargs):
        """Oscar's placement; a second "Đặt hàng" for the same basket shows the order the first one placed."""
        try:
            return super().handle_order_placement(*args, **kwargs)
        except OrderAlreadyPlaced as placed:
            basket = kwargs.get("basket") or args[2]  # Oscar's submit passes it third
            basket.submit()  # the first tap submitted it; this one must not thaw it
            self.checkout_session.flush()
            self.request.session["checkout_order_id"] = placed.order.id
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
        response = super().handle_successful_order(order)
        if method.code == CARD:
            from payments.stripe import CardPaymentError, pay_url, start_card_payment

            try:
                return HttpResponseRedirect(start_card_payment(self.request, order))
            except CardPaymentError as error:  # Stripe out of reach: the order waits, payable from its page
                messages.error(self.request, str(error))
                return HttpResponseRedirect(pay_url(order))
        return response

    def get_success_url(self):
        return reverse("checkout:thank-you")
