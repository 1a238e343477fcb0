"""A way from Wagtail's menu to Oscar's dashboard, for the work done there (orders, products, reviews)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem

# Who Oscar's dashboard index lets in (its DashboardPermission.staff, or .partner_dashboard_access).
DASHBOARD_ACCESS = "partner.dashboard_access"


class OscarDashboardMenuItem(MenuItem):
    """Shown only to those Oscar's dashboard lets in, so nobody is led to a refusal."""

    def is_shown(self, request):
        user = request.user
        return user.is_active and (user.is_staff or user.has_perm(DASHBOARD_ACCESS))


def oscar_dashboard_menu_item():
    return OscarDashboardMenuItem(
        _("Shop (Oscar)"), reverse("dashboard:index"), name="oscar-dashboard", icon_name="site", order=460
    )
