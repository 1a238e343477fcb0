from django.apps import AppConfig, apps
from django.db.models.signals import post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class ShopConfig(AppConfig):
    """The storefront shell: layout, templates, demo data, site records."""

    name = "shop"
    verbose_name = _("Marketplace")

    def ready(self):
        from oscar.templatetags import currency_filters
        from wagtail.models import Page, Site, get_page_models
        from wagtail.signals import page_unpublished, post_page_move

        import vietnam.retrying  # noqa: F401  (failed tasks on the queue are tried again)

        from .context_processors import forget_menu_pages
        from .currency import currency
        from .housekeeping import schedule_housekeeping
        from .pagecache import connect_signals
        from .sites import sync_site_records

        # Oscar's currency filter, its formatted prices kept: every template that loads currency_filters gets it.
        currency_filters.register.filter("currency", currency)
        post_migrate.connect(sync_site_records, dispatch_uid="shop.sync_site_records")
        queue = apps.get_app_config("django_tasks_database")  # once the queue's tables are migrated
        post_migrate.connect(schedule_housekeeping, sender=queue, dispatch_uid="shop.schedule_housekeeping")
        connect_signals()  # kept pages are made afresh when what they show changes
        # A page type sends its own signals (a StoryPage's save is not a Page's), so each type is listened to.
        for model in [Site, Page, *get_page_models()]:
            for signal in (post_save, post_delete):
                uid = f"shop.forget_menu_pages.{model._meta.label}"
                signal.connect(forget_menu_pages, sender=model, dispatch_uid=uid)
        page_unpublished.connect(forget_menu_pages, dispatch_uid="shop.forget_menu_pages.unpublished")
        post_page_move.connect(forget_menu_pages, dispatch_uid="shop.forget_menu_pages.moved")
