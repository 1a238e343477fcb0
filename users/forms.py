"""Form pieces for the phone number people log in with."""

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import SetPasswordForm
from django.utils.translation import gettext_lazy as _
from oscar.apps.customer import forms as oscar_forms

from vietnam.phones import normalise_phone, validate_mobile

from .models import PhoneCode
from .verification import CodeRefused, check_code, verify_phone

# Brings up the phone keypad on a phone, and lets the browser offer her number.
PHONE_INPUT = forms.TextInput(attrs={"type": "tel", "inputmode": "tel", "autocomplete": "tel"})


def clean_new_phone(raw, account=None):
    """A typed mobile number in its one stored form (+84…), refused if another account has verified it.

    Another account that only typed it does not count: the number is hers once she types its code.
    """
    validate_mobile(raw)
    phone = normalise_phone(raw)
    others = get_user_model()._default_manager.filter(phone=phone).exclude(phone_verified_at=None)
    if account is not None and account.pk:
        others = others.exclude(pk=account.pk)
    if others.exists():
        raise forms.ValidationError(_("An account with this phone number already exists."))
    return phone


class PhoneCodeField(forms.CharField):
    """The 6 digits of a code sent by text message; the phone offers the number pad and the message's code."""

    widget = forms.TextInput(
        attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "pattern": "[0-9 ]*", "maxlength": 8}
    )

    def __init__(self, **kwargs):
        super().__init__(label=_("Code from the text message"), max_length=8, **kwargs)


class PhoneCodeForm(forms.Form):
    code = PhoneCodeField()


class PasswordResetForm(oscar_forms.PasswordResetForm):
    """Oscar's password reset, by email as before or by a mobile number, to which a code is sent."""

    email = forms.CharField(
        label=_("Email or phone"),
        max_length=254,
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none", "autofocus": True}),
    )

    phone = None

    def clean_email(self):
        value = self.cleaned_data["email"].strip()
        if "@" in value:
            return forms.EmailField().clean(value)
        self.phone = normalise_phone(value)
        if self.phone is None:
            raise forms.ValidationError(
                _("Enter your email address or your mobile number, for example 0912 345 678."), code="invalid"
            )
        return value


class PhoneSetPasswordForm(SetPasswordForm):
    """Django's new-password form, after the code sent to her phone; the code is checked once the passwords
    are acceptable, so a mistyped password does not use it up."""

    code = PhoneCodeField()
    field_order = ["code", "new_password1", "new_password2"]

    def __init__(self, phone, user, *args, **kwargs):
        self.phone = phone
        # Without an account for the number, a stand-in: the form behaves the same, and no code will do.
        super().__init__(user or get_user_model()(), *args, **kwargs)
        self.has_account = user is not None

    def clean(self):
        cleaned = super().clean()
        if self.errors or "code" not in cleaned:
            return cleaned
        try:
            check_code(self.phone, PhoneCode.Purpose.RESET, cleaned["code"])
        except CodeRefused as refused:
            self.add_error("code", refused.message)
        else:
            if not self.has_account:
                self.add_error("code", _("The code is not right. Check the text message and type its 6 digits."))
        return cleaned

    def save(self, commit=True):
        """Her new password; the code proved the number is hers, so it is verified too."""
        user = super().save(commit=commit)
        if commit and not user.phone_verified_at:
            verify_phone(user)
        return user
