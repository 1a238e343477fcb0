from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.apps.checkout import forms as oscar_forms
from oscar.apps.checkout.forms import *  # noqa: F403  (the rest of Oscar's checkout forms)

from address.forms import VietnameseAddressFormMixin
from payments.methods import COD, available_methods


class ShippingAddressForm(VietnameseAddressFormMixin, oscar_forms.ShippingAddressForm):
    """Oscar's delivery address step, asking for a Vietnamese address (address/forms.py)."""

    class Meta(VietnameseAddressFormMixin.Meta, oscar_forms.ShippingAddressForm.Meta):
        pass


class PaymentMethodForm(forms.Form):
    """How the buyer pays: cash on delivery first, then the other methods set up on this site."""

    method = forms.ChoiceField(label=_("How will you pay?"), widget=forms.RadioSelect, initial=COD)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.methods = available_methods()
        self.fields["method"].choices = [(method.code, method.label) for method in self.methods]
