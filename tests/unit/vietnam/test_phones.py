import pytest
from django.core.exceptions import ValidationError

from vietnam.phones import format_phone, normalise_phone, validate_mobile


@pytest.mark.parametrize(
    "written",
    ["0912 345 678", "0912345678", "+84912345678", "84912345678", "+84 912 345 678", "0912.345.678", " 0912-345-678 "],
)
def test_every_common_way_of_writing_a_mobile_number_gives_the_same_number(written):
    assert normalise_phone(written) == "+84912345678"


@pytest.mark.parametrize(
    "written",
    [
        "0206 3852 123",  # a Cao Bằng landline: cannot receive an SMS, so no login with it
        "+84 206 3852 123",
        "0912 345",  # too short
        "0912 345 678 9",  # too long
        "+1 650 253 0000",  # not Vietnamese
        "hello",
        "",
        "+",
    ],
)
def test_landlines_foreign_numbers_and_garbage_are_not_mobile_numbers(written):
    assert normalise_phone(written) is None
    with pytest.raises(ValidationError):
        validate_mobile(written)


def test_a_valid_mobile_number_passes_validation():
    validate_mobile("0912 345 678")


def test_a_stored_number_is_shown_the_vietnamese_way():
    assert format_phone("+84912345678") == "0912 345 678"
    assert format_phone(None) == ""
