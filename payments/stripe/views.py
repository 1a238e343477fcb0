"""The Stripe webhook endpoint, and the page where a card order is paid (again)."""

import stripe
from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse, HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from oscar.core.loading import get_model

from orders.status import OrderStatus
from payments.methods import CARD

from .client import CardPaymentError
from .sessions import is_paid, is_pay_token, pay_url, payment_deadline, start_card_payment
from .webhook import UnreadableEvent, handle_event

Order = get_model("order", "Order")


@csrf_exempt
@require_POST
def stripe_webhook(request):
    """Stripe's events: a bad, missing or stale signature, or a signed event without its object, gets 400 and
    changes nothing."""
    try:
        event = stripe.Webhook.construct_event(
            request.body, request.headers.get("Stripe-Signature"), settings.STRIPE_WEBHOOK_SECRET
        )
    except (ValueError, stripe.SignatureVerificationError):
        return HttpResponseBadRequest()
    try:
        handle_event(event)
    except UnreadableEvent:  # signed, but without its object: logged by handle_event
        return HttpResponseBadRequest()
    return HttpResponse()


class PayView(View):
    """Where a card order is paid, or paid again after the buyer left Stripe's page (its cancel_url)."""

    template_name = "payments/stripe/pay.html"

    def dispatch(self, request, *args, number, **kwargs):
        self.order = get_object_or_404(Order, number=number, sources__source_type__code=CARD)
        if not self.may_pay(request):
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def may_pay(self, request):
        """Her own order, the order just placed in this browser, or a link with the order's token."""
        order = self.order
        return (
            (request.user.is_authenticated and order.user_id == request.user.pk)
            or request.session.get("checkout_order_id") == order.pk
            or is_pay_token(order, request.GET.get("t", ""))
        )

    def get(self, request, *args, **kwargs):
        order = self.order
        deadline = payment_deadline(order)
        context = {
            "order": order,
            "deadline": deadline,
            "paid": is_paid(order) and order.status != OrderStatus.CANCELLED,
            "payable": order.status == OrderStatus.PENDING_PAYMENT and timezone.now() < deadline,
            "cancelled": order.status == OrderStatus.CANCELLED,
        }
        return render(request, self.template_name, context)

    def post(self, request, *args, **kwargs):
        try:
            return HttpResponseRedirect(start_card_payment(request, self.order), status=303)
        except CardPaymentError as error:
            messages.error(request, str(error))
            return HttpResponseRedirect(pay_url(self.order), status=303)
