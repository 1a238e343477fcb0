from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.apps.dashboard.catalogue import forms as oscar_forms
from oscar.apps.dashboard.catalogue.forms import *  # noqa: F403  (the rest of Oscar's forms)

from vietnam.geography import home_wards

MARKETPLACE_FIELDS = [
    "seller",
    "origin_code",
    "ocop_stars",
    "ocop_certificate_number",
    "ocop_year",
    "ocop_expires_on",
    "net_quantity",
    "weight_grams",
    "ingredients",
    "shelf_life",
    "storage",
]


class ProductForm(oscar_forms.ProductForm):
    """Oscar's product form lists its fields; this one adds who makes it, where, and its OCOP certificate."""

    origin_code = forms.TypedChoiceField(
        label=_("Commune or ward of origin"), coerce=int, empty_value=None, required=False, choices=()
    )

    class Meta(oscar_forms.ProductForm.Meta):
        fields = [*oscar_forms.ProductForm.Meta.fields, *MARKETPLACE_FIELDS]
        widgets = {
            **oscar_forms.ProductForm.Meta.widgets,
            "ocop_expires_on": forms.DateInput(attrs={"type": "date"}),
            "ingredients": forms.Textarea(attrs={"rows": 3, "class": "no-widget-init"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "origin_code" in self.fields:
            self.fields["origin_code"].choices = [("", "---------"), *home_wards()]
