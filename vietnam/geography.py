"""Vietnam's 2025 administrative units (34 provinces, then communes and wards), from vietnam-provinces."""

from functools import cache

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from vietnam_provinces import Province, Ward


@cache
def _wards():
    return {int(ward.code): ward for ward in Ward.iter_all()}


@cache
def _provinces():
    return {int(province.code): province for province in Province.iter_all()}


def ward_name(code):
    """ "Xã Trùng Khánh" for its code, or "" for no or an unknown code."""
    ward = _wards().get(code)
    return ward.name if ward else ""


def province_name_of_ward(code):
    ward = _wards().get(code)
    return _provinces()[int(ward.province_code)].name if ward else ""


def is_ward(code):
    return code in _wards()


def validate_ward(code):
    if code is not None and not is_ward(code):
        raise ValidationError(_("Choose a commune or ward from the list."), code="unknown_ward")


@cache
def home_wards():
    """(code, name) of every commune and ward of the province this marketplace serves, by name."""
    province = settings.MARKETPLACE_PROVINCE_CODE
    wards = [(code, ward.name) for code, ward in _wards().items() if int(ward.province_code) == province]
    return sorted(wards, key=lambda item: item[1])


@cache
def provinces():
    """(code, name) of the 34 provinces, by name (Cao Bằng, Thành phố Hà Nội…)."""
    return sorted(((code, province.name) for code, province in _provinces().items()), key=lambda item: item[1])


def province_code_by_name(name):
    """The code of a province from its name as addresses store it; None for an unknown name."""
    return next((code for code, province in _provinces().items() if province.name == (name or "").strip()), None)


def wards_of_province(province_code):
    """(code, name) of the communes and wards of a province, by name."""
    wards = [(code, ward.name) for code, ward in _wards().items() if int(ward.province_code) == province_code]
    return sorted(wards, key=lambda item: item[1])
