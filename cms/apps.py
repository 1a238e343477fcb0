from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    """Wagtail pages: the home page, maker stories and programme pages."""

    name = "cms"
    verbose_name = _("Content")

    def ready(self):
        from .privacy import connect_signals

        connect_signals()
