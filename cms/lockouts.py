"""Locked logins, in Wagtail's admin (/cms/lockouts/): the accounts locked now for too many wrong passwords
(users/lockouts.py), each with a button to unlock it, and a box to unlock one by its email or phone, for a
woman who calls the Union. For staff who may delete axes' attempts (axes.delete_accessattempt: union editors,
by a migration of shop/, and the operator); Wagtail sends anyone else to its home. Operators also have axes'
own screens in Django's admin.

Also Wagtail's password reset (/cms/password_reset/, shop/urls.py), limited per address as the shop's.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views import account
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from users.lockouts import locked_accounts, unlock_account
from users.ratelimits import PasswordResetLimitMixin
from vietnam.phones import format_phone

UNLOCK = "axes.delete_accessattempt"


def shown(account):
    """An account as staff read it: a phone number the way Vietnamese people write it (0912 345 601)."""
    return format_phone(account) if account.startswith("+84") else account


class UnlockPermissionMixin(PermissionRequiredMixin):
    permission_required = UNLOCK
    raise_exception = True


class LockedAccountsView(UnlockPermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "cms/lockouts/accounts.html"
    page_title = gettext_lazy("Locked logins")
    header_icon = "lock"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        accounts = [{**locked, "shown": shown(locked["account"])} for locked in locked_accounts()]
        return super().get_context_data(accounts=accounts, failure_limit=settings.LOGIN_FAILURE_LIMIT, **kwargs)


class UnlockView(UnlockPermissionMixin, View):
    """POST `account` (an email or a phone, in any form): her failures are forgotten, so she may log in now."""

    def post(self, request):
        typed = request.POST.get("account", "").strip()
        if unlock_account(typed):
            messages.success(request, _("%(account)s can log in again.") % {"account": typed})
        elif typed:
            messages.info(request, _("%(account)s was not locked.") % {"account": typed})
        return redirect("lockouts:accounts")


class StaffPasswordResetView(PasswordResetLimitMixin, account.PasswordResetView):
    """Wagtail's password reset; so many an hour from one address, as the shop's."""


urlpatterns = [
    path("", LockedAccountsView.as_view(), name="accounts"),
    path("unlock/", UnlockView.as_view(), name="unlock"),
]


class LockoutsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(UNLOCK)


@hooks.register("register_admin_urls")
def register_lockout_urls():
    """Behind Wagtail's admin login, and the views' own permission."""
    return [path("lockouts/", include((urlpatterns, "lockouts")))]


@hooks.register("register_admin_menu_item")
def register_lockouts_menu():
    return LockoutsMenuItem(
        gettext_lazy("Locked logins"), reverse("lockouts:accounts"), name="lockouts", icon_name="lock", order=470
    )
