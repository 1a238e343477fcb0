"""The currency filter templates load formats prices as Oscar's does, and keeps what it formatted."""

from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation
from oscar.templatetags.currency_filters import currency as oscar_currency

from shop.currency import currency, formatted


@pytest.mark.parametrize("value", [Decimal("125000.00"), Decimal("0"), 1500000, "98000", "abc", None, {}])
@pytest.mark.parametrize("language", ["vi", "en-gb"])
def test_a_price_is_formatted_as_oscar_formats_it(value, language):
    with translation.override(language):
        assert currency(value) == oscar_currency(value)


def test_templates_loading_currency_filters_get_the_kept_filter_and_it_keeps_what_it_formatted():
    formatted.cache_clear()
    page = Template("{% load currency_filters %}{{ price|currency }} · {{ price|currency }}")

    with translation.override("vi"):
        shown = page.render(Context({"price": Decimal("125000.00")}))

    assert shown == "125.000\xa0₫ · 125.000\xa0₫"
    assert (formatted.cache_info().misses, formatted.cache_info().hits) == (1, 1)
