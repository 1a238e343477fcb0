"""Form pieces for the phone number people log in with."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from vietnam.phones import normalise_phone, validate_mobile

# Brings up the phone keypad on a phone, and lets the browser offer her number.
PHONE_INPUT = forms.TextInput(attrs={"type": "tel", "inputmode": "tel", "autocomplete": "tel"})


def clean_new_phone(raw, account=None):
    """A typed mobile number in its one stored form (+84…), refused if another account has it."""
    validate_mobile(raw)
    phone = normalise_phone(raw)
    others = get_user_model()._default_manager.filter(phone=phone)
    if account is not None and account.pk:
        others = others.exclude(pk=account.pk)
    if others.exists():
        raise forms.ValidationError(_("An account with this phone number already exists."))
    return phone
