"""The product form of the seller portal: one page to add a product or change it, photos included."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from oscar.core.loading import get_model

from catalog.forms import HIGHEST_PRICE
from catalog.images import ProductPhotoField
from catalog.kinds import kind_name
from sellers.listing import (
    MAX_PHOTOS,
    ListingRow,
    description_text,
    keep_photo,
    kept_photo,
    kind_for_category,
    new_form_token,
    too_many_photos_message,
)

Category = get_model("catalogue", "Category")
ProductClass = get_model("catalogue", "ProductClass")

# "125000", "125.000", "125 000", "1.250.000 đ": whole đồng, in groups of three or not at all.
WHOLE_DONG = re.compile(r"\d+|\d{1,3}(?:[., \u00a0]\d{3})+")
CURRENCY_WORD = re.compile(r"\s*(₫|đồng|dong|vnd|vnđ|đ|d)\.?$", re.IGNORECASE)
MOST_IN_STOCK = 1_000_000
HEAVIEST = 1_000_000  # grams: a tonne is not sent by post
FORM_TOKEN = re.compile(r"[0-9a-f]{32}")


class KindField(forms.ModelChoiceField):
    """A choice of product class, each named in the reader's language (catalog/kinds.py)."""

    def label_from_instance(self, obj):
        return kind_name(obj)


class PriceInDongField(forms.IntegerField):
    """A price in whole đồng typed as Vietnamese write it; "125.5" is refused, not read as 1255."""

    default_error_messages = {
        "required": _("Type the price."),
        "invalid": _("Type the price in whole đồng, e.g. 125.000."),
        "min_value": _("The price must be more than 0 đồng."),
        "max_value": _("This price is too high. Check the number of zeros."),
    }

    def __init__(self, **kwargs):
        widget = forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"})
        super().__init__(min_value=1, max_value=HIGHEST_PRICE - 1, widget=widget, **kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        text = CURRENCY_WORD.sub("", str(value).strip())
        if text.startswith("-"):
            raise ValidationError(self.error_messages["min_value"], code="min_value")
        if not WHOLE_DONG.fullmatch(text):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return int(re.sub(r"\D", "", text))

    def widget_attrs(self, widget):
        # IntegerField would add min/max/step, which mean nothing to a text input.
        return {key: value for key, value in super().widget_attrs(widget).items() if key not in ("min", "max", "step")}


class PhotoInput(forms.FileInput):
    """Photo files; the template draws two of them with this name, the camera's and the gallery's."""

    allow_multiple_selected = True


class PhotosField(forms.Field):
    """Photos chosen at once; each is checked by catalog.images, and the good ones are kept apart from the bad."""

    widget = PhotoInput

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)

    def clean(self, value):
        self.good, errors = [], []
        one_photo = ProductPhotoField(required=False)
        for upload in value or ():
            try:
                photo = one_photo.clean(upload)
            except ValidationError as error:
                # She may choose several: say which file each message is about.
                errors.extend(f"{upload.name}: {message}" for message in error.messages)
            else:
                if photo is not None:
                    self.good.append(photo)
        if errors:
            raise ValidationError(errors)
        return self.good


class KeptPhotosField(forms.Field):
    """Tokens of photos kept from her last try of the form (sellers.listing.keep_photo), as checkboxes."""

    widget = forms.MultipleHiddenInput

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)

    def to_python(self, value):
        return [token for token in value or () if isinstance(token, str)]


