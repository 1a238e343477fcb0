from django.contrib import messages
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView, UpdateView

from ..sales import running_low, sales_since, start_of_month
from .access import SellerPortalMixin
from .forms import ProfileForm

LOW_STOCK_SHOWN = 5


class HomeView(SellerPortalMixin, TemplateView):
    """What waits for her today: new orders, orders to send, products running out, this month's sales."""

    template_name = "sellers/portal/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        shipments = self.my_shipments()
        low = list(running_low(self.seller)[: LOW_STOCK_SHOWN + 1])
        context.update(
            given_name=(self.seller.owner_name or self.seller.name).split()[-1],
            to_send_count=shipments.filter(
                status__in=[shipments.model.Status.ACCEPTED, shipments.model.Status.PACKED]
            ).count(),
            running_low=low[:LOW_STOCK_SHOWN],
            more_running_low=len(low) > LOW_STOCK_SHOWN,
            month_start=start_of_month(),
            sales=sales_since(self.seller, start_of_month()),
            product_count=self.my_products().count(),
        )
        return context


class ProfileView(SellerPortalMixin, UpdateView):
    """Her profile: her story and photo for buyers, her contact and payout details for the Union."""

    form_class = ProfileForm
    template_name = "sellers/portal/profile.html"
    success_url = reverse_lazy("seller-portal:profile")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "acting": getattr(self.request, "acting_for", None) is not None}

    def get_object(self, queryset=None):
        # A copy: a form with errors writes what she typed onto its object, and the page's
        # header and current photo must still show what is saved.
        return self.my_business()

    def form_valid(self, form):
        messages.success(self.request, _("Your profile is saved."))
        return super().form_valid(form)

    def form_invalid(self, form):
        messages.error(self.request, _("Some details need fixing; see the red notes below."))
        return super().form_invalid(form)
