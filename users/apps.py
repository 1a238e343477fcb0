from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UsersConfig(AppConfig):
    """Accounts of customers, sellers and staff: Oscar's user plus a mobile number."""

    name = "users"
    label = "users"
    verbose_name = _("Accounts")
