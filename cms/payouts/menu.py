"""The "Sellers' money" group of Wagtail's menu, shown to staff who may read payouts."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from .views import READ

ITEMS = [
    (_("Payout runs"), "payouts:runs", "table"),
    (_("Sellers' balances"), "payouts:balances", "list-ul"),
    (_("Tax withheld"), "payouts:withholding", "calendar-check"),
]


class MoneyMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(READ)


def money_menu_item():
    """The group, which the sidebar leaves out when none of its items is shown (Wagtail's SubmenuMenuItem)."""
    items = [
        MoneyMenuItem(label, reverse(url_name), name=url_name.replace(":", "-"), icon_name=icon, order=order)
        for order, (label, url_name, icon) in enumerate(ITEMS, start=1)
    ]
    return SubmenuMenuItem(_("Sellers' money"), Menu(items=items), name="sellers-money", icon_name="table", order=450)
