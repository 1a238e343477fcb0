import logging

from django.conf import settings
from django.contrib import messages
from django.db.models import Count, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext_lazy
from django.views import generic
from oscar.apps.customer import views
from oscar.core.loading import get_model
from oscar.views.generic import PostActionMixin

from orders.cancelling import can_be_cancelled_by_buyer, cancel_order_by_buyer
from orders.emails import buyer_order_path
from orders.guests import (
    LOOKED_UP,
    PLACED_HERE,
    count_wrong_lookup,
    guest_contact_matches,
    lookup_locked,
    remember_guest_order,
    remembers_guest_order,
)
from orders.refusals import Refused
from payments.instructions import payment_of
from sellers.portal.access import seller_home_for
from users.landing import staff_home_for
from users.ratelimits import SubmissionLimitMixin, refused_as_too_frequent
from users.views import ask_to_verify_phone

from .forms import GuestOrderForm

logger = logging.getLogger(__name__)

Line = get_model("order", "Line")
Order = get_model("order", "Order")
Shipment = get_model("order", "Shipment")


TOO_MANY_ACCOUNTS = ngettext_lazy(
    "Too many accounts were made from this connection. Please try again in %(minutes)d minute.",
    "Too many accounts were made from this connection. Please try again in %(minutes)d minutes.",
    "minutes",
)


class AccountRegistrationView(SubmissionLimitMixin, views.AccountRegistrationView):
    """Oscar's registration page; so many new accounts an hour from one address."""

    submission_limit = "registration"
    too_frequent_message = TOO_MANY_ACCOUNTS


class AccountAuthView(views.AccountAuthView):
    """Oscar's login and registration page; union staff land on their home in /cms/, a seller in her shop,
    not in Oscar's dashboard or her customer account. Its registration is limited as the registration page's."""

    def validate_registration_form(self):
        """Oscar's, but past the limit of new accounts from her address the form comes back, as she typed it."""
        form = self.get_registration_form(bind_data=True)
        if form.is_valid() and refused_as_too_frequent(self.request, form, "registration", TOO_MANY_ACCOUNTS):
            return self.render_to_response(self.get_context_data(registration_form=form))
        return super().validate_registration_form()

    def get_login_success_message(self, form):
        """Oscar's "Welcome back", but not on her first login: a new seller is welcomed to her shop."""
        if not form.first_login:
            return super().get_login_success_message(form)
        if seller_home_for(self.request.user):
            return _("Welcome to your shop!")
        return _("Welcome!")

    def get_login_success_url(self, form):
        """The page asked for; else the staff's home, Oscar's choice for other staff, or her shop for a seller."""
        user = self.request.user
        if form.cleaned_data["redirect_url"]:
            return super().get_login_success_url(form)
        home = staff_home_for(user) or (None if user.is_staff else seller_home_for(user))
        return home or super().get_login_success_url(form)

    def get_registration_success_url(self, form):
        """Oscar's; first, with a number given, the page for the code sent to it (it counts once verified)."""
        url = super().get_registration_success_url(form)
        user = self.request.user
        return ask_to_verify_phone(self.request, user, then=url) if user.phone else url


class ProfileUpdateView(views.ProfileUpdateView):
    """Oscar's profile form; a new mobile number goes on to the page for the code sent to it."""

    def get_success_url(self):
        """Oscar's (her profile), after the code page when her number is not verified."""
        url, user = super().get_success_url(), self.request.user
        return ask_to_verify_phone(self.request, user, then=url) if user.phone and not user.phone_verified_at else url


class LogoutView(views.LogoutView):
    """Oscar's logout, by POST only: any link or image could open the address, so a GET only asks."""

    template_name = "oscar/customer/logout.html"

    def get(self, request, *args, **kwargs):
        """A page with a "Log out" button, instead of Oscar's logging out; a visitor goes home."""
        if not request.user.is_authenticated:
            return redirect(settings.OSCAR_HOMEPAGE)
        return TemplateResponse(request, self.template_name, {"page_title": _("Log out")})

    def post(self, request, *args, **kwargs):
        """Oscar's logout (its GET): the session and Oscar's cookies go, then the home page."""
        return super().get(request, *args, **kwargs)


class OrderHistoryView(views.OrderHistoryView):
    """Oscar's order history; each order with its parcels and items counted in the list's one query."""

    page_title = gettext_lazy("My orders")

    def get_queryset(self):
        """Her orders, newest first, each with `shipment_count` and `item_count`."""
        shipments = Shipment.objects.filter(order=OuterRef("pk")).values("order").annotate(n=Count("pk")).values("n")
        items = Line.objects.filter(order=OuterRef("pk")).values("order").annotate(n=Sum("quantity")).values("n")
        return (
            super()
            .get_queryset()
            .annotate(
                shipment_count=Coalesce(Subquery(shipments), 0),
                item_count=Coalesce(Subquery(items), 0),
            )
            .order_by("-date_placed", "-pk")
        )


