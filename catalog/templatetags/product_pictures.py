import logging

from django import template
from django.conf import settings

from catalog.thumbnails import PICTURE_FORMATS, PICTURE_WIDTHS, picture_thumbnails, square_thumbnail

register = template.Library()
logger = logging.getLogger(__name__)

FALLBACK_WIDTH = 800


@register.simple_tag
def product_thumbnail(image, key):
    """A square of a product photo (catalog.thumbnails.SQUARES[key]): its url, width and height, or None.

    `image` is a ProductImage, or Oscar's stand-in for a product without photos. The sizes kept with the
    photo cost no lookup; a photo without them is asked of sorl, and a picture that cannot be read is
    left out as Oscar's oscar_thumbnail leaves it out (raised with OSCAR_THUMBNAIL_DEBUG).
    """
    if not image:
        return None
    try:
        return square_thumbnail(image, key)
    except Exception:
        if getattr(settings, "OSCAR_THUMBNAIL_DEBUG", settings.DEBUG):
            raise
        logger.exception("No %s thumbnail of %r", key, image)
        return None


@register.inclusion_tag("oscar/catalogue/partials/picture.html")
def product_picture(image, alt, sizes, eager=False):
    """A product photo (a ProductImage, or Oscar's stand-in for none) as <picture>: WebP, else JPEG, at several widths.

    A photo smaller than a width is not blown up to it; `eager` is for the first photo on screen. The
    sizes are made when the photo is saved (catalog.thumbnails) and kept with it, so the page looks none up.
    """
    srcsets, fallback = {}, None
    for image_format in PICTURE_FORMATS:
        candidates = {}
        for width, thumbnail in zip(PICTURE_WIDTHS, picture_thumbnails(image, image_format), strict=True):
            candidates.setdefault(thumbnail.width, thumbnail.url)
            if image_format == "JPEG" and width == FALLBACK_WIDTH:
                fallback = thumbnail
        srcsets[image_format] = ", ".join(f"{url} {width}w" for width, url in candidates.items())
    return {
        "webp_srcset": srcsets["WEBP"],
        "jpeg_srcset": srcsets["JPEG"],
        "fallback": fallback,
        "alt": alt,
        "sizes": sizes,
        "eager": eager,
    }
