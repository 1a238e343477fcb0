from decimal import Decimal
from typing import NamedTuple

from django import template
from django.conf import settings
from django.utils.formats import number_format

from shipping.fees import ShipmentFee, lines_by_seller, lines_subtotal
from vietnam.geography import provinces

register = template.Library()


class BasketShipment(NamedTuple):
    """One seller's part of the basket: her fee (with her lines) and the formset's forms for those lines."""

    fee: ShipmentFee
    forms: list  # (index in the formset, form): Oscar's basket script finds a line's fields by that index


@register.simple_tag
def shipment_fees(method, basket):
    """[ShipmentFee] of the basket under a shipping method; a method without fees (nothing to ship) charges none."""
    if not method:
        return []
    method = getattr(method, "method", method)  # an offer's discount wraps the method
    if hasattr(method, "shipment_fees"):
        return list(method.shipment_fees(basket).values())
    return [
        ShipmentFee(seller, tuple(lines), weight_grams=0, subtotal=lines_subtotal(lines), charge=Decimal(0), zone="")
        for seller, lines in lines_by_seller(basket.all_lines()).items()
    ]


@register.simple_tag
def basket_shipments(fees, formset):
    """[BasketShipment] of the basket page: the formset's forms grouped as the fees group the lines, in their order."""
    index_of = {form.instance.pk: (index, form) for index, form in enumerate(formset)}
    return [BasketShipment(fee, [index_of[line.pk] for line in fee.lines if line.pk in index_of]) for fee in fees]


@register.simple_tag
def home_province_name():
    """The name of the province the marketplace serves ("Cao Bằng"), whose fees are the estimates'."""
    return province_name(settings.MARKETPLACE_PROVINCE_CODE)


@register.filter
def province_name(code):
    """A province's name by its code ("Lạng Sơn"); "" for none."""
    return dict(provinces()).get(code, "")


@register.filter
def weight(grams):
    """A parcel's weight as buyers read it: "520 g", "1,04 kg", "5,1 kg" (to 10 g)."""
    if grams < 1000:
        return f"{grams} g"
    kilograms = f"{grams / 1000:.2f}".rstrip("0").rstrip(".")
    return f"{number_format(Decimal(kilograms))} kg"
