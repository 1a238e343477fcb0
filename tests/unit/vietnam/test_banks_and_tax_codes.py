"""A seller's bank is one VietQR knows by its BIN; her tax code is a tax code or a 12-digit personal id."""

import pytest
from django.core.exceptions import ValidationError

from vietnam.banks import BANKS, bank_of, find_bank, validate_bank
from vietnam.taxcodes import normalise_tax_code, validate_tax_code


def test_every_bank_has_a_six_digit_bin_of_its_own():
    assert all(len(bank.bin) == 6 and bank.bin.isdigit() for bank in BANKS)
    assert len({bank.bin for bank in BANKS}) == len(BANKS)


@pytest.mark.parametrize(
    ("typed", "bank"),
    [
        ("Agribank Cao Bằng", "970405"),
        ("ngân hàng bidv chi nhánh Cao Bằng", "970418"),
        ("Vietcombank", "970436"),
        ("VietinBank Hòa An", "970415"),
        ("Viet A Bank", "970427"),
        ("Techcombank", "970407"),
        ("MB Bank", "970422"),
    ],
)
def test_a_typed_bank_name_finds_its_bank(typed, bank):
    assert find_bank(typed).bin == bank


def test_an_unknown_bank_is_none_and_refused():
    assert find_bank("Quỹ tín dụng xã") is None
    assert bank_of("123456") is None
    with pytest.raises(ValidationError):
        validate_bank("123456")
    validate_bank("970405")


@pytest.mark.parametrize("code", ["4800123456", "4800123456-001", "004185001234", "0041 8500 1234", "48.00123456"])
def test_tax_codes_and_personal_ids_are_accepted(code):
    validate_tax_code(code)


@pytest.mark.parametrize("code", ["12345", "48001234567", "4800123456-01", "abc4800123456", "0041850012345"])
def test_other_numbers_are_refused(code):
    with pytest.raises(ValidationError):
        validate_tax_code(code)


def test_a_tax_code_is_kept_as_on_her_papers():
    assert normalise_tax_code(" 0041 8500 1234 ") == "004185001234"
