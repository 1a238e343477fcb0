from django import forms
from django.utils.translation import gettext_lazy as _

from sellers.importing import XLSX


class UploadForm(forms.Form):
    """The filled-in template."""

    file = forms.FileField(
        label=_("The filled-in template (.xlsx)"),
        widget=forms.ClearableFileInput(attrs={"accept": f".xlsx,{XLSX}"}),
        error_messages={"required": _("Choose the file to upload.")},
    )
