from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from catalog.images import ProductPhotoField
from sellers.forms import TaxCodeField
from users.forms import PHONE_INPUT
from vietnam.banks import bank_choices
from vietnam.phones import format_phone, normalise_phone

Partner = get_model("partner", "Partner")


class ProfileForm(forms.ModelForm):
    """What she says about her business, how buyers and the Union reach her, and where her money goes."""

    # Her photo gets the product photos' checks: upright, at most 2000 px, no GPS position.
    photo = ProductPhotoField(label=_("Your photo"), required=False)
    tax_code = TaxCodeField(
        label=Partner._meta.get_field("tax_code").verbose_name,
        help_text=Partner._meta.get_field("tax_code").help_text,
    )

    class Meta:
        model = Partner
        fields = [
            "name", "owner_name", "story", "photo", "kind", "members", "delivery_days",
            "phone", "zalo",
            "bank_bin", "bank_account_number", "bank_account_holder", "tax_code",
            "ethnic_group", "show_ethnic_group", "count_ethnic_group", "union_may_act",
        ]  # fmt: skip
        labels = {"name": _("Name of your business"), "owner_name": _("Your full name")}
        help_texts = {
            "story": _("How you started, how you make your products. Buyers read it on your page."),
            "members": _("Only for a cooperative."),
            "zalo": _("Leave empty if it is the same as your phone."),
        }
        widgets = {
            "story": forms.Textarea(attrs={"rows": 6}),
            "kind": forms.RadioSelect,
            "members": forms.NumberInput(attrs={"inputmode": "numeric", "min": 1}),
            "delivery_days": forms.NumberInput(attrs={"inputmode": "numeric", "min": 1, "max": 30}),
            "phone": PHONE_INPUT,
            "zalo": PHONE_INPUT,
            "bank_bin": forms.Select(choices=[("", _("Choose your bank")), *bank_choices()]),
            "bank_account_number": forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        }

    PUBLIC = ("name", "owner_name", "story", "photo", "kind", "members", "delivery_days")
    CONTACT = ("phone", "zalo")
    PAYOUT = ("bank_bin", "bank_account_number", "bank_account_holder", "tax_code")
    PRIVATE = ("ethnic_group", "show_ethnic_group", "count_ethnic_group", "union_may_act")

    def __init__(self, *args, acting=False, **kwargs):
        super().__init__(*args, **kwargs)
        # Where her money goes and what only she may say stay hers: staff acting for her see them, unchangeable.
        self.acting = acting
        for name in self.PAYOUT + self.PRIVATE if acting else ():
            self.fields[name].disabled = True
        self.fields["name"].required = True
        self.fields["phone"].required = True
        for number in self.CONTACT:  # as she writes it: 0912 345 601, not +84912345601
            self.initial[number] = format_phone(self.initial.get(number)) or self.initial.get(number)
        if self.instance.bank_name and not self.instance.bank_bin:
            # A bank she typed before there was a list, which the list did not recognise.
            self.fields["bank_bin"].help_text = _("You wrote “%(name)s”: choose your bank from the list.") % {
                "name": self.instance.bank_name
            }

    def sections(self):
        """The form's fields in the groups the page shows them: about her, contact, payouts, private."""
        return [
            (_("About you"), None, [self[name] for name in self.PUBLIC]),
            (
                _("Contact"),
                _("Buyers do not see your numbers; the Union calls you on them."),
                [self[n] for n in self.CONTACT],
            ),
            (
                _("Getting paid"),
                self.note(_("Only you and the Women's Union see this.")),
                [self[n] for n in self.PAYOUT],
            ),
            (_("Private"), self.note(None), [self[n] for n in self.PRIVATE]),
        ]

    def note(self, note):
        """A section's note; for staff acting for her, that only she can change it."""
        return _("Only she can change this, in her own shop.") if self.acting else note

    def clean_phone(self):
        return normalise_phone(self.cleaned_data["phone"]) or self.cleaned_data["phone"]

    def clean_bank_account_number(self):
        number = "".join(self.cleaned_data["bank_account_number"].split())
        if number and not number.isdigit():
            raise forms.ValidationError(_("An account number has digits only."))
        return number

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == Partner.Kind.COOPERATIVE and not cleaned.get("members"):
            self.add_error("members", _("Say how many members the cooperative has."))
        if cleaned.get("kind") == Partner.Kind.HOUSEHOLD:
            cleaned["members"] = None
        return cleaned
