from datetime import timedelta

from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.cache import cache_control
from django.views.generic import FormView
from oscar.apps.checkout import signals, views
from oscar.apps.checkout.exceptions import FailedPreCondition

from orders.emails import buyer_order_path
from orders.status import OrderStatus
from orders.tracking import buyer_shipments
from payments.instructions import order_payment_method
from payments.stripe.sessions import confirm_card_payment
from vietnam.geography import wards_of_province
from vietnam.phones import format_phone

from .forms import GatewayForm, PaymentMethodForm
from .mixins import choose_payment_method, chosen_payment_method
from .session import CheckoutSessionMixin, guest_phone, set_guest_contact


@method_decorator(cache_control(max_age=86400, public=True), name="dispatch")
class WardsView(View):
    """The communes and wards of a province, for the address form's second list (they rarely change)."""

    def get(self, request, province):
        return JsonResponse({"wards": wards_of_province(province)})


class IndexView(views.IndexView):
    """Checkout's first step: a guest gives her mobile number (and an email if she wants one), or logs in
    from its link; Oscar's three choices are one form. A logged-in buyer goes straight to the address."""

    form_class = GatewayForm

    def get_form_kwargs(self):
        kwargs = super(views.IndexView, self).get_form_kwargs()  # Oscar's own puts its email field's initial
        phone = guest_phone(self.checkout_session)
        if phone:
            kwargs["initial"] = {"phone": format_phone(phone), "email": self.checkout_session.get_guest_email()}
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["login_url"] = f"{reverse('customer:login')}?next={reverse('checkout:index')}"
        return context

    def form_valid(self, form):
        phone, email = form.cleaned_data["phone"], form.cleaned_data["email"]
        set_guest_contact(self.checkout_session, phone, email)
        signals.start_checkout.send_robust(sender=self, request=self.request, email=email)
        return redirect(self.get_success_url())


class ShippingAddressView(views.ShippingAddressView):
    """Oscar's address step; a guest's recipient phone starts as the number she gave on the first step."""

    def get_initial(self):
        initial = super().get_initial() or {}
        phone = guest_phone(self.checkout_session)
        if phone and not self.request.user.is_authenticated and not initial.get("phone_number"):
            initial = {**initial, "phone_number": format_phone(phone)}
        return initial


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
            context["payment_method"] = order_payment_method(order)
            context["order_url"] = buyer_order_path(order)
            context["parcels"] = parcels = buyer_shipments(order)
            for parcel in parcels:  # the order's day and the days its seller promises
                parcel.arrives_by = (order.date_placed + timedelta(days=parcel.seller.promised_days)).date()
        return context
