"""The sizes of a product photo that pages show, made in the background as soon as the photo is saved.

sorl-thumbnail makes a thumbnail the first time a page asks for it, so without this the first buyer
of a new product's page, or of a card that lists it, would wait while a dozen sizes are cut from its
2,000-pixel photo. Each size is named here once, and once made their storage names and sizes are kept
with the photo (ProductImage.thumbnails), so a page renders them with no lookup at all: asking sorl
costs one cache get per picture (26 on a list page), which made a Redis cache slower than local
memory. A photo whose sizes are not stored yet (the task has not run, or was made before they were
kept) is shown through sorl as before, with the same options, so it finds the sizes sorl made.
`manage.py make_thumbnails` (also run by the demo loader) enqueues the task for every such photo.
"""

from dataclasses import dataclass
from functools import partial

from django.apps import apps
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django_tasks import task
from oscar.core.thumbnails import get_thumbnailer
from sorl.thumbnail.images import source_cache

from vietnam.retrying import retried

# The product page's gallery: square crops a browser picks from by screen width and pixel density, in WebP
# and, for browsers without it, JPEG. The 1200 px JPEG is also the link preview's (shop/templatetags/sharing.py).
PICTURE_WIDTHS = (400, 800, 1200)
PICTURE_FORMATS = ("WEBP", "JPEG")
PICTURE_QUALITY = 80
# The squares pages show, cropped at the centre, by the name the product_thumbnail tag is given.
SQUARES = {
    "card": "400x400",  # a product card (catalogue/partials/product.html); her photos on the portal's product form
    "line": "144x144",  # a basket line (basket/partials/basket_content.html); her list of products in the portal
    "strip": "120x120",  # the strip under the product page's gallery (catalogue/detail.html)
}


def picture_thumbnail(original, width, image_format):
    """One size of a product photo in the gallery's <picture>: never blown up past the photo's own size."""
    return get_thumbnailer().generate_thumbnail(
        original, size=f"{width}x{width}", crop="center", upscale=False, quality=PICTURE_QUALITY, format=image_format
    )


@retried
@task
def make_product_thumbnails(name):
    """Make every size pages show of the product photo stored as `name`, and keep their names with the photo.

    sorl keeps the sizes made already, so a second run only reads them back. Kept only on a photo whose
    file is still `name`: one replaced meanwhile has its own task coming.
    """
    thumbnailer = get_thumbnailer()
    made = {"of": name}
    with source_cache():  # the photo is read from the storage once, for all its sizes
        for image_format in PICTURE_FORMATS:
            made[image_format] = [described(picture_thumbnail(name, width, image_format)) for width in PICTURE_WIDTHS]
        for key, size in SQUARES.items():
            made[key] = described(thumbnailer.generate_thumbnail(name, size=size, crop="center"))
    # update(): saving would enqueue this again; the model is catalog's own, which imports this module.
    apps.get_model("catalogue", "ProductImage").objects.filter(original=name).update(thumbnails=made)


def described(thumbnail):
    """What a page needs of a thumbnail: its name in the storage and its size (for srcset, width and height)."""
    return {"name": thumbnail.name, "width": thumbnail.width, "height": thumbnail.height}


def make_thumbnails_on_commit(name):
    """Enqueue make_product_thumbnails for a photo once the transaction that saved it commits."""
    transaction.on_commit(partial(make_product_thumbnails.enqueue, name))


def make_missing_thumbnails():
    """Enqueue make_product_thumbnails for every product photo whose sizes are not kept with it; how many."""
    photos = apps.get_model("catalogue", "ProductImage").objects.exclude(original="")
    names = [photo.original.name for photo in photos.only("original", "thumbnails") if not kept_sizes(photo)]
    for name in names:
        make_product_thumbnails.enqueue(name)
    return len(names)


# Pages: the sizes kept with a photo, else sorl's


@dataclass(frozen=True)
class KeptThumbnail:
    """A size kept with a photo; like sorl's thumbnail to a template (url, width, height).

    The URL is asked of the storage each time, not kept: a bucket's signed URLs expire.
    """

    name: str
    width: int
    height: int

    @property
    def url(self):
        return default_storage.url(self.name)


def kept_sizes(image):
    """The sizes kept with a product photo, when they were made of its file now; {} otherwise.

    `image` may also be Oscar's stand-in for a product without photos (a dict), which has none.
    """
    kept = getattr(image, "thumbnails", None) or {}
    original = getattr(image, "original", None)
    if not original or kept.get("of") != original.name:
        return {}
    return kept


def square_thumbnail(image, key):
    """The square SQUARES[key] of a product photo (or Oscar's stand-in for none): kept, else through sorl."""
    kept = kept_sizes(image).get(key)
    if kept:
        return KeptThumbnail(**kept)
    original = image["original"] if isinstance(image, dict) else image.original
    return get_thumbnailer().generate_thumbnail(original, size=SQUARES[key], crop="center")


def picture_thumbnails(image, image_format):
    """The sizes of the gallery's <picture> in `image_format`, one per PICTURE_WIDTHS: kept, else through sorl."""
    kept = kept_sizes(image).get(image_format)
    if kept:
        return [KeptThumbnail(**size) for size in kept]
    original = image["original"] if isinstance(image, dict) else image.original
    return [picture_thumbnail(original, width, image_format) for width in PICTURE_WIDTHS]


# A product without photos: Oscar's "no photo" picture, from the media storage like any photo

_missing_photos = {}


def missing_photo():
    """The name in the media storage of Oscar's "no photo" picture, copied there the first time it is asked for.

    Oscar's own MissingProductImage symlinks it into MEDIA_ROOT, which a bucket does not see; this goes
    through the storage, once per process and storage.
    """
    name = settings.OSCAR_MISSING_IMAGE_URL
    key = (name, str(settings.MEDIA_ROOT), repr(settings.STORAGES["default"]))
    if key not in _missing_photos:
        if not default_storage.exists(name):
            with open(finders.find(f"oscar/img/{name}"), "rb") as picture:
                name = default_storage.save(name, File(picture))
        _missing_photos[key] = name
    return _missing_photos[key]
