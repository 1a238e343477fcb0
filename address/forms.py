"""Address forms: one Vietnamese address, asked the same way at checkout and in the address book."""

import copy

from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.apps.address import forms as oscar_forms
from oscar.apps.address.forms import *  # noqa: F403  (the rest of Oscar's address forms)

from users.forms import PHONE_INPUT
from vietnam.geography import province_code_by_name, provinces, ward_name, wards_of_province

VIETNAM = "VN"


class VietnameseAddressFormMixin(forms.Form):
    """A Vietnamese address: recipient, phone, province, then commune or ward (2025 list), street.

    For Oscar's address model forms (put it first among the bases, and take its Meta first). No
    postcode, no district (gone since July 2025) and no country: the marketplace delivers in Việt
    Nam. The province and ward are stored by name, as Oscar's address keeps them: `state` and
    `line4`, so the shipping fee (shipping/fees.py) can always find the province.
    """

    province = forms.TypedChoiceField(label=_("Province or city"), coerce=int, choices=())
    ward = forms.TypedChoiceField(
        label=_("Commune or ward"),
        coerce=int,
        choices=(),
        empty_value=None,
        error_messages={
            "required": _("Choose the commune or ward of the address."),
            "invalid_choice": _("Choose a commune or ward of the province chosen above."),
        },
    )

    class Meta:
        fields = ["first_name", "phone_number", "line1", "notes"]
        labels = {
            "first_name": _("Recipient's full name"),
            "phone_number": _("Recipient's phone number"),
            "line1": _("House number, street, hamlet"),
            "notes": _("Note for the delivery (optional)"),
        }
        widgets = {"notes": forms.Textarea(attrs={"rows": 2})}

    field_order = ["first_name", "phone_number", "province", "ward", "line1", "notes"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.country_id:
            self.instance.country_id = VIETNAM  # also the region Oscar's phone check reads a local number in
        self.fields["first_name"].required = True
        self.fields["line1"].required = True
        self.fields["phone_number"].required = True
        self.fields["phone_number"].widget = copy.deepcopy(PHONE_INPUT)
        self.fields["first_name"].widget.attrs["autocomplete"] = "name"
        self.fields["line1"].widget.attrs["autocomplete"] = "address-line1"
        province = self.chosen_province()
        self.fields["province"].choices = [("", _("Choose a province or city")), *provinces()]
        self.fields["ward"].choices = [("", _("Choose a commune or ward")), *wards_of_province(province)]
        self.fields["ward"].widget.attrs["data-wards-of"] = province or ""
        if not self.is_bound and self.instance.state:
            self.initial["province"] = province
            wards = {name: code for code, name in wards_of_province(province)}
            self.initial["ward"] = wards.get(self.instance.line4)

    def chosen_province(self):
        """The province typed (on a form sent back) or stored (on an address being changed)."""
        if self.is_bound:
            value = self.data.get(self.add_prefix("province"), "")
            return int(value) if value.isdecimal() and value.isascii() else None
        return province_code_by_name(self.instance.state)

    def clean(self):
        cleaned = super().clean()
        province, ward = cleaned.get("province"), cleaned.get("ward")  # the ward is one of the province's
        if province:
            self.instance.state = dict(provinces())[province]
        if ward:
            self.instance.line4 = ward_name(ward)
        return cleaned


class UserAddressForm(VietnameseAddressFormMixin, oscar_forms.UserAddressForm):
    """Oscar's address book form, asking for the same Vietnamese address as checkout."""

    class Meta(VietnameseAddressFormMixin.Meta, oscar_forms.UserAddressForm.Meta):
        pass
