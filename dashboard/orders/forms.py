"""Oscar's order search form in the dashboard, with the statuses in the reader's words (orders/status.py).

Oscar offers each status as the English text it stores ("Pending payment"); the choice still sends that text.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.apps.dashboard.orders.forms import OrderSearchForm as OscarOrderSearchForm

from orders.status import OrderStatus


class OrderSearchForm(OscarOrderSearchForm):
    status = forms.ChoiceField(choices=[("", "---------"), *OrderStatus.choices], label=_("Status"), required=False)
