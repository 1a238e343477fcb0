from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from django.views import View
from django.views.generic import DetailView, FormView, ListView, TemplateView
from oscar.core.loading import get_model

from users.ratelimits import refused_as_too_frequent
from users.views import ask_to_verify_phone
from vietnam.geography import ward_name

from .forms import RejectionForm, SellerApplicationForm
from .onboarding import apply_to_sell, approve_seller, reject_seller

Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")

TOO_MANY_APPLICATIONS = ngettext_lazy(
    "Too many applications were sent from this connection. Please send yours again in %(minutes)d minute.",
    "Too many applications were sent from this connection. Please send yours again in %(minutes)d minutes.",
    "minutes",
)


class SellerListView(ListView):
    """The sellers directory: approved sellers, by name, optionally of one commune."""

    template_name = "sellers/partner_list.html"
    context_object_name = "sellers"
    paginate_by = 24

    def get_queryset(self):
        sellers = Partner.objects.public().order_by("name")
        commune = self.request.GET.get("commune", "")
        return sellers.filter(commune_code=commune) if commune.isdecimal() and commune.isascii() else sellers

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        codes = Partner.objects.public().exclude(commune_code=None).values_list("commune_code", flat=True).distinct()
        context["communes"] = sorted(((code, ward_name(code)) for code in codes), key=lambda item: item[1])
        context["chosen_commune"] = self.request.GET.get("commune", "")
        context["title"] = _("Our sellers")
        return context


class SellerDetailView(DetailView):
    """A seller's public page: her photo, story and products; only while the Union approves her."""

    template_name = "sellers/partner_detail.html"
    context_object_name = "seller"

    def get_queryset(self):
        return Partner.objects.public()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["products"] = Product.objects.for_cards().made_by(self.object)
        context["stories"] = self.object.stories.live().public().order_by("-first_published_at")
        return context


class SellerApplicationView(FormView):
    """ "Đăng ký bán hàng": a woman applies, or a union officer applies for her."""

    form_class = SellerApplicationForm
    template_name = "sellers/apply.html"
    success_url = reverse_lazy("sellers:applied")

    def form_valid(self, form):
        """Her application, saved (so many an hour from one address, SUBMISSION_LIMITS, but any number from union
        staff); then the code sent to her number, which counts once she types it."""
        limited = not self.request.user.is_staff
        if limited and refused_as_too_frequent(self.request, form, "seller-application", TOO_MANY_APPLICATIONS):
            return self.form_invalid(form)
        data = form.cleaned_data
        seller = apply_to_sell(
            name=data["name"],
            owner_name=data["owner_name"],
            phone=data["phone"],
            commune_code=data["commune_code"],
            what_she_makes=data["what_she_makes"],
            tax_code=data["tax_code"],
            password=data["password1"],
            registered_by=self.request.user if self.request.user.is_staff else None,
        )
        saved = _("Your application is saved. Now verify your phone number with the code sent to it.")
        messages.info(self.request, saved)
        return redirect(ask_to_verify_phone(self.request, seller.users.get(), then=self.get_success_url()))


class ApplicationReceivedView(TemplateView):
    template_name = "sellers/applied.html"


class ApplicationListView(PermissionRequiredMixin, ListView):
    """For union editors: the applications waiting for a decision, oldest first."""

    permission_required = "partner.change_partner"
    template_name = "sellers/applications.html"
    context_object_name = "applications"

    def get_queryset(self):
        applied = Partner.objects.filter(status=Partner.Status.APPLIED).select_related("registered_by")
        return applied.prefetch_related("users").order_by("pk")  # her account says whether her number is verified

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["rejection_form"] = RejectionForm()
        return context


class ApplicationDecisionView(PermissionRequiredMixin, View):
    """Approve (POST) or reject with a reason (POST) one application."""

    permission_required = "partner.change_partner"
    approve = True

    def post(self, request, pk):
        seller = get_object_or_404(Partner, pk=pk, status=Partner.Status.APPLIED)
        if self.approve:
            approve_seller(seller, request.user)
            messages.success(request, _("%(name)s is approved and can log in with her phone.") % {"name": seller.name})
            return redirect("sellers:applications")
        form = RejectionForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Say why the application is not approved; she will be told."))
            return redirect("sellers:applications")
        reject_seller(seller, request.user, form.cleaned_data["reason"])
        messages.info(request, _("%(name)s was not approved.") % {"name": seller.name})
        return redirect("sellers:applications")
