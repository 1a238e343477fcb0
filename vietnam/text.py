"""Text helpers shared by the whole marketplace: Vietnamese-aware slugs."""

import unicodedata

from anyascii import anyascii
from django.utils.text import slugify as django_slugify


def slugify(value, allow_unicode=False):
    """Transliterate first, so "Thạch đen" becomes "thach-den" (đ has no decomposition).

    Oscar's OSCAR_SLUG_FUNCTION; allow_unicode is accepted for its signature and ignored,
    since URLs here are always ASCII.
    """
    return django_slugify(anyascii(str(value)))


def unique_slug(queryset, value, fallback, max_length=128, reserved=()):
    """A slug of `value` that no row of `queryset` has yet: "hop-tac-xa", then "hop-tac-xa-2"…

    `fallback` stands in when the value has nothing to transliterate (only symbols, say).
    """
    base = slugify(value)[: max_length - 6].strip("-") or fallback
    slug, number = base, 2
    while slug in reserved or queryset.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def fold(value):
    """Text as a search compares it: lower case, no accents, "đ" as "d", single spaces.

    "Miến  DONG Thạch Đen" becomes "mien dong thach den", so a buyer typing without accents
    finds what sellers wrote with them.
    """
    decomposed = unicodedata.normalize("NFD", str(value or "").replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.lower().split())
