"""A seller's tax identity: her tax code (mã số thuế) or, since 1 July 2025, her 12-digit personal id.

Circular 86/2024/TT-BTC has the personal identification number (số định danh cá nhân, the number
on her citizen's card) stand for an individual's or a household representative's tax code, so
either is accepted: 10 digits (a tax code), 10 digits and a 3-digit branch ("0101234567-001"),
or 12 digits (a personal id).
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_TAX_CODE = re.compile(r"^(\d{10}(-\d{3})?|\d{12})$")


def normalise_tax_code(value):
    """As written on her papers, without the spaces and dots a person types: "0101234567-001"."""
    return re.sub(r"[\s.]", "", value or "")


def validate_tax_code(value):
    if value and not _TAX_CODE.match(normalise_tax_code(value)):
        raise ValidationError(
            _("A tax code has 10 digits (or 10 digits, a dash and 3 more); a personal id on a citizen's card has 12."),
            code="invalid_tax_code",
        )
