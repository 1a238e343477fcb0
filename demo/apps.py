from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo marketplace: `manage.py load_demo_data` loads it from the data files in demo/data/."""

    name = "demo"
    verbose_name = _("Demo data")
