"""The menu item of the programme in figures, shown to staff who may read them."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem

from .views import may_read


class FiguresMenuItem(MenuItem):
    def is_shown(self, request):
        return may_read(request.user)


def figures_menu_item():
    return FiguresMenuItem(
        _("Programme in figures"), reverse("figures:figures"), name="figures", icon_name="clipboard-list", order=440
    )
