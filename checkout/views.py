from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.cache import cache_control
from django.views.generic import FormView
from oscar.apps.checkout import views
from oscar.apps.checkout.exceptions import FailedPreCondition
from oscar.apps.checkout.session import CheckoutSessionMixin

from orders.status import OrderStatus
from payments.instructions import order_payment_method
from payments.stripe.sessions import confirm_card_payment
from vietnam.geography import wards_of_province

from .forms import PaymentMethodForm
from .mixins import choose_payment_method, chosen_payment_method


@method_decorator(cache_control(max_age=86400, public=True), name="dispatch")
class WardsView(View):
    """The communes and wards of a province, for the address form's second list (they rarely change)."""

    def get(self, request, province):
        return JsonResponse({"wards": wards_of_province(province)})


class PaymentMethodView(CheckoutSessionMixin, FormView):
    """Oscar's payment method step, which skips itself; here the buyer chooses how she pays."""

    pre_conditions = views.PaymentMethodView.pre_conditions
    skip_conditions = views.PaymentMethodView.skip_conditions
    template_name = "oscar/checkout/payment_method.html"
    form_class = PaymentMethodForm

    def get_initial(self):
        return {"method": chosen_payment_method(self.checkout_session).code}

    def form_valid(self, form):
        choose_payment_method(self.checkout_session, form.cleaned_data["method"])
        return redirect("checkout:preview")


class PaymentDetailsView(views.PaymentDetailsView):
    """Oscar's payment details and preview; no card form here (a card is paid on Stripe's page)."""

    def check_basket_is_not_empty(self, request):
        """Oscar's check; a late second tap on "Đặt hàng" (the basket is an order now) shows that order."""
        if request.basket.is_empty and request.session.get("checkout_order_id"):
            raise FailedPreCondition(url=reverse("checkout:thank-you"))
        super().check_basket_is_not_empty(request)

    def get(self, request, *args, **kwargs):
        if not self.preview:
            return redirect("checkout:preview")
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["payment_method"] = self.payment_method()  # OrderPlacementMixin's
        return context


class ThankYouView(views.ThankYouView):
    """Oscar's thank-you page, with each seller's shipment and how to pay."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        order = context.get("order")
        if order is not None and order.status == OrderStatus.PENDING_PAYMENT and self.request.GET.get("session_id"):
            # Back from Stripe: ask it, so the page is right even when its webhook is late.
            order = context["order"] = confirm_card_payment(order, self.request.GET["session_id"])
        if order is not None:
            context["shipments"] = order.shipments.select_related("seller")
            context["payment_method"] = order_payment_method(order)
        return context
