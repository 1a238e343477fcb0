from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from vietnam.geography import ward_name


class StoryFilterForm(forms.Form):
    """The story index's filters, from the query string: the maker's commune and a product category.

    A value that is not a choice is dropped, as if it had not been given.
    """

    commune = forms.TypedChoiceField(label=_("Commune"), required=False, coerce=int, empty_value=None)
    category = forms.TypedChoiceField(label=_("Product category"), required=False, coerce=int, empty_value=None)

    def __init__(self, data, stories):
        super().__init__(data)
        Category = get_model("catalogue", "Category")
        codes = stories.exclude(seller__commune_code=None).values_list("seller__commune_code", flat=True).distinct()
        communes = sorted(((code, ward_name(code)) for code in codes), key=lambda choice: choice[1])
        self.fields["commune"].choices = [("", _("All communes")), *communes]
        categories = Category.objects.order_by("path").values_list("pk", "name", "depth", "path")
        self.fields["category"].choices = [
            ("", _("All categories")),
            *((pk, "— " * (depth - 1) + name) for pk, name, depth, _path in categories),
        ]
        self.category_paths = {pk: path for pk, _name, _depth, path in categories}

    def filter(self, stories):
        """The stories that pass the valid filters."""
        self.is_valid()
        data = self.cleaned_data
        if data.get("commune"):
            stories = stories.filter(seller__commune_code=data["commune"])
        if data.get("category"):
            # Its products, or those of a category below it; a subquery, so the list stays one query.
            Product = get_model("catalogue", "Product")
            path = self.category_paths[data["category"]]
            sellers = Product.objects.browsable().filter(categories__path__startswith=path).values("seller")
            stories = stories.filter(seller__in=sellers)
        return stories
