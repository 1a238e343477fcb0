"""A seller's listing: her product with its one stock record and its photos, as she keeps it from her phone.

The seller portal (sellers/portal/products.py) adds and edits listings; the rules that keep
one whole live here:

- a product has one stock record, hers, with a SKU made for it;
- its kind (Oscar's product class) follows from its category (kind_for_category) unless one is chosen;
- its price is in whole đồng; its stock never goes below what orders already hold;
- what she types as stock is a change to what was left when she opened the page, so orders
  that came in while it was open keep what they took;
- a form is saved once: a second send of it (a double tap on a slow network) saves nothing;
- it has at most MAX_PHOTOS photos, numbered 0, 1, 2… in order; number 0 is the main one;
- her description is plain text, stored as escaped HTML paragraphs (the storefront shows HTML).

Photos that passed their checks in a form that failed on something else are kept for a day
(keep_photo), so that on a slow connection she does not have to send them again.
"""

import html
import re
import uuid
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.core import signing
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Count, Max
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import linebreaks, strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from oscar.core.loading import get_model
from oscar.core.thumbnails import get_thumbnailer

from vietnam.text import fold

from .sales import LOW_STOCK

Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
ProductImage = get_model("catalogue", "ProductImage")
ProductCategory = get_model("catalogue", "ProductCategory")
StockRecord = get_model("partner", "StockRecord")

MAX_PHOTOS = 5
CURRENCY = "VND"


@dataclass
class ListingRow:
    """One product of her list, with what the row shows; reads only what was prefetched."""

    product: Product

    @cached_property
    def stockrecord(self):
        records = self.product.stockrecords.all()
        return records[0] if records else None

    @cached_property
    def photo(self):
        photos = self.product.images.all()  # in display order (the model's ordering)
        return photos[0] if photos else None

    @property
    def price(self):
        return self.stockrecord.price if self.stockrecord else None

    @property
    def left(self):
        """How many she can still sell: in stock less what orders hold."""
        return max(self.stockrecord.net_stock_level, 0) if self.stockrecord else 0

    @property
    def is_out(self):
        return self.left == 0

    @property
    def is_low(self):
        if self.stockrecord is None or self.is_out:
            return False
        threshold = self.stockrecord.low_stock_threshold
        return self.left <= (LOW_STOCK if threshold is None else threshold)


# Her description


def description_html(text):
    """Her plain text as HTML: escaped, a blank line starts a paragraph, a line break stays one."""
    text = "\n".join(line.rstrip() for line in (text or "").strip().splitlines())
    return linebreaks(text, autoescape=True) if text else ""


