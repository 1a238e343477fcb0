import nh3
from django import template
from django.utils.safestring import mark_safe

register = template.Library()

# What a product description may hold: the formatting Oscar's dashboard editor makes.
ALLOWED_TAGS = {"p", "br", "strong", "b", "em", "i", "u", "ul", "ol", "li", "h3", "h4", "blockquote", "a"}


@register.filter
def clean_html(value):
    """A seller's description as HTML without scripts, styles or event handlers."""
    return mark_safe(nh3.clean(value or "", tags=ALLOWED_TAGS, link_rel="nofollow noopener"))  # noqa: S308
