"""Oscar's `currency` filter, its prices kept formatted: ShopConfig.ready() registers it in Oscar's currency_filters.

Babel parses the price pattern and the locale's symbols on every call, and a basket of three lines formats a dozen
prices; a price formats the same each time in a language, so the strings made are kept, the most recent few
thousand.
"""

from functools import lru_cache

from django.utils.translation import get_language
from oscar.templatetags.currency_filters import currency as babel_currency


@lru_cache(maxsize=4096)
def formatted(value, currency_format, language):
    """Oscar's formatting of `value`; `language`, the active one it reads, is what keeps each language's apart."""
    return babel_currency(value, currency_format)


def currency(value, currency_format=None):
    """Oscar's currency filter, e.g. "125.000 ₫", from the prices formatted already when it can be."""
    try:
        return formatted(value, currency_format, get_language())
    except TypeError:  # a value that cannot be a key: Oscar's filter makes what it can of it
        return babel_currency(value, currency_format)
