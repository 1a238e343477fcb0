"""The address this instance is configured for: full URLs for emails and crawlers, and the Site records."""

from django.conf import settings


def absolute_url(url):
    """A site path as a full URL at SITE_SCHEME and SITE_DOMAIN (emails and crawlers have no request);
    a URL that is full already stays."""
    url = str(url or "")
    if url.startswith("/") and not url.startswith("//"):
        return f"{settings.SITE_SCHEME}://{settings.SITE_DOMAIN}{url}"
    return url


def sync_site_records(app_config, **kwargs):
    """After every migrate, set both Site records from SITE_DOMAIN and SITE_NAME."""
    if app_config.label != "wagtailcore":  # post_migrate fires once per app; once is enough
        return
    from django.contrib.sites.models import Site as DjangoSite
    from wagtail.models import Site as WagtailSite

    hostname, _, port = settings.SITE_DOMAIN.partition(":")
    DjangoSite.objects.update_or_create(
        pk=settings.SITE_ID, defaults={"domain": settings.SITE_DOMAIN, "name": settings.SITE_NAME}
    )
    WagtailSite.objects.filter(is_default_site=True).update(
        hostname=hostname,
        port=int(port or (443 if settings.SITE_SCHEME == "https" else 80)),
        site_name=settings.SITE_NAME,
    )
