from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

NBSP = "\xa0"


def render_price(amount, language):
    with translation.override(language):
        return Template("{% load currency_filters %}{{ amount|currency }}").render(Context({"amount": amount}))


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize(
    ("amount", "shown"),
    [
        (Decimal("125000.00"), f"125.000{NBSP}₫"),
        (Decimal("1250000"), f"1.250.000{NBSP}₫"),
        (Decimal("35000.00"), f"35.000{NBSP}₫"),
        (Decimal("0.00"), f"0{NBSP}₫"),
    ],
)
def test_prices_are_shown_as_vietnamese_people_write_them_in_either_language(amount, shown, language):
    assert render_price(amount, language) == shown


@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_price_never_shows_decimals(language):
    shown = render_price(Decimal("125000.40"), language)
    assert shown == f"125.000{NBSP}₫"
    assert "," not in shown