class OrderLineView(views.OrderLineView):
    """Oscar's line of one of her orders (to buy it again); another order's line id is a 404, not Oscar's 500."""

    def get_object(self, queryset=None):
        """Oscar's lookup, whose .get() let Line.DoesNotExist out of a line that is not this order's."""
        try:
            return super().get_object(queryset)
        except Line.DoesNotExist:
            logger.warning(
                "Order %s has no line %s (asked by user %s)",
                self.kwargs["order_number"],
                self.kwargs["line_id"],
                self.request.user.pk,
            )
            raise Http404 from None


class BuyerCancelMixin:
    """Cancelling the whole order from its page while nothing is packed (orders/cancelling.py)."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_cancel"] = can_be_cancelled_by_buyer(self.object)
        context["cancel_url"] = self.request.path
        return context

    def do_cancel(self, order):
        """Oscar's PostActionMixin calls this for a POST with action=cancel."""
        try:
            order = cancel_order_by_buyer(order, self.request.POST.get("reason", "")[:500])
        except Refused as refused:
            messages.error(self.request, refused.message)
        else:
            payment = payment_of(order)
            if payment.is_card and payment.amount_paid > 0:
                message = _("Order #%(number)s is cancelled; the money will be refunded to your card.")
            else:
                message = _("Order #%(number)s is cancelled. Its products are back on sale.")
            messages.success(self.request, message % {"number": order.number})
        self.response = redirect(self.request.path)


class OrderDetailView(BuyerCancelMixin, views.OrderDetailView):
    """Oscar's page of one of her orders (another customer's is a 404); it can also cancel it."""


TOO_MANY_LOOKUPS = ngettext_lazy(
    "Too many orders were looked up from this connection. Please try again in %(minutes)d minute.",
    "Too many orders were looked up from this connection. Please try again in %(minutes)d minutes.",
    "minutes",
)


LOOKUPS_LOCKED = gettext_lazy(
    "This order number or this phone number or email was typed wrongly too many times today, so it cannot be "
    "looked up again until tomorrow. Please try again tomorrow, or call the seller to ask about the order."
)


class GuestOrderMixin:
    """A guest's order opens on the device she ordered it on, or once she has given its number and the phone
    number (or email) she ordered with there: that device remembers it (orders/guests.py), so she is asked once.
    The private link (Oscar's, with the order's signed number) is not enough on its own: it can be forwarded.
    `remembered_how` says how this device knows it (orders.guests.PLACED_HERE or LOOKED_UP)."""

    remembered_how = None

    def get_object(self, queryset=None):
        number = self.kwargs.get("order_number")
        order = Order.objects.filter(user=None, number=number).first()
        if order is None or not order.check_verification_hash(self.kwargs.get("hash", "")):
            return None
        self.remembered_how = remembers_guest_order(self.request.session, order.number)
        return order if self.remembered_how else None


class AnonymousOrderFormView(generic.FormView):
    """Finding a guest's order: its number and her phone number or email, asked once on a device. So many wrong
    lookups a day for one contact or one order number, from any address, lock them until the next day
    (orders/guests.py), besides the lookups a day from one address (SUBMISSION_LIMITS)."""

    form_class = GuestOrderForm
    template_name = "oscar/customer/anon_order_form.html"

    def get(self, request, *args, **kwargs):
        order = GuestOrderMixin.get_object(self)
        if order is not None:  # this device knows her already
            return redirect(buyer_order_path(order))
        return super().get(request, *args, **kwargs)

    def get_initial(self):
        return {"number": self.kwargs.get("order_number", "")}

    def get_context_data(self, **kwargs):
        return super().get_context_data(page_title=_("Your order"), **kwargs)

    def form_valid(self, form):
        if refused_as_too_frequent(self.request, form, "guest-order", TOO_MANY_LOOKUPS):
            return self.form_invalid(form)
        number, contact = form.cleaned_data["number"], form.cleaned_data["contact"]
        if lookup_locked(number, contact):  # whether the order exists or not, and even with the right details
            form.add_error(None, LOOKUPS_LOCKED)
            return self.form_invalid(form)
        order = Order.objects.filter(user=None, number=number).first()
        if order is None or not guest_contact_matches(order, contact):
            count_wrong_lookup(number, contact)
            form.add_error(None, _("No order has this number with this phone number or email. Check both."))
            return self.form_invalid(form)
        remember_guest_order(self.request.session, order.number, LOOKED_UP)
        return redirect(buyer_order_path(order))


class AnonymousOrderDetailView(BuyerCancelMixin, PostActionMixin, GuestOrderMixin, generic.DetailView):
    """A guest's order page (Oscar's, from her confirmation's link): on another device it first asks who she is.
    It can also cancel the order (on a device that remembers it only). Opened through a lookup, it shows the
    delivery address's ward and province only: who knows her phone number and the order's may not be her."""

    model = Order
    template_name = "oscar/customer/anon_order.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(address_shortened=self.remembered_how != PLACED_HERE, **kwargs)

    def dispatch(self, request, *args, **kwargs):
        if self.get_object() is None:
            return redirect(reverse("customer:anon-order-form", kwargs=self.kwargs))
        return super().dispatch(request, *args, **kwargs)
