from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from oscar.apps.customer import forms as oscar_forms
from oscar.apps.customer.forms import *  # noqa: F403  (the rest of Oscar's forms)

from shop.users.phones import normalise_phone, validate_mobile

PHONE_WIDGET = forms.TextInput(attrs={"type": "tel", "inputmode": "tel", "autocomplete": "tel"})


class EmailAuthenticationForm(oscar_forms.EmailAuthenticationForm):
    """Oscar's login form, which only takes an email; here a phone number works too."""

    username = forms.CharField(
        label=_("Email or phone"),
        max_length=254,
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none", "autofocus": True}),
    )


class PhoneFieldMixin:
    """Stores the mobile number in one form (+84…), so "0912 345 678" and "84912345678" clash."""

    def clean_phone(self):
        raw = self.cleaned_data.get("phone")
        if not raw:
            return None
        validate_mobile(raw)
        phone = normalise_phone(raw)
        if get_user_model()._default_manager.filter(phone=phone).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("An account with this phone number already exists."))
        return phone


class EmailUserCreationForm(PhoneFieldMixin, oscar_forms.EmailUserCreationForm):
    """Oscar's registration form, with an optional mobile number to log in with."""

    class Meta(oscar_forms.EmailUserCreationForm.Meta):
        fields = ("email", "phone")
        widgets = {"phone": PHONE_WIDGET}


class ProfileForm(PhoneFieldMixin, oscar_forms.UserForm):
    """Oscar's profile form, where a customer can add or change her mobile number."""

    class Meta(oscar_forms.UserForm.Meta):
        fields = ["first_name", "last_name", "email", "phone"]
        widgets = {"phone": PHONE_WIDGET}
