"""My products: list, add, edit, photos, published switch, quick stock."""

from django.urls import path
from django.views.generic import TemplateView

from .access import SellerPortalMixin


class ProductListView(SellerPortalMixin, TemplateView):
    template_name = "sellers/portal/home.html"


urlpatterns = [
    path("", ProductListView.as_view(), name="products"),
]
