"""Text helpers shared by the whole marketplace: Vietnamese-aware slugs."""

from anyascii import anyascii
from django.utils.text import slugify as django_slugify


def slugify(value, allow_unicode=False):
    """Transliterate first, so "Thạch đen" becomes "thach-den" (đ has no decomposition).

    Oscar's OSCAR_SLUG_FUNCTION; allow_unicode is accepted for its signature and ignored,
    since URLs here are always ASCII.
    """
    return django_slugify(anyascii(str(value)))
