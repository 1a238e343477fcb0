from decimal import Decimal

import pytest

from vietnam.money import round_discount_to_dong, whole_dong


def test_a_discount_is_rounded_down_to_whole_dong():
    assert round_discount_to_dong(Decimal("6826.50")) == Decimal("6826")
    assert round_discount_to_dong(Decimal("18000.00")) == Decimal("18000")


def test_an_amount_goes_to_stripe_and_vietqr_as_whole_dong():
    assert whole_dong(Decimal("305000.00")) == 305000
    assert whole_dong("125000") == 125000


def test_a_fraction_of_a_dong_is_refused_not_rounded():
    with pytest.raises(ValueError, match="not a whole number of đồng"):
        whole_dong(Decimal("56683.50"))
