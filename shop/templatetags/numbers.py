from babel.numbers import format_decimal
from django import template
from django.utils.translation import get_language, to_locale

register = template.Library()


@register.filter
def number(value):
    """A whole number grouped the way the reader's language writes it: 60.000 in Vietnamese, 60,000 in English.

    Django's Vietnamese format does not group digits at all; Babel follows CLDR, as prices do.
    """
    return format_decimal(value, locale=to_locale(get_language() or "vi"))
