"""Text helpers shared by the whole marketplace: Vietnamese-aware slugs."""

from anyascii import anyascii
from django.utils.text import slugify as django_slugify


def slugify(value):
    """Transliterate first, so "Thạch đen" becomes "thach-den" (đ has no decomposition)."""
    return django_slugify(anyascii(str(value)))
