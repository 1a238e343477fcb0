import json
import unicodedata

from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.coreutils import get_js_regex

from vietnam.geography import ward_name
from vietnam.text import slugify

# Wagtail's slug autofill (WAGTAIL_ALLOW_UNICODE_SLUGS = False) drops the letters its maps do not know, most of
# Vietnamese's ("Chị" would become "ch") and writes "đ" as Serbian "dj": these formatters turn each one into its
# plain letter first, as vietnam.text.slugify does on the server.
TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
VOWELS = {"a": "aăâ", "e": "eê", "i": "i", "o": "oôơ", "u": "uư", "y": "y"}


def vietnamese_letters():
    """{plain letter: the Vietnamese letters written with it, both cases}; "đ" and "Đ" for "d"."""
    letters = {"d": "đĐ"}
    for plain, bases in VOWELS.items():
        found = {unicodedata.normalize("NFC", base + tone) for base in bases for tone in TONES}
        found = {letter for letter in found | {letter.upper() for letter in found} if not letter.isascii()}
        letters[plain] = "".join(sorted(found))
    return letters


SLUG_FORMATTERS = json.dumps(
    [[get_js_regex(f"[{letters}]"), plain] for plain, letters in vietnamese_letters().items()],
    ensure_ascii=False,
    separators=(",", ":"),
)


class AsciiSlugPageForm(WagtailAdminPageForm):
    """A page's form whose slug is ASCII: filled from the title in the browser, and made so on the server, where
    one left empty (a browser without scripts) is made from the title (cms.models.AsciiSlug).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].widget.attrs["data-w-slug-formatters-value"] = SLUG_FORMATTERS
            self.fields["slug"].required = False

    def clean_slug(self):
        """A new or changed slug in ASCII; an older page's accented address stays, so its links keep working."""
        slug = self.cleaned_data.get("slug")
        if not slug or slug.isascii() or (self.instance.pk and slug == self.instance.slug):
            return slug
        return slugify(slug)


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
