import oscar.apps.catalogue.apps as oscar_catalogue
from django.apps import apps


class CatalogueConfig(oscar_catalogue.CatalogueConfig):
    """Oscar's catalogue app, with OCOP product data. The label stays "catalogue"."""

    name = "catalog"

    def ready(self):
        """Oscar's, and a product page's view is counted in the cache instead of in the database (view_counts.py)."""
        super().ready()
        from django.db.models.signals import post_migrate
        from oscar.apps.analytics import receivers as oscar_analytics
        from oscar.apps.catalogue.signals import product_viewed

        from .view_counts import count_view, schedule_view_counting

        product_viewed.disconnect(oscar_analytics.receive_product_view)
        product_viewed.connect(count_view, dispatch_uid="catalog.count_view")
        queue = apps.get_app_config("django_tasks_database")  # once the queue's tables are migrated
        post_migrate.connect(schedule_view_counting, sender=queue, dispatch_uid="catalog.schedule_view_counting")
