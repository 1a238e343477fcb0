"""The Site records (Django's and Wagtail's) follow the address this instance is configured for."""

from django.conf import settings
from django.contrib.sites.models import Site as DjangoSite
from wagtail.models import Site as WagtailSite


def sync_site_records(app_config, **kwargs):
    """After every migrate, set both Site records from SITE_DOMAIN and SITE_NAME."""
    if app_config.label != "wagtailcore":  # post_migrate fires once per app; once is enough
        return
    hostname, _, port = settings.SITE_DOMAIN.partition(":")
    DjangoSite.objects.update_or_create(
        pk=settings.SITE_ID, defaults={"domain": settings.SITE_DOMAIN, "name": settings.SITE_NAME}
    )
    WagtailSite.objects.filter(is_default_site=True).update(
        hostname=hostname,
        port=int(port or (443 if settings.SITE_SCHEME == "https" else 80)),
        site_name=settings.SITE_NAME,
    )
