import logging

from django import template
from django.conf import settings

from catalog.thumbnails import (
    PICTURE_FORMATS,
    PICTURE_WIDTHS,
    picture_thumbnails,
    square_srcsets,
    square_thumbnail,
)

register = template.Library()
logger = logging.getLogger(__name__)

FALLBACK_WIDTH = 800
# The cards of a listing at the top of its page that load at once: the first row on a desktop (four columns,
# three beside the filters) and the first two rows on a 360 px phone (two columns; the second shows at 740 px).
CARDS_ON_FIRST_SCREEN = 4
MIME_TYPES = {"AVIF": "image/avif", "WEBP": "image/webp"}


def width_srcset(thumbnails):
    """A srcset of `thumbnails` by their widths, each width once: a photo smaller than the widths asked of it
    gives several of its own width, and a browser is to choose among distinct ones."""
    candidates = {}
    for thumbnail in thumbnails:
        candidates.setdefault(thumbnail.width, thumbnail.url)
    return ", ".join(f"{url} {width}w" for width, url in candidates.items())


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


@register.inclusion_tag("oscar/catalogue/partials/square_picture.html")
def product_square_picture(image, key, sizes, width=None, height=None, position=None):
    """A square of a product photo (catalog.thumbnails.SQUARE_SRCSETS[key]) as <picture>: AVIF or WebP, else JPEG.

    `sizes` is the square's width on screen as the page's CSS lays it out; `width` and `height` (the JPEG's
    own by default) reserve its place. `position` is a card's place in a listing at the top of its page (1
    for the first): the first CARDS_ON_FIRST_SCREEN load at once, the first with high priority (it is the
    page's largest paint); any other picture loads when it nears the screen. Like product_thumbnail, it
    renders what is kept with the photo and looks nothing up; a photo whose srcsets are not kept yet shows
    its JPEG square alone.
    """
    fallback = product_thumbnail(image, key)
    srcsets = square_srcsets(image, key) if image else {}
    sources = [
        {"type": MIME_TYPES[image_format], "srcset": width_srcset(made)} for image_format, made in srcsets.items()
    ]
    return {
        "sources": sources,
        "fallback": fallback,
        "sizes": sizes,
        "width": width or getattr(fallback, "width", ""),
        "height": height or getattr(fallback, "height", ""),
        "eager": bool(position) and position <= CARDS_ON_FIRST_SCREEN,
        "high_priority": position == 1,
    }


@register.inclusion_tag("oscar/catalogue/partials/picture.html")
def product_picture(image, alt, sizes, eager=False):
    """A product photo (a ProductImage, or Oscar's stand-in for none) as <picture>: WebP, else JPEG, at several widths.

    A photo smaller than a width is not blown up to it; `eager` is for the first photo on screen. The
    sizes are made when the photo is saved (catalog.thumbnails) and kept with it, so the page looks none up.
    """
    srcsets, fallback = {}, None
    for image_format in PICTURE_FORMATS:
        thumbnails = picture_thumbnails(image, image_format)
        for width, thumbnail in zip(PICTURE_WIDTHS, thumbnails, strict=True):
            if image_format == "JPEG" and width == FALLBACK_WIDTH:
                fallback = thumbnail
        srcsets[image_format] = width_srcset(thumbnails)
    return {
        "webp_srcset": srcsets["WEBP"],
        "jpeg_srcset": srcsets["JPEG"],
        "fallback": fallback,
        "alt": alt,
        "sizes": sizes,
        "eager": eager,
    }
