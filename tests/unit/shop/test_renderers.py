"""The form renderer's plain inputs and selects are Django's own markup."""

import re

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates

from shop.renderers import FormRenderer


class EveryInput(forms.Form):
    name = forms.CharField(max_length=20, widget=forms.TextInput(attrs={"placeholder": 'Chị "Mai" & em'}))
    quantity = forms.IntegerField(min_value=1, max_value=6)
    email = forms.EmailField(required=False)
    website = forms.URLField(required=False)
    secret = forms.CharField(widget=forms.PasswordInput(render_value=True))
    line = forms.IntegerField(widget=forms.HiddenInput)
    phone = forms.CharField(widget=forms.TextInput(attrs={"type": "tel", "inputmode": "tel", "autofocus": True}))
    keep = forms.BooleanField(required=False)
    remove = forms.BooleanField(required=False, widget=forms.CheckboxInput(attrs={"disabled": False}))
    day = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    sort = forms.ChoiceField(choices=[("", "Mới nhất"), ("price", "Giá <thấp> & cao")], required=False)
    commune = forms.TypedChoiceField(
        coerce=int,
        required=False,
        choices=[("", "Mọi xã"), ("Nguyên Bình", [(1, "Xã Tĩnh Túc"), (2, "Xã Phan Thanh")]), (3, "Xã Hòa An")],
    )
    kinds = forms.MultipleChoiceField(choices=[("a", "Đặc sản"), ("b", "Thổ cẩm")], required=False)
    stars = forms.TypedChoiceField(
        coerce=int, required=False, choices=[("", "Mọi hạng"), (3, "3 sao <trở lên>")], widget=forms.RadioSelect
    )
    gifts = forms.MultipleChoiceField(
        choices=[("box", "Hộp quà"), ("Gói", [("card", "Thiệp & lời chúc")])],
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


def same_markup(html):
    """The markup with the white space between tags left out, and any other run of it as one space."""
    return re.sub(r"\s+", " ", re.sub(r">\s+<", "><", html.strip()))


@pytest.mark.parametrize(
    "data",
    [
        None,
        {
            "name": "<b>Mai</b>",
            "quantity": "0",
            "email": "x",
            "secret": "bí mật",
            "line": "7",
            "keep": "on",
            "sort": "price",
            "commune": "2",
            "kinds": ["a", "b"],
            "stars": "3",
            "gifts": ["card"],
        },
    ],
)
def test_every_plain_input_is_drawn_as_django_draws_it(data):
    ours, django = EveryInput(data, renderer=FormRenderer()), EveryInput(data, renderer=DjangoTemplates())
    if data:
        ours.is_valid(), django.is_valid()

    for name in EveryInput.base_fields:
        assert same_markup(str(ours[name])) == same_markup(str(django[name])), name
    assert same_markup(ours.as_div()) == same_markup(django.as_div())


def test_a_choice_drawn_alone_is_drawn_as_django_draws_it():
    """A template that draws each radio button in a label of its own, as the listing's filters do ({{ radio.tag }})."""
    ours, django = (
        EveryInput({"stars": "3"}, renderer=FormRenderer()),
        EveryInput({"stars": "3"}, renderer=DjangoTemplates()),
    )

    for mine, theirs in zip(ours["stars"], django["stars"], strict=True):
        assert same_markup(mine.tag()) == same_markup(theirs.tag())
        assert same_markup(str(mine)) == same_markup(str(theirs))
