"""The sizes of a product photo that pages show, made in the background as soon as the photo is saved.

sorl-thumbnail makes a thumbnail the first time a page asks for it, so without this the first buyer
of a new product's page, or of a card that lists it, would wait while a dozen sizes are cut from its
2,000-pixel photo. Each size is named here once, and once made their storage names and sizes are kept
with the photo (ProductImage.thumbnails), so a page renders them with no lookup at all: asking sorl
costs one cache get per picture (26 on a list page), which made a Redis cache slower than local
memory. A photo whose sizes are not stored yet (the task has not run, or was made before they were
kept) is shown through sorl as before, with the same options, so it finds the sizes sorl made.
`manage.py make_thumbnails` (also run by the demo loader) enqueues the task for every photo that lacks
one of the sizes named here, so a size added here is made for the photos saved before it.
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
# The encoder's quality for each format, chosen so that they look alike: on the demo's photos at 320 px, AVIF at
# 60 measures 37.5 dB PSNR against the source and WebP at 80 37.8 dB.
QUALITY = {"AVIF": 60, "WEBP": 80, "JPEG": 80}
# The squares pages show, cropped at the centre, by the name the product_thumbnail tag is given.
SQUARES = {
    "card": "400x400",  # a product card (catalogue/partials/product.html); her photos on the portal's product form
    "line": "144x144",  # a basket line (basket/partials/basket_content.html); her list of products in the portal
    "strip": "120x120",  # the strip under the product page's gallery (catalogue/detail.html)
}


@dataclass(frozen=True)
class Srcset:
    """The widths of a square's srcset, made in each of `formats` (the best a browser takes first)."""

    widths: tuple
    formats: tuple


# The squares of SQUARES that a page shows as <picture> (the product_square_picture tag), by the same names; the
# JPEG square above stays the <img>'s, for a browser that takes none of these formats. A card is 159 px wide on a
# 360 px phone (two columns), 205-266 px from 768 px up (three or four) and 260-280 px in a story: 160, 320 and
# 480 px are a phone's card at 1, 2 and 3 pixels per CSS pixel, 640 px a story's or a desktop's card at 2. A basket
# line's photo is 72 px, 96 px from 768 px up. AVIF pays on a card (a fifth smaller than WebP at the same PSNR:
# 6.5 KB against 8.5 at 320 px on the demo's photos), not on a line (2.5 KB against 2.9 at 144 px, for an
# encoding ten times slower).
SQUARE_SRCSETS = {
    "card": Srcset(widths=(160, 320, 480, 640), formats=("AVIF", "WEBP")),
    "line": Srcset(widths=(96, 144, 192), formats=("WEBP",)),
}


