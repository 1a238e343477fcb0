"""Acting for a seller, from Wagtail's admin (/cms/lam-thay/): the sellers who let the Union work on their
shop, a button to open one's portal for her, and the banner's button to stop (sellers/portal/acting.py).

Only staff who may act (partner.act_for_seller: union officers and editors) see the list and may
start; a seller who did not agree, or is not approved, is not found (404), by GET or POST.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from sellers.portal import acting

PER_PAGE = 20


class ActingMixin:
    """For staff who may act for sellers; others are refused (403)."""

    def dispatch(self, request, *args, **kwargs):
        if not acting.may_act(request.user):
            context = {"message": _("Only the Union's officers and editors may work on a seller's shop for her.")}
            return TemplateResponse(request, "cms/acting/refused.html", context, status=403)
        return super().dispatch(request, *args, **kwargs)


class SellerListView(ActingMixin, WagtailAdminTemplateMixin, TemplateView):
    """The sellers who agreed, by name, with a button each; `q` finds one by her shop's or her own name."""

    template_name = "cms/acting/sellers.html"
    page_title = gettext_lazy("Work for a seller")
    header_icon = "user"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        query = self.request.GET.get("q", "").strip()
        sellers = acting.sellers_to_act_for().order_by("name", "pk")
        if query:
            sellers = sellers.filter(Q(name__icontains=query) | Q(owner_name__icontains=query))
        page = Paginator(sellers, PER_PAGE).get_page(self.request.GET.get("p"))
        return super().get_context_data(sellers=page, query=query, **kwargs)


class StartView(ActingMixin, View):
    """POST: open her portal for her. A GET (a link, a reload) only goes back to the list."""

    def get(self, request, seller_pk):
        self.find(seller_pk)
        return redirect("acting-for-seller:sellers")

    def post(self, request, seller_pk):
        self.find(seller_pk)
        acting.start_acting(request, seller_pk, back_url=reverse("acting-for-seller:sellers"))
        return redirect("seller-portal:home")

    def find(self, seller_pk):
        if not acting.sellers_to_act_for().filter(pk=seller_pk).exists():
            raise Http404


class StopView(View):
    """POST, from the banner on her portal: stop acting, and go back to the list of sellers."""

    def post(self, request):
        back = acting.stop_acting(request)
        messages.success(request, _("You stopped working on the seller's shop."))
        return redirect(back or "acting-for-seller:sellers")


urlpatterns = [
    path("", SellerListView.as_view(), name="sellers"),
    path("<int:seller_pk>/", StartView.as_view(), name="start"),
    path("thoi/", StopView.as_view(), name="stop"),
]


class ActingMenuItem(MenuItem):
    def is_shown(self, request):
        return acting.may_act(request.user)


def acting_menu_item():
    return ActingMenuItem(
        gettext_lazy("Work for a seller"),
        reverse("acting-for-seller:sellers"),
        name="acting-for-seller",
        icon_name="user",
        order=460,
    )
