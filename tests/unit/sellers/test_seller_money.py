"""Her statement's amounts: signed, in đồng, as the rest of the site writes prices."""

import pytest
from django.utils import translation

from sellers.templatetags.seller_money import signed_currency


@pytest.mark.parametrize(
    ("amount", "shown"),
    [(125000, "+125.000\xa0₫"), (-1250, "\u22121.250\xa0₫"), (0, "0\xa0₫"), (-123125, "\u2212123.125\xa0₫")],
)
def test_a_credit_has_a_plus_and_a_debit_a_true_minus_sign(amount, shown):
    with translation.override("vi"):
        assert signed_currency(amount) == shown
