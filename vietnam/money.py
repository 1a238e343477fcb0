"""Money in đồng: VND has no minor unit, so every amount the shop computes is whole đồng."""

from decimal import ROUND_DOWN, Decimal


def round_discount_to_dong(amount, currency=None):
    """Oscar's offer rounding (OSCAR_OFFER_ROUNDING_FUNCTION): a discount in whole đồng, rounded down.

    Oscar's default keeps two decimals, so a 15% discount on 45.510 ₫ would leave the buyer a
    total of 56.683,50 ₫: not a price anyone can pay in cash, by VietQR or through Stripe.
    """
    return Decimal(amount).quantize(Decimal("1"), ROUND_DOWN)


def whole_dong(amount):
    """An amount of VND as an int of đồng, as Stripe and VietQR count it; ValueError for a fraction of a đồng."""
    amount = Decimal(amount)
    if amount != amount.to_integral_value():
        raise ValueError(f"{amount} is not a whole number of đồng")
    return int(amount)
