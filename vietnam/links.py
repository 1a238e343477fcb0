"""Full links to this instance, at the address its settings give (emails and crawlers have no request)."""

from django.conf import settings


def absolute_url(url):
    """A site path as a full URL at SITE_SCHEME and SITE_DOMAIN; a URL that is full already stays."""
    url = str(url or "")
    if url.startswith("/") and not url.startswith("//"):
        return f"{settings.SITE_SCHEME}://{settings.SITE_DOMAIN}{url}"
    return url
