from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PaymentsConfig(AppConfig):
    """How buyers pay (methods, actions, Stripe). The label is "payments": Oscar's app owns "payment"."""

    name = "payments"
    label = "payments"
    verbose_name = _("Card payments")
