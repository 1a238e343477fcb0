"""Oscar's order search form in the dashboard, with the statuses in the reader's words (orders/status.py), and the
buyer's phone number: a guest may have given no email, and she calls with her number.

Oscar offers each status as the English text it stores ("Pending payment"); the choice still sends that text.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.apps.dashboard.orders.forms import OrderSearchForm as OscarOrderSearchForm

from orders.status import OrderStatus
from vietnam.phones import normalise_phone


class OrderSearchForm(OscarOrderSearchForm):
    status = forms.ChoiceField(choices=[("", "---------"), *OrderStatus.choices], label=_("Status"), required=False)
    phone = forms.CharField(label=_("Buyer's phone number"), required=False, max_length=32)

    def clean_phone(self):
        """The number in its stored form (+84912345678), however it was typed; what is not a mobile number is kept."""
        typed = self.cleaned_data["phone"].strip()
        return normalise_phone(typed) or typed
