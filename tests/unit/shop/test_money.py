from decimal import Decimal

from vietnam.money import round_discount_to_dong


def test_a_discount_is_rounded_down_to_whole_dong():
    assert round_discount_to_dong(Decimal("6826.50")) == Decimal("6826")
    assert round_discount_to_dong(Decimal("18000.00")) == Decimal("18000")
