from django import forms
from django.contrib.auth.password_validation import validate_password
from django.utils.translation import gettext_lazy as _

from users.forms import PHONE_INPUT, clean_new_phone
from vietnam.geography import home_wards
from vietnam.taxcodes import normalise_tax_code, validate_tax_code


class TaxCodeField(forms.CharField):
    """Her tax code or personal id, optional: tidied as on her papers (spaces and dots typed are dropped), then checked.

    Longer than the model's 16 characters, so "0101.234.567-001" typed with dots still arrives to be tidied.
    """

    widget = forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"})
    default_validators = [validate_tax_code]

    def __init__(self, **kwargs):
        super().__init__(required=False, max_length=32, **kwargs)

    def to_python(self, value):
        return normalise_tax_code(super().to_python(value))


class SellerApplicationForm(forms.Form):
    """ "Đăng ký bán hàng": what a woman (or an officer for her) tells the Union to start selling."""

    owner_name = forms.CharField(label=_("Your full name"), max_length=128)
    name = forms.CharField(
        label=_("Name of your business"), max_length=128, help_text=_("e.g. Cơ sở Thạch đen Lục Duyên")
    )
    phone = forms.CharField(
        label=_("Mobile number"), max_length=20, widget=PHONE_INPUT, help_text=_("You will log in with it.")
    )
    commune_code = forms.TypedChoiceField(label=_("Commune or ward"), coerce=int, choices=())
    what_she_makes = forms.CharField(
        label=_("What do you make?"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )
    # Optional: she may not have her papers at hand; she can add it in her profile later.
    tax_code = TaxCodeField(
        label=_("Tax code or personal id"),
        help_text=_("The 12 digits on your citizen's card, or your tax code. You can also give it later."),
    )
    password1 = forms.CharField(label=_("Password"), widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))
    password2 = forms.CharField(label=_("The same password again"), widget=forms.PasswordInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["commune_code"].choices = [("", _("Choose your commune or ward")), *home_wards()]

    def clean_phone(self):
        return clean_new_phone(self.cleaned_data["phone"])

    def clean(self):
        cleaned = super().clean()
        password = cleaned.get("password1")
        if password and password != cleaned.get("password2"):
            self.add_error("password2", _("The two passwords are not the same."))
        elif password:
            try:
                validate_password(password)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class RejectionForm(forms.Form):
    reason = forms.CharField(
        label=_("Why not (she will be told)"), widget=forms.Textarea(attrs={"rows": 2}), max_length=1000
    )
