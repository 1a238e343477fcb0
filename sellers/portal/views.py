from django.views.generic import TemplateView

from .access import SellerPortalMixin


class HomeView(SellerPortalMixin, TemplateView):
    """What waits for her today: new orders, products running out, this month's sales."""

    template_name = "sellers/portal/home.html"


class ProfileView(SellerPortalMixin, TemplateView):
    template_name = "sellers/portal/home.html"
