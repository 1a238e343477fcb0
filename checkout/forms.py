import copy

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from oscar.apps.checkout import forms as oscar_forms
from oscar.apps.checkout.forms import *  # noqa: F403  (the rest of Oscar's checkout forms)

from address.forms import VietnameseAddressFormMixin
from payments.methods import COD, available_methods
from users.forms import PHONE_INPUT
from vietnam.phones import INVALID_MOBILE, normalise_phone, validate_mobile


class GatewayForm(forms.Form):
    """Checkout's first step for a guest: her mobile number, and an email only if she wants the confirmation by
    email. (Oscar's asks for an email and offers three choices: guest, new account, password.)"""

    phone = forms.CharField(label=_("Your mobile number"), max_length=32, validators=[validate_mobile])
    email = forms.EmailField(
        label=_("Email (optional)"),
        required=False,
        help_text=_("Only if you want the confirmation by email."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["phone"].widget = copy.deepcopy(PHONE_INPUT)
        self.fields["email"].widget.attrs["autocomplete"] = "email"

    def clean_phone(self):
        return normalise_phone(self.cleaned_data["phone"])

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        users = get_user_model()._default_manager
        if (
            email
            and not settings.OSCAR_ALLOW_GUEST_CHECKOUT_WITH_ACCOUNT
            and users.filter(email__iexact=email).exists()
        ):
            raise forms.ValidationError(
                _("An account uses this email. Log in to buy with it, or leave the email empty.")
            )
        return email


class ShippingAddressForm(VietnameseAddressFormMixin, oscar_forms.ShippingAddressForm):
    """Oscar's delivery address step, asking for a Vietnamese address (address/forms.py)."""

    class Meta(VietnameseAddressFormMixin.Meta, oscar_forms.ShippingAddressForm.Meta):
        pass

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["phone_number"].error_messages["invalid"] = INVALID_MOBILE


class PaymentMethodForm(forms.Form):
    """How the buyer pays: cash on delivery first, then the other methods set up on this site."""

    method = forms.ChoiceField(label=_("How will you pay?"), widget=forms.RadioSelect, initial=COD)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.methods = available_methods()
        self.fields["method"].choices = [(method.code, method.label) for method in self.methods]
