from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ShopConfig(AppConfig):
    """The storefront shell: layout, templates, demo data, site records."""

    name = "shop"
    verbose_name = _("Marketplace")

    def ready(self):
        import vietnam.retrying  # noqa: F401  (failed tasks on the queue are tried again)

        from .housekeeping import schedule_housekeeping
        from .pagecache import connect_signals
        from .sites import sync_site_records

        post_migrate.connect(sync_site_records, dispatch_uid="shop.sync_site_records")
        queue = apps.get_app_config("django_tasks_database")  # once the queue's tables are migrated
        post_migrate.connect(schedule_housekeeping, sender=queue, dispatch_uid="shop.schedule_housekeeping")
        connect_signals()  # kept pages are made afresh when what they show changes
