"""The sizes of a product photo that pages show, made in the background as soon as the photo is saved.

sorl-thumbnail makes a thumbnail the first time a page asks for it, so without this the first buyer
of a new product's page, or of a card that lists it, would wait while a dozen sizes are cut from its
2,000-pixel photo. Each size is named here once; the page's tags ask for them with the same options
(product_picture, and oscar_thumbnail in the templates listed by SQUARES), so they find them made.
"""

from functools import partial

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
# The squares templates ask oscar_thumbnail for, cropped at the centre.
SQUARES = (
    "400x400",  # a product card (catalogue/partials/product.html); her photos on the portal's product form
    "144x144",  # a basket line (basket/partials/basket_content.html); her list of products in the portal
    "120x120",  # the strip under the product page's gallery (catalogue/detail.html)
)


def picture_thumbnail(original, width, image_format):
    """One size of a product photo in the gallery's <picture>: never blown up past the photo's own size."""
    return get_thumbnailer().generate_thumbnail(
        original, size=f"{width}x{width}", crop="center", upscale=False, quality=PICTURE_QUALITY, format=image_format
    )


@retried
@task
def make_product_thumbnails(name):
    """Make every size pages show of the product photo stored as `name` (sorl keeps the ones made already)."""
    thumbnailer = get_thumbnailer()
    with source_cache():  # the photo is read from the storage once, for all its sizes
        for image_format in PICTURE_FORMATS:
            for width in PICTURE_WIDTHS:
                picture_thumbnail(name, width, image_format)
        for size in SQUARES:
            thumbnailer.generate_thumbnail(name, size=size, crop="center")


def make_thumbnails_on_commit(name):
    """Enqueue make_product_thumbnails for a photo once the transaction that saved it commits."""
    transaction.on_commit(partial(make_product_thumbnails.enqueue, name))


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
