"""Vietnamese mobile numbers: one canonical form for every way people write them."""

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

REGION = "VN"


def normalise_phone(value):
    """Return the E.164 form (+84912345678) of a Vietnamese mobile number, or None.

    "0912 345 678", "+84912345678" and "84912345678" are the same number.
    """
    digits = "".join(ch for ch in str(value) if ch.isdigit() or ch == "+")
    if not digits:
        return None
    if digits.startswith("84") and len(digits) >= 11:
        digits = "+" + digits
    try:
        number = phonenumbers.parse(digits, REGION)
    except phonenumbers.NumberParseException:
        return None
    if number.country_code != 84 or not phonenumbers.is_valid_number(number):
        return None
    if phonenumbers.number_type(number) != phonenumbers.PhoneNumberType.MOBILE:
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


INVALID_MOBILE = _("Enter a valid Vietnamese mobile number, for example 0912 345 678.")


def validate_mobile(value):
    if normalise_phone(value) is None:
        raise ValidationError(INVALID_MOBILE, code="invalid_phone")


def format_phone(value):
    """Show a stored number the way Vietnamese people write it: 0912 345 678."""
    if not value:
        return ""
    number = phonenumbers.parse(value, REGION)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
