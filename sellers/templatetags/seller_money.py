"""How an amount of her statement reads: "+125.000 ₫" in, "−1.250 ₫" out."""

from django import template
from oscar.templatetags.currency_filters import currency

register = template.Library()

MINUS = "\u2212"  # a true minus sign: a hyphen reads as a dash, and breaks from its number


@register.filter
def signed_currency(amount):
    """An entry's amount in đồng with its sign, as the rest of the site writes prices."""
    if not amount:
        return currency(0)
    sign = "+" if amount > 0 else MINUS
    return f"{sign}{currency(abs(amount))}"
