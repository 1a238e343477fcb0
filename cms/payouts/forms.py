"""The Union's forms about sellers' money: a payout run's period, a payout's bank reference, a correction, a month."""

import datetime
import re

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def last_month(today=None):
    """The first and last day of the month before `today` (the marketplace's today by default)."""
    today = today or timezone.localdate()
    end = today.replace(day=1) - datetime.timedelta(days=1)
    return end.replace(day=1), end


class DateInput(forms.DateInput):
    """The browser's own date picker; the value travels as 2026-11-30 whatever the language."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class PeriodForm(forms.Form):
    """The period a payout run pays for: by default, last month."""

    period_start = forms.DateField(label=_("From"), widget=DateInput(), input_formats=["%Y-%m-%d", "%d/%m/%Y"])
    period_end = forms.DateField(label=_("To"), widget=DateInput(), input_formats=["%Y-%m-%d", "%d/%m/%Y"])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("period_start", last_month()[0])
            self.initial.setdefault("period_end", last_month()[1])


class MarkPaidForm(forms.Form):
    """The bank's reference of the transfer the treasurer has just made."""

    bank_reference = forms.CharField(
        label=_("Bank's reference"),
        max_length=64,
        help_text=_("As the bank's app shows it once the transfer is done."),
    )


# "−50.000", "+50,000", "50 000 ₫": whole đồng, with an optional sign and grouping.
SIGNED_DONG = re.compile(r"^([+\-−]?)(\d+)$")


class CorrectionForm(forms.Form):
    """A correction of her balance by staff: an amount in đồng, added or taken away, and why."""

    amount = forms.CharField(
        label=_("Amount (₫)"),
        max_length=20,
        help_text=_("Whole đồng: 50.000 adds to her balance, −50.000 takes away."),
        error_messages={"required": _("Write a whole number of đồng, such as 50.000 or −50.000.")},
        widget=forms.TextInput(attrs={"inputmode": "text", "autocomplete": "off"}),
    )
    reason = forms.CharField(
        label=_("Reason"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("She reads it in her statement."),
        error_messages={"required": _("Say why this correction is made.")},
    )

    def clean_amount(self):
        text = re.sub(r"[\s.,\u00a0₫đ]", "", self.cleaned_data["amount"].lower())
        match = SIGNED_DONG.match(text)
        if not match:
            raise forms.ValidationError(_("Write a whole number of đồng, such as 50.000 or −50.000."))
        amount = int(match.group(2))
        if not amount:
            raise forms.ValidationError(_("A correction of 0 ₫ changes nothing."))
        if amount > 10**11:
            raise forms.ValidationError(_("That is more than any seller's balance: check the amount."))
        return -amount if match.group(1) in ("-", "−") else amount


def recent_months(today=None, count=25):
    """(value, label) of this month and the `count` - 1 before it, newest first: ("2026-11", "11/2026")."""
    today = today or timezone.localdate()
    year, month = today.year, today.month
    months = []
    for _step in range(count):
        months.append((f"{year:04d}-{month:02d}", f"{month:02d}/{year:04d}"))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months


class MonthForm(forms.Form):
    """Which month's withholding to read: last month unless another is chosen (this month reads so far)."""

    month = forms.ChoiceField(label=_("Month"))

    def __init__(self, data=None, **kwargs):
        months = recent_months()
        super().__init__(data if data and data.get("month") else {"month": months[1][0]}, **kwargs)
        self.fields["month"].choices = months

    def year_and_month(self):
        """(year, month) chosen; last month's when the choice is not one offered."""
        value = self.cleaned_data["month"] if self.is_valid() else recent_months()[1][0]
        year, month = value.split("-")
        return int(year), int(month)
