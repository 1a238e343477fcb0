import re

from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model
from oscar.templatetags.currency_filters import currency

from .communes import communes_of_public_products
from .models import BEST_SELLING, NEWEST, PRICE_DOWN, PRICE_UP, RELEVANCE

Category = get_model("catalogue", "Category")

# Prices a buyer may type: "150000", "150.000", "150 000 ₫", "150.000đ".
PRICE_DECORATION = re.compile(r"[\s.,₫]|(?:vn)?đ$|(?:vn)?d$", re.IGNORECASE)
HIGHEST_PRICE = 10**10  # what the stock record's price column can hold


class PriceField(forms.IntegerField):
    """A whole number of đồng, typed the way Vietnamese write prices ("150.000 ₫" is 150000)."""

    default_error_messages = {"invalid": _("Type the price in numbers, e.g. 150.000.")}

    def __init__(self, placeholder="", **kwargs):
        attrs = {"class": "form-control", "inputmode": "numeric", "autocomplete": "off", "size": 9}
        widget = forms.TextInput(attrs={**attrs, "placeholder": placeholder})
        super().__init__(min_value=0, max_value=HIGHEST_PRICE, required=False, widget=widget, **kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            value = PRICE_DECORATION.sub("", value.strip())
        return super().to_python(value)


def browsable_categories():
    """The public categories by id, in the tree's order."""
    return {item.pk: item for item in Category.objects.browsable().order_by("path")}


NOT_IN_THE_LIST = {"invalid_choice": _("Choose one from the list.")}


class ProductFilterForm(forms.Form):
    """The filters and sort order of a product listing, read from its query string.

    It is always bound, so that a value in the address that makes no sense (stars=9,
    price_min=abc) shows as an error on its field while the other filters still apply.
    """

    category = forms.TypedChoiceField(
        label=_("Category"),
        required=False,
        coerce=int,
        empty_value=None,
        error_messages=NOT_IN_THE_LIST,
        widget=forms.Select(attrs={"class": "form-control"}),
    )
    stars = forms.TypedChoiceField(
        label=_("OCOP stars"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[
            ("", _("Any")),
            (3, _("3 stars or more")),
            (4, _("4 stars or more")),
            (5, _("5 stars")),
        ],
        widget=forms.RadioSelect,
        error_messages=NOT_IN_THE_LIST,
    )
    commune = forms.TypedChoiceField(
        label=_("Commune or ward"),
        required=False,
        coerce=int,
        empty_value=None,
        error_messages=NOT_IN_THE_LIST,
        widget=forms.Select(attrs={"class": "form-control"}),
    )
    price_min = PriceField(label=_("Lowest price"), placeholder="50.000")
    price_max = PriceField(label=_("Highest price"), placeholder="300.000")
    in_stock = forms.BooleanField(label=_("In stock only"), required=False)
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        error_messages=NOT_IN_THE_LIST,
        widget=forms.Select(attrs={"class": "form-control"}),
    )

    SORTS = [
        (NEWEST, _("Newest")),
        (PRICE_UP, _("Price: low to high")),
        (PRICE_DOWN, _("Price: high to low")),
        (BEST_SELLING, _("Best selling")),
    ]
    FILTERS = ["category", "stars", "commune", "price_min", "price_max", "in_stock"]

    def __init__(self, data, *, category=None, categories=None):
        """`category`: the one a category page lists; `categories`: the public ones by id, in the tree's order."""
        super().__init__(data)
        self.query = " ".join(str(data.get("q", "")).split())[:200]
        self.default_sort = RELEVANCE if self.query else NEWEST
        sorts = [(RELEVANCE, _("Best match"))] if self.query else []
        self.fields["sort"].choices = sorts + self.SORTS
        self.fields["sort"].initial = self.default_sort
        if category is None:
            self.categories = categories if categories is not None else browsable_categories()
            self.fields["category"].choices = [("", _("All categories"))] + [
                (pk, "— " * (item.depth - 1) + item.name) for pk, item in self.categories.items()
            ]
        else:
            # A category page lists one category; its subcategories are links on the page.
            del self.fields["category"]
        self.fields["commune"].choices = [("", _("All communes"))] + communes_of_public_products()

    def clean(self):
        data = super().clean()
        lowest, highest = data.get("price_min"), data.get("price_max")
        if lowest is not None and highest is not None and lowest > highest:
            self.add_error("price_max", _("The highest price must not be below the lowest."))
        return data

    @property
    def valid_data(self):
        """The values that made sense; a field with an error counts as not filled in."""
        self.is_valid()
        return self.cleaned_data

    def filter(self, queryset):
        """The products of `queryset` that pass every valid filter, in the chosen order."""
        data = self.valid_data
        if data.get("category") is not None:
            queryset = queryset.in_category(self.categories[data["category"]])
        if data.get("stars") is not None:
            queryset = queryset.with_current_ocop(data["stars"])
        if data.get("commune") is not None:
            queryset = queryset.filter(origin_code=data["commune"])
        if data.get("price_min") is not None or data.get("price_max") is not None:
            queryset = queryset.priced_between(data.get("price_min"), data.get("price_max"))
        if data.get("in_stock"):
            queryset = queryset.in_stock()
        return queryset.sorted_by(data.get("sort") or self.default_sort)

    def active_filters(self):
        """(what a filter shows, query string of the page without it) for each filter in use."""
        data = self.valid_data
        active = []
        if data.get("category") is not None:
            active.append((self.categories[data["category"]].name, ["category"]))
        if data.get("stars") is not None:
            active.append((dict(self.fields["stars"].choices)[data["stars"]], ["stars"]))
        if data.get("commune") is not None:
            active.append((dict(self.fields["commune"].choices)[data["commune"]], ["commune"]))
        if data.get("price_min") is not None or data.get("price_max") is not None:
            active.append(
                (self.price_range_label(data.get("price_min"), data.get("price_max")), ["price_min", "price_max"])
            )
        if data.get("in_stock"):
            active.append((_("In stock"), ["in_stock"]))
        return [(label, self.query_string_without(names)) for label, names in active]

    def price_range_label(self, lowest, highest):
        if highest is None:
            return _("From %(lowest)s") % {"lowest": currency(lowest)}
        if lowest is None:
            return _("Up to %(highest)s") % {"highest": currency(highest)}
        return _("%(lowest)s to %(highest)s") % {"lowest": currency(lowest), "highest": currency(highest)}

    def query_string_without(self, names=()):
        """This page's query string less some parameters (and the page number: filters change the pages)."""
        params = self.data.copy()
        for name in [*names, "page"]:
            params.pop(name, None)
        for name in list(params):
            if not any(params.getlist(name)):
                del params[name]
        return params.urlencode()

    @property
    def clear_query_string(self):
        """The query string with no filters: the search alone, if any, and the sort."""
        return self.query_string_without(self.FILTERS)