def picture_thumbnail(original, width, image_format):
    """A square of a product photo, `width` wide, for a srcset: never blown up past the photo's own size."""
    return get_thumbnailer().generate_thumbnail(
        original,
        size=f"{width}x{width}",
        crop="center",
        upscale=False,
        quality=QUALITY[image_format],
        format=image_format,
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
        # With the widths asked for, which a smaller photo's sizes do not show: a change of them makes them again.
        made["srcsets"] = {
            key: {
                "widths": list(srcset.widths),
                **{
                    image_format: [described(picture_thumbnail(name, width, image_format)) for width in srcset.widths]
                    for image_format in srcset.formats
                },
            }
            for key, srcset in SQUARE_SRCSETS.items()
        }
    # update(): saving would enqueue this again; the model is catalog's own, which imports this module.
    apps.get_model("catalogue", "ProductImage").objects.filter(original=name).update(thumbnails=made)


def described(thumbnail):
    """What a page needs of a thumbnail: its name in the storage and its size (for srcset, width and height)."""
    return {"name": thumbnail.name, "width": thumbnail.width, "height": thumbnail.height}


def make_thumbnails_on_commit(name):
    """Enqueue make_product_thumbnails for a photo once the transaction that saved it commits."""
    transaction.on_commit(partial(make_product_thumbnails.enqueue, name))


def make_missing_thumbnails():
    """Enqueue make_product_thumbnails for every product photo that lacks one of the sizes named here; how many."""
    photos = apps.get_model("catalogue", "ProductImage").objects.exclude(original="")
    names = [photo.original.name for photo in photos.only("original", "thumbnails") if not keeps_every_size(photo)]
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


def keeps_every_size(image):
    """Whether the sizes kept with a product photo are every one named here (not those of an older list)."""
    kept = kept_sizes(image)
    srcsets = kept.get("srcsets", {})
    return (
        all(len(kept.get(image_format, ())) == len(PICTURE_WIDTHS) for image_format in PICTURE_FORMATS)
        and all(key in kept for key in SQUARES)
        and all(
            srcsets.get(key, {}).get("widths") == list(srcset.widths)
            and all(image_format in srcsets[key] for image_format in srcset.formats)
            for key, srcset in SQUARE_SRCSETS.items()
        )
    )


def square_thumbnail(image, key):
    """The square SQUARES[key] of a product photo (or Oscar's stand-in for none): kept, else through sorl."""
    kept = kept_sizes(image).get(key)
    if kept:
        return KeptThumbnail(**kept)
    if isinstance(image, dict):
        return missing_photo_size(image["original"], key)
    return get_thumbnailer().generate_thumbnail(image.original, size=SQUARES[key], crop="center")


def picture_thumbnails(image, image_format):
    """The sizes of the gallery's <picture> in `image_format`, one per PICTURE_WIDTHS: kept, else through sorl."""
    kept = kept_sizes(image).get(image_format)
    if kept:
        return [KeptThumbnail(**size) for size in kept]
    if isinstance(image, dict):
        return [missing_photo_size(image["original"], width, image_format) for width in PICTURE_WIDTHS]
    return [picture_thumbnail(image.original, width, image_format) for width in PICTURE_WIDTHS]


def square_srcsets(image, key):
    """The srcsets of the square SQUARE_SRCSETS[key] of a product photo, kept with it: {format: [sizes]}.

    Empty for a photo whose srcsets are not kept yet: its page shows the JPEG square alone, one lookup as before,
    rather than have sorl cut and encode a dozen sizes while a buyer waits.
    """
    kept = kept_sizes(image).get("srcsets", {}).get(key, {})
    return {
        image_format: [KeptThumbnail(**size) for size in kept[image_format]]
        for image_format in SQUARE_SRCSETS[key].formats  # the best first, as <source>s must be
        if kept.get(image_format)
    }


# A product without photos: Oscar's "no photo" picture, from the media storage like any photo

_missing_photos = {}
_missing_photo_sizes = {}


def missing_photo():
    """The name in the media storage of Oscar's "no photo" picture, copied there the first time it is asked for.

    Oscar's own MissingProductImage symlinks it into MEDIA_ROOT, which a bucket does not see; this goes
    through the storage, once per process and storage.
    """
    name = settings.OSCAR_MISSING_IMAGE_URL
    key = (name, *media_storage())
    if key not in _missing_photos:
        if not default_storage.exists(name):
            with open(finders.find(f"oscar/img/{name}"), "rb") as picture:
                name = default_storage.save(name, File(picture))
        _missing_photos[key] = name
    return _missing_photos[key]


def media_storage():
    """What tells one media storage from another (tests give each their own folder)."""
    return str(settings.MEDIA_ROOT), repr(settings.STORAGES["default"])


def missing_photo_size(name, size, image_format=None):
    """A size of the "no photo" picture `name`: a square by its name in SQUARES, or the gallery's `size` px wide in
    `image_format`.

    Made through sorl the first time, then kept in this process's memory: every product without photos shows the
    same picture, and asking sorl costs a cache lookup per size (six on such a product's page).
    """
    key = (name, size, image_format, *media_storage())
    if key not in _missing_photo_sizes:
        if size in SQUARES:
            made = get_thumbnailer().generate_thumbnail(name, size=SQUARES[size], crop="center")
        else:
            made = picture_thumbnail(name, size, image_format)
        _missing_photo_sizes[key] = KeptThumbnail(made.name, made.width, made.height)
    return _missing_photo_sizes[key]
