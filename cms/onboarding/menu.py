"""The "Import sellers" item of Wagtail's menu, for staff who may import (officers and editors)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem

from .views import IMPORT


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(IMPORT)


def import_menu_item():
    return ImportMenuItem(
        _("Import sellers"), reverse("onboarding:index"), name="import-sellers", icon_name="upload", order=440
    )
