import pytest
from django.core.exceptions import ValidationError

from catalog.forms import PriceField


@pytest.mark.parametrize(
    ("typed", "dong"),
    [("150000", 150000), ("150.000", 150000), ("150 000 ₫", 150000), ("150.000đ", 150000), ("150,000 VND", 150000)],
)
def test_a_price_can_be_typed_the_way_vietnamese_write_it(typed, dong):
    assert PriceField().clean(typed) == dong


@pytest.mark.parametrize("typed", ["abc", "-5", "12.5.x", "99999999999999"])
def test_a_price_that_is_not_a_whole_number_of_đồng_is_refused(typed):
    with pytest.raises(ValidationError):
        PriceField().clean(typed)
