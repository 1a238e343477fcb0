"""The names of the kinds of product (Oscar's product classes) in the reader's language.

A product class's name is a row of the database, written once in Vietnamese (catalog migration 0037). The
kinds every instance starts with are named here by their slug, so that English pages say "Food", not "Thực
phẩm"; a kind staff add later keeps the name they gave it.
"""

from django.utils.translation import gettext_lazy as _

KIND_NAMES = {
    "thuc-pham": _("Food"),
    "do-uong": _("Drinks"),
    "thu-cong-my-nghe": _("Handicrafts"),
    "duoc-lieu": _("Medicinal herbs"),
}


def kind_name(product_class):
    """What the kind is called in the active language; "" for none."""
    if product_class is None:
        return ""
    return str(KIND_NAMES.get(product_class.slug, product_class.name))
