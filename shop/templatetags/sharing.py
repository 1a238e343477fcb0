"""What a page gives link previews (Open Graph): absolute URLs at the site's address, and a picture 1200 px wide."""

from django import template
from oscar.core.thumbnails import get_thumbnailer
from wagtail.images.models import AbstractImage

from catalog.thumbnails import KeptThumbnail, kept_sizes
from vietnam.links import absolute_url

register = template.Library()

SHARE_WIDTH = 1200


register.filter("absolute_url", absolute_url)


def share_thumbnail(image_file, **options):
    """The URL of a JPEG of an uploaded picture, within SHARE_WIDTH square (sorl, as Oscar's thumbnails)."""
    thumbnail = get_thumbnailer().generate_thumbnail(image_file, upscale=False, quality=80, format="JPEG", **options)
    return absolute_url(thumbnail.url)


@register.simple_tag
def story_share_image(story):
    """The story's hero picture, else its first picture, else her seller's photo; "" when it has none."""
    if getattr(story, "hero_image", None):
        return absolute_url(story.hero_image.get_rendition(f"width-{SHARE_WIDTH}|format-jpeg").url)
    for block in story.body:
        if isinstance(block.value, AbstractImage):
            return absolute_url(block.value.get_rendition(f"width-{SHARE_WIDTH}|format-jpeg").url)
    if story.seller_id and story.seller.photo:
        return share_thumbnail(story.seller.photo, size=f"{SHARE_WIDTH}x{SHARE_WIDTH}")
    return ""


@register.simple_tag
def product_share_image(product):
    """The product's primary photo, as the square its page shows; "" when it has none."""
    image = product.primary_image()
    if getattr(image, "is_missing", False) or not getattr(image, "original", None):
        return ""
    kept = kept_sizes(image).get("JPEG")
    if kept:  # the gallery's largest JPEG, kept with the photo: no lookup
        return absolute_url(KeptThumbnail(**kept[-1]).url)
    return share_thumbnail(image.original, size=f"{SHARE_WIDTH}x{SHARE_WIDTH}", crop="center")