class ListingForm(forms.Form):
    """Photos, name, category, price, stock: all she must give; the kind follows from the category.

    Stock starts at 1 and "Show it to buyers" ticked; a description, the weight and another kind
    are hers to add. The SKU and the commune of origin are made by sellers.listing.
    """

    FOLDED = ("product_class", "weight_grams")

    title = forms.CharField(
        label=_("Product name"),
        max_length=255,
        error_messages={"required": _("Type the product's name.")},
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    category = forms.TypedChoiceField(
        label=_("Category"),
        coerce=int,
        error_messages={"required": _("Choose a category."), "invalid_choice": _("Choose a category.")},
    )
    # Folded away: the category says what kind it is (sellers.listing.kind_for_category); she changes it if wrong.
    product_class = KindField(
        label=_("Kind of product"),
        required=False,
        queryset=ProductClass.objects.order_by("pk"),  # as the Union listed them: food first
        empty_label=_("As its category says"),
        help_text=_("The category says what kind it is. Change it only if that is wrong."),
        error_messages={"invalid_choice": _("Choose a kind.")},
    )
    price = PriceInDongField(label=_("Price (đồng)"), help_text=_("For example 125.000"))
    stock = forms.IntegerField(
        label=_("Left to sell"),
        initial=1,  # a new product: one to sell unless she says more
        min_value=0,
        max_value=MOST_IN_STOCK,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "required": _("Type how many you have, or 0."),
            "invalid": _("Type a whole number, e.g. 10."),
            "min_value": _("It cannot be less than 0."),
            "max_value": _("This number is too high."),
        },
    )
    description = forms.CharField(
        label=_("About the product"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What it is made of, how it is made, how to use and keep it."),
    )
    weight_grams = forms.IntegerField(
        label=_("Weight with packaging (grams)"),
        required=False,
        min_value=1,
        max_value=HEAVIEST,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        help_text=_("Used to work out the shipping fee."),
        error_messages={"invalid": _("Type a whole number of grams, e.g. 500."), "min_value": _("Type at least 1.")},
    )
    is_public = forms.BooleanField(
        label=_("Show it to buyers"), required=False, initial=True, help_text=_("Untick to keep it hidden for now.")
    )
    photos = PhotosField(label=_("Photos"))
    kept_photos = KeptPhotosField()
    # How many were left to sell when the edit page was made: what she types is a change to it.
    stock_shown = forms.CharField(required=False, widget=forms.HiddenInput)
    # One-time, made with the blank form and sent back with each try of it, so a second send is not saved again.
    form_token = forms.CharField(required=False, initial=new_form_token, widget=forms.HiddenInput)

    def __init__(self, *args, seller, product=None, **kwargs):
        self.seller, self.product = seller, product
        self.photo_count = product.images.count() if product else 0
        if product is not None:
            kwargs["initial"] = {**self.initial_for(product), **(kwargs.get("initial") or {})}
        super().__init__(*args, **kwargs)
        self.kept = []
        self.fields["category"].choices = [("", _("Choose…")), *category_choices(product)]
        if product is None:
            del self.fields["stock_shown"]
        held = self.held_for_orders(product)
        if held:
            self.fields["stock"].help_text = ngettext(
                "Not counting the %(held)s kept for an order not yet sent.",
                "Not counting the %(held)s kept for orders not yet sent.",
                held,
            ) % {"held": held}

    @staticmethod
    def held_for_orders(product):
        record = ListingRow(product).stockrecord if product else None
        return max(record.num_allocated or 0, 0) if record else 0

    @staticmethod
    def initial_for(product):
        row = ListingRow(product)
        links = list(product.categories.order_by("path").values_list("pk", flat=True)[:1])
        kind = kind_for_category(Category.objects.filter(pk=links[0]).first() if links else None, leaving_out=product)
        # "As its category says" while it is so: a new category she chooses then brings its own kind.
        follows = kind is not None and kind.pk == product.product_class_id
        return {
            "title": product.title,
            "product_class": "" if follows else product.product_class_id,
            "category": links[0] if links else "",
            "price": written_price(row.price),
            "stock": row.left,
            "stock_shown": row.left,
            "description": description_text(product.description),
            "weight_grams": product.weight_grams,
            "is_public": product.is_public,
        }

    @property
    def folded_open(self):
        """Whether the folded fields (kind, weight) show unfolded: one of them needs correcting."""
        return any(self[name].errors for name in self.FOLDED)

    def folded_fields(self):
        return [self[name] for name in self.FOLDED]

    @property
    def room_for_photos(self):
        return max(MAX_PHOTOS - self.photo_count - len(self.kept), 0)

    def clean_kept_photos(self):
        self.kept = [photo for token in self.cleaned_data["kept_photos"] if (photo := kept_photo(self.seller, token))]
        return self.kept

    def clean_stock_shown(self):
        shown = self.cleaned_data["stock_shown"].strip()
        return int(shown) if shown.isascii() and shown.isdigit() else None  # none: she sets what is left

    def clean_form_token(self):
        token = self.cleaned_data["form_token"]
        return token if FORM_TOKEN.fullmatch(token) else ""  # none (a page from before): saved each time

    def clean_category(self):
        pk = self.cleaned_data["category"]
        return Category.objects.get(pk=pk) if pk not in (None, "") else None

    def clean(self):
        data = super().clean()
        adding = len(self.kept) + len(getattr(self.fields["photos"], "good", ()))
        if self.photo_count + adding > MAX_PHOTOS:
            self.add_error("photos", too_many_photos_message(self.photo_count, adding))
        return data

    def keep_good_photos(self):
        """Keep the photos that passed their checks, so that correcting another field does not send them again."""
        for photo in getattr(self.fields["photos"], "good", ()):
            self.kept.append(keep_photo(self.seller, photo))
        self.fields["photos"].good = []

    def photos_to_add(self):
        """The photos to store with the listing: those kept from before, then the new ones."""
        return [photo.open() for photo in self.kept] + list(self.cleaned_data["photos"])

    def listing_values(self):
        """The keyword arguments of sellers.listing.save_listing."""
        fields = ["title", "product_class", "category", "price", "stock", "description", "weight_grams", "is_public"]
        return {name: self.cleaned_data[name] for name in fields} | {
            "stock_shown": self.cleaned_data.get("stock_shown"),
            "photos": self.photos_to_add(),
        }


def written_price(price):
    """A price as she would type it: 125.000 (dots between thousands, whatever the language)."""
    return f"{int(price):,}".replace(",", ".") if price is not None else None


def category_choices(product=None):
    """Categories without subcategories, by full name ("Đặc sản khô › Miến & bún khô"), from one query.

    A product a union officer put in a broader category keeps it as a choice.
    """
    step = Category.steplen
    categories = list(Category.objects.browsable().order_by("path"))
    names = {category.path: category.name for category in categories}
    parents = {category.path[:-step] for category in categories}
    current = set(product.categories.values_list("pk", flat=True)) if product else set()
    choices = []
    for category in categories:
        if category.path in parents and category.pk not in current:
            continue
        full_name = " › ".join(names[category.path[:end]] for end in range(step, len(category.path) + 1, step))
        choices.append((category.pk, full_name))
    return choices
