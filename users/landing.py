"""Where staff land after logging in, when nothing asked for a page."""

from django.urls import reverse

ADMIN_ACCESS = "wagtailadmin.access_admin"


def staff_home_for(user):
    """Their home in Wagtail's admin (/cms/) for whoever may enter it: union editors and officers, and the
    operator, who reaches Oscar's dashboard from its menu. None for anyone else (sellers, buyers)."""
    if user.is_active and user.has_perm(ADMIN_ACCESS):
        return reverse("wagtailadmin_home")
    return None
