from oscar.apps.basket import forms as oscar_forms
from oscar.apps.basket.forms import *  # noqa: F403  (the rest of Oscar's forms; those below replace its own)


class BasketLineForm(oscar_forms.BasketLineForm):
    """Oscar's, its quantity box drawn as the basket page shows it (no template tag copying the widget per line)."""

    def __init__(self, strategy, *args, **kwargs):
        super().__init__(strategy, *args, **kwargs)
        self.fields["quantity"].widget.attrs.update({"class": "form-control", "inputmode": "numeric"})


class BasketVoucherForm(oscar_forms.BasketVoucherForm):
    """Oscar's, its code box drawn as the basket page shows it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].widget.attrs["class"] = "form-control"