def description_text(value):
    """A stored description back as the plain text she typed (or close to it, for HTML made elsewhere)."""
    value = re.sub(r"<br\s*/?>", "\n", value or "", flags=re.IGNORECASE)
    value = re.sub(r"</(p|li|h\d|blockquote|div)\s*>", "\n\n", value, flags=re.IGNORECASE)
    text = html.unescape(strip_tags(value))
    lines = [line.strip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


# Her product's kind


def kind_for_category(category, leaving_out=None):
    """The kind (product class) a product of `category` is, so that she need not choose it.

    The kind named as the category or its nearest parent ("Đồ uống › Chè" is a drink), else the
    kind most of the category's other products already have (union staff chose those; the product
    `leaving_out`, the one being edited, has no vote), else the first kind the Union listed (food).
    None only while the shop has no kinds at all.
    """
    kinds = list(ProductClass.objects.order_by("pk"))
    if category is None or not kinds:
        return kinds[0] if kinds else None
    by_name = {fold(kind.name): kind for kind in kinds}
    for each in reversed(category.get_ancestors_and_self()):
        if fold(each.name) in by_name:
            return by_name[fold(each.name)]
    most = (
        Product.objects.filter(categories__path__startswith=category.path, product_class__isnull=False)
        .exclude(pk=getattr(leaving_out, "pk", None))
        .values("product_class")
        .annotate(products=Count("pk", distinct=True))
        .order_by("-products", "product_class")
        .first()
    )
    by_pk = {kind.pk: kind for kind in kinds}
    return by_pk.get(most["product_class"], kinds[0]) if most else kinds[0]


# Adding and editing


@transaction.atomic
def save_listing(
    seller,
    product=None,
    *,
    title,
    category,
    product_class=None,
    price,
    stock,
    stock_shown=None,
    description="",
    weight_grams=None,
    is_public=True,
    photos=(),
):
    """Add a product of hers (product=None) or change one, with its stock record and new photos, all or nothing.

    `price` is in whole đồng; `stock` is how many she can still sell, so what orders hold
    comes on top; `stock_shown` is how many the page she typed it on said were left (see
    set_price_and_stock); `product_class` None is her category's kind (kind_for_category), or the kind
    the product has while its category stays the same (union staff may have set it);
    `photos` are checked uploads (catalog.images.prepare_product_photo), added after the
    photos it has. A new product comes from her commune.
    """
    if product is None:
        product = Product(seller=seller, origin_code=seller.commune_code)
    else:
        # One change at a time per product: two tabs adding photos could pass MAX_PHOTOS.
        product = Product.objects.select_for_update().get(pk=product.pk, seller=seller)

    product.title = title
    if product_class is not None:
        product.product_class = product_class
    elif product.product_class_id is None or not in_category(product, category):
        product.product_class = kind_for_category(category, leaving_out=product)
    if product.pk is None or description != description_text(product.description):
        # Unchanged text keeps the HTML it has, which union staff may have formatted in the dashboard.
        product.description = description_html(description)
    product.weight_grams = weight_grams
    product.is_public = is_public
    product.save()

    set_category(product, category)
    set_price_and_stock(product, seller, price, stock, stock_shown)
    add_photos(product, photos)
    return product


def in_category(product, category):
    """Whether the product (saved) is in `category` already."""
    return product.pk is not None and ProductCategory.objects.filter(product=product, category=category).exists()


def set_category(product, category):
    """Put the product in `category`; its other categories stay while the one she sees does not change."""
    links = ProductCategory.objects.filter(product=product)
    if category is None or links.filter(category=category).exists():
        return
    links.delete()
    ProductCategory.objects.create(product=product, category=category)


def set_price_and_stock(product, seller, price, stock, shown=None):
    """Set its price, and how many she can still sell: never below 0, nor below what orders hold.

    With `shown`, the number left when she opened the page, only her change is applied, to what
    is left now: orders placed while the page was open keep what they took, and a stock she
    did not touch stays as it is. A change that would take away more than is left now leaves
    none. Without it (a new product, a page from before the form sent it) `stock` is what is left.
    """
    record = StockRecord.objects.select_for_update().filter(product=product).first()
    if record is None:
        record = StockRecord(product=product, partner=seller, partner_sku=new_sku(seller, product))
        shown = None
    record.price = Decimal(price)
    record.price_currency = CURRENCY
    held = max(record.num_allocated or 0, 0)
    if shown is None:
        record.num_in_stock = held + stock
    elif stock != shown:
        left_now = max((record.num_in_stock or 0) - held, 0)
        record.num_in_stock = held + max(left_now + stock - shown, 0)
    record.save()
    return record


def new_sku(seller, product):
    """A SKU no other product of hers has: SP-<product id>, with a suffix if she already used that one."""
    base = f"SP-{product.pk}"
    taken = set(
        StockRecord.objects.filter(partner=seller, partner_sku__startswith=base).values_list("partner_sku", flat=True)
    )
    sku, number = base, 2
    while sku in taken:
        sku, number = f"{base}-{number}", number + 1
    return sku


def add_photos(product, photos):
    """Add checked photos after the ones it has; refuse to go past MAX_PHOTOS."""
    if not photos:
        return
    count = product.images.count()
    if count + len(photos) > MAX_PHOTOS:
        raise ValidationError(too_many_photos_message(count, len(photos)), code="too_many_photos")
    # After the last one, even where the dashboard left gaps in the numbers.
    last = product.images.aggregate(last=Max("display_order"))["last"]
    for order, upload in enumerate(photos, start=0 if last is None else last + 1):
        ProductImage.objects.create(product=product, original=upload, display_order=order)


def too_many_photos_message(count, adding):
    """What to tell her when `count` photos and `adding` more would be over MAX_PHOTOS."""
    room = max(MAX_PHOTOS - count, 0)
    if room == 0:
        return _("A product can have at most %(max)s photos, and this one has them all. Delete one to add another.") % {
            "max": MAX_PHOTOS
        }
    return _("A product can have at most %(max)s photos: you chose %(adding)s, so choose at most %(room)s.") % {
        "max": MAX_PHOTOS,
        "adding": adding,
        "room": room,
    }


# One save per form

# A form being saved is claimed for a few minutes, long enough for a save with photos; a
# claim left by a save that never finished then lapses, so the page can be sent again.
SAVING_FOR = 10 * 60  # seconds
# Saved, its token keeps naming the product for a day: a page left open on her phone overnight.
SAVED_FOR = 24 * 60 * 60
SAVING = "saving"


def new_form_token():
    """The one-time token of a product form, made when the blank form is shown."""
    return uuid.uuid4().hex


def save_listing_once(seller, product, token, values):
    """save_listing, once per form: the same form sent again (a double tap, a resend) saves nothing.

    `token` is the form's one-time token; a form without one (a page from before) is saved
    each time it comes. `values` returns save_listing's keyword arguments; it is called only
    to save, so a second send does not open her kept photos. The token is claimed in the
    cache, whose add() is atomic (Redis in production), before anything is saved.

    Returns (product, saved): on a second send, the product the first one saved (None while
    that one is still saving a new product) and False.
    """
    if not token:
        return save_listing(seller, product, **values()), True
    key = form_token_key(seller, token)
    if not cache.add(key, SAVING, timeout=SAVING_FOR):
        return product or product_saved_under(seller, cache.get(key)), False
    try:
        product = save_listing(seller, product, **values())
    except BaseException:
        cache.delete(key)  # nothing was saved: the same form may be sent again
        raise
    cache.set(key, product.pk, timeout=SAVED_FOR)
    return product, True


def product_saved_under(seller, saved):
    """Her product a form token names, or None while it is being saved."""
    if not isinstance(saved, int):
        return None
    return Product.objects.filter(seller=seller, pk=saved).first()


def form_token_key(seller, token):
    return f"seller-portal:listing-form:{seller.pk}:{token}"


# Quick changes from her list


def set_published(product, public):
    """Show the product to buyers, or hide it; hidden, it stays in her list and in past orders."""
    product.is_public = public
    product.save(update_fields=["is_public"])
    return product


@transaction.atomic
def change_stock(product, change):
    """Sell one more (+1) or one less (−1) of it; never below 0 nor below what orders hold.

    Returns the stock record; raises ValidationError, with a message for her, when it cannot go lower.
    """
    if change not in (1, -1):
        raise ValidationError(_("Use the − and + buttons to change the stock."), code="invalid_change")
    record = StockRecord.objects.select_for_update().filter(product=product).first()
    if record is None:
        raise ValidationError(_("Open the product and fill in its price and stock first."), code="no_stock_record")
    held = max(record.num_allocated or 0, 0)
    in_stock = (record.num_in_stock or 0) + change
    if in_stock < held:
        if held:
            raise ValidationError(
                ngettext(
                    "It cannot go lower: %(held)s is kept for an order not yet sent.",
                    "It cannot go lower: %(held)s are kept for orders not yet sent.",
                    held,
                )
                % {"held": held},
                code="held",
            )
        raise ValidationError(_("There are none left already."), code="none_left")
    record.num_in_stock = in_stock
    record.save(update_fields=["num_in_stock", "date_updated"])
    return record


# Arranging photos


@transaction.atomic
def move_photo_up(photo):
    """Put a photo one place earlier; moved to the front, it becomes the main photo."""
    photos = list(photos_in_order(photo.product_id))
    index = next(i for i, each in enumerate(photos) if each.pk == photo.pk)
    if index > 0:
        photos[index - 1], photos[index] = photos[index], photos[index - 1]
    renumber(photos)


@transaction.atomic
def delete_photo(photo):
    """Delete a photo (and its file); the others close up, so the next one may become the main photo."""
    # Not photo.delete(): Oscar's saves every other photo to renumber them; renumber() updates only those that move.
    ProductImage.objects.filter(pk=photo.pk).delete()
    renumber(list(photos_in_order(photo.product_id)))


def photos_in_order(product_id):
    # Locked, so that two taps at once do not number two photos alike.
    return ProductImage.objects.select_for_update().filter(product_id=product_id).order_by("display_order", "pk")


def renumber(photos):
    changed = [photo for order, photo in enumerate(photos) if photo.display_order != order]
    for order, photo in enumerate(photos):
        photo.display_order = order
    ProductImage.objects.bulk_update(changed, ["display_order"])


# Photos kept while she puts the rest of the form right

KEPT_FOLDER = "portal-uploads"
KEPT_FOR = 24 * 60 * 60  # seconds


@dataclass
class KeptPhoto:
    token: str
    name: str  # in storage
    filename: str  # as her phone named it

    def open(self):
        with default_storage.open(self.name, "rb") as stored:
            return ContentFile(stored.read(), name=self.filename)

    def discard(self):
        get_thumbnailer().delete_thumbnails(self.name)  # the preview of it on the form
        if default_storage.exists(self.name):
            default_storage.delete(self.name)


def keep_photo(seller, upload):
    """Store a checked photo until her next try of the form; the token says which, and only to her."""
    forget_old_kept_photos()
    name = default_storage.save(f"{KEPT_FOLDER}/{uuid.uuid4().hex}.jpg", upload)
    token = signing.dumps([name, upload.name], salt=kept_salt(seller))
    return KeptPhoto(token, name, upload.name)


def kept_photo(seller, token):
    """The photo a token of hers names, or None for a token that is not hers, too old or of a photo gone."""
    try:
        name, filename = signing.loads(token, salt=kept_salt(seller), max_age=KEPT_FOR)
    except (signing.BadSignature, TypeError, ValueError):
        return None
    if not str(name).startswith(f"{KEPT_FOLDER}/") or not default_storage.exists(name):
        return None
    return KeptPhoto(token, name, filename)


def forget_old_kept_photos():
    """Delete kept photos older than KEPT_FOR: forms given up on, photos she unticked.

    Runs when a photo is kept, which is rare (a form sent with photos and a mistake), so the
    folder stays small without a scheduled job.
    """
    try:
        _folders, names = default_storage.listdir(KEPT_FOLDER)
    except FileNotFoundError:
        return
    too_old = timezone.now() - timedelta(seconds=KEPT_FOR)
    for name in names:
        path = f"{KEPT_FOLDER}/{name}"
        if default_storage.get_modified_time(path) < too_old:
            KeptPhoto("", path, name).discard()


def kept_salt(seller):
    return f"sellers.listing.kept-photo:{seller.pk}"
