from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.apps.customer import forms as oscar_forms
from oscar.apps.customer.forms import *  # noqa: F403  (the rest of Oscar's forms)


class EmailAuthenticationForm(oscar_forms.EmailAuthenticationForm):
    """Oscar's login form, which only takes an email; here a phone number works too."""

    username = forms.CharField(
        label=_("Email or phone"),
        max_length=254,
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none", "autofocus": True}),
    )
