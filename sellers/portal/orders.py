"""My orders: her shipments, her lines, and the steps from new to delivered."""

from django.urls import path
from django.views.generic import TemplateView

from .access import SellerPortalMixin


class OrderListView(SellerPortalMixin, TemplateView):
    template_name = "sellers/portal/home.html"


urlpatterns = [
    path("", OrderListView.as_view(), name="orders"),
]
