from django import template

from catalog.thumbnails import PICTURE_FORMATS, PICTURE_WIDTHS, picture_thumbnail

register = template.Library()

FALLBACK_WIDTH = 800


@register.inclusion_tag("oscar/catalogue/partials/picture.html")
def product_picture(original, alt, sizes, eager=False):
    """A product photo (an image's `original`) as <picture>: WebP, else JPEG, each at several widths.

    A photo smaller than a width is not blown up to it; `eager` is for the first photo on screen. The
    sizes are made when the photo is saved (catalog.thumbnails), so the page finds them made.
    """
    srcsets, fallback = {}, None
    for image_format in PICTURE_FORMATS:
        candidates = {}
        for width in PICTURE_WIDTHS:
            thumbnail = picture_thumbnail(original, width, image_format)
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
