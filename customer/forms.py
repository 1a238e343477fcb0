from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.apps.customer import forms as oscar_forms
from oscar.apps.customer.forms import *  # noqa: F403  (the rest of Oscar's forms)

from sellers.onboarding import why_seller_cannot_log_in
from users.forms import PHONE_INPUT, clean_new_phone
from users.verification import why_phone_cannot_log_in


class EmailAuthenticationForm(oscar_forms.EmailAuthenticationForm):
    """Oscar's login form, which only takes an email; here a phone number works too."""

    username = forms.CharField(
        label=_("Email or phone"),
        max_length=254,
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none", "autofocus": True}),
    )

    first_login = False

    def confirm_login_allowed(self, user):
        """Django's check; also notes whether she has never logged in before, to welcome her rather than back."""
        super().confirm_login_allowed(user)
        self.first_login = user.last_login is None

    def clean(self):
        """Oscar's check; a seller whose application is not approved is told where it stands, not "wrong password"."""
        try:
            return super().clean()
        except forms.ValidationError as refused:
            username, password = self.cleaned_data.get("username"), self.cleaned_data.get("password")
            reason = why_seller_cannot_log_in(username, password) or why_phone_cannot_log_in(username, password)
            raise (forms.ValidationError(reason) if reason else refused) from None


class PhoneFieldMixin:
    """Stores the mobile number in one form (+84…), so "0912 345 678" and "84912345678" clash."""

    def clean_phone(self):
        raw = self.cleaned_data.get("phone")
        phone = clean_new_phone(raw, account=self.instance) if raw else None
        if phone != self.instance.phone:
            self.instance.phone_verified_at = None  # a new number counts once its code is typed
        return phone


class EmailUserCreationForm(PhoneFieldMixin, oscar_forms.EmailUserCreationForm):
    """Oscar's registration form, with an optional mobile number to log in with."""

    class Meta(oscar_forms.EmailUserCreationForm.Meta):
        fields = ("email", "phone")
        widgets = {"phone": PHONE_INPUT}


class ProfileForm(PhoneFieldMixin, oscar_forms.UserForm):
    """Oscar's profile form, where a customer can add or change her mobile number."""

    class Meta(oscar_forms.UserForm.Meta):
        fields = ["first_name", "last_name", "email", "phone"]
        widgets = {"phone": PHONE_INPUT}


class GuestOrderForm(forms.Form):
    """A guest's order, found by its number and the phone number (or email) she ordered with."""

    number = forms.CharField(label=_("Order number"), max_length=128)
    contact = forms.CharField(label=_("Phone number or email you ordered with"), max_length=254)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["number"].widget.attrs.update({"inputmode": "numeric", "autocomplete": "off"})
        self.fields["contact"].widget.attrs.update({"autocomplete": "tel", "autocapitalize": "none"})

    def clean_number(self):
        return self.cleaned_data["number"].strip().lstrip("#").strip()
