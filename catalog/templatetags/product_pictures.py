from django import template
from oscar.core.thumbnails import get_thumbnailer

register = template.Library()

# Square crops a browser picks from by screen width and pixel density.
WIDTHS = (400, 800, 1200)
FALLBACK_WIDTH = 800
QUALITY = 80


@register.inclusion_tag("oscar/catalogue/partials/picture.html")
def product_picture(original, alt, sizes, eager=False):
    """A product photo (an image's `original`) as <picture>: WebP, else JPEG, each at several widths.

    A photo smaller than a width is not blown up to it; `eager` is for the first photo on screen.
    """
    thumbnailer = get_thumbnailer()
    srcsets, fallback = {}, None
    for image_format in ("WEBP", "JPEG"):
        candidates = {}
        for width in WIDTHS:
            thumbnail = thumbnailer.generate_thumbnail(
                original, size=f"{width}x{width}", crop="center", upscale=False, quality=QUALITY, format=image_format
            )
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
