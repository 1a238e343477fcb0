"""Forms of her order pages: how she sent a parcel, and which of her products she cancels and why.

Both offer a few answers as big radio buttons (quicker than typing on a small phone) and a
box to write any other answer; what she writes wins over what she ticked.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

# Carriers Cao Bằng sellers use. Brand names stay as they are; the coach and "myself" are words.
CARRIERS = {
    "viettel-post": "Viettel Post",
    "vnpost": _("VNPost (post office)"),
    "ghtk": "Giao Hàng Tiết Kiệm",
    "ghn": "Giao Hàng Nhanh",
    "jt": "J&T Express",
    "coach": _("Coach (passenger bus)"),
    "myself": _("I deliver it myself"),
}

REASONS = {
    "sold-out": _("I have run out of it"),
    "buyer-asked": _("The buyer asked to cancel"),
    "no-answer": _("I cannot reach the buyer"),
}


def _picked_or_written(form, choice_field, text_field, names, message):
    """What she wrote, or else the answer she ticked, in words; an error on the choice when neither."""
    written = form.cleaned_data.get(text_field, "").strip()
    picked = form.cleaned_data.get(choice_field)
    if written:
        return written
    if picked:
        return str(names[picked])
    if choice_field not in form.errors:
        form.add_error(choice_field, message)
    return ""


class ShipForm(forms.Form):
    carrier = forms.ChoiceField(
        label=_("Who takes the parcel?"), choices=list(CARRIERS.items()), widget=forms.RadioSelect, required=False
    )
    carrier_other = forms.CharField(label=_("Or write another carrier"), max_length=64, required=False)
    tracking_code = forms.CharField(
        label=_("Tracking code, if there is one"),
        max_length=64,
        required=False,
        help_text=_("The code on the carrier's receipt, or the coach's number plate, so the buyer can follow it."),
    )

    def clean(self):
        data = super().clean()
        data["carrier_name"] = _picked_or_written(
            self, "carrier", "carrier_other", CARRIERS, _("Choose the carrier, or write its name.")
        )
        return data


class LineChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, line):
        return f"{line.title} × {line.quantity}"


class CancelForm(forms.Form):
    """Which of her products in this shipment she cancels (all, unless she unticks some), and why."""

    lines = LineChoiceField(
        label=_("Products to cancel"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Tick at least one product.")},
    )
    reason = forms.ChoiceField(
        label=_("Reason for cancelling"), choices=list(REASONS.items()), widget=forms.RadioSelect, required=False
    )
    reason_other = forms.CharField(
        label=_("Or write the reason"), max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, shipment, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only her lines not yet cancelled can be chosen; any other id is "not one of the choices".
        lines = shipment.live_lines.order_by("pk")
        self.fields["lines"].queryset = lines
        self.fields["lines"].initial = [line.pk for line in lines]

    def clean(self):
        data = super().clean()
        data["reason_text"] = _picked_or_written(
            self, "reason", "reason_other", REASONS, _("Say why you cancel, so the buyer understands.")
        )
        return data
