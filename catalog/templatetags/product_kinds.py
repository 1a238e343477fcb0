from django import template

from catalog.kinds import kind_name as name_of_kind

register = template.Library()


@register.filter
def kind_name(product_class):
    """A product class's name in the page's language (catalog/kinds.py)."""
    return name_of_kind(product_class)
