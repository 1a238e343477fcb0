"""Each seller's shipping fee for her lines of a basket or an order.

Every seller packs and sends her own lines, so a buyer pays one fee per seller: the price of the
weight band her parcel falls in, for the zone it goes to (the marketplace's province, a nearby
province, anywhere else), or nothing when her items are worth the zone's free-shipping threshold.
Above a zone's last band the fee is the last band's plus the zone's charge for each started
kilogram more (a charge of 0 keeps the last band's fee). Staff set all of it in the admin
(shipping.models); this module reads it in one query per call.
"""

import math
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ImproperlyConfigured
from django.db import models
from oscar.core.loading import get_model

from vietnam.geography import province_code_by_name

from .models import DeliveryZone, ZoneKind

# A product whose seller has not given its packed weight counts as this heavy: a typical
# 500 g pack of miến dong or thạch đen, so an estimate is neither free nor alarming.
DEFAULT_WEIGHT_GRAMS = 500

HOME, NEARBY, COUNTRY = ZoneKind.HOME, ZoneKind.NEARBY, ZoneKind.COUNTRY


@dataclass(frozen=True)
class Band:
    """A parcel of up to `up_to_grams` costs `charge` whole đồng."""

    up_to_grams: int
    charge: int


@dataclass(frozen=True)
class Zone:
    """A delivery zone's fees, read from the database once (or built by hand in tests)."""

    kind: str
    name: str
    bands: tuple[Band, ...]
    extra_kg_charge: int = 0
    free_over: int | None = None
    province_codes: frozenset[int] = frozenset()

    def __post_init__(self):
        object.__setattr__(self, "bands", tuple(sorted(self.bands, key=lambda band: band.up_to_grams)))

    def band_charge(self, weight_grams):
        """Whole đồng to send a parcel of `weight_grams` into this zone, before any free shipping."""
        if not self.bands:
            raise ImproperlyConfigured(f"Delivery zone “{self.name}” has no weight bands: add some in the admin.")
        for band in self.bands:
            if weight_grams <= band.up_to_grams:
                return band.charge
        last = self.bands[-1]
        extra_kg = math.ceil((weight_grams - last.up_to_grams) / 1000)
        return last.charge + extra_kg * self.extra_kg_charge

    def ships_free(self, subtotal):
        return self.free_over is not None and subtotal >= self.free_over

    def charge_for(self, weight_grams, subtotal):
        """Whole đồng to send a seller's parcel of `weight_grams`, worth `subtotal` đồng, into this zone."""
        return 0 if self.ships_free(subtotal) else self.band_charge(weight_grams)


@dataclass(frozen=True)
class ZoneTable:
    """The three zones, and which one a province falls in."""

    home: Zone
    nearby: Zone
    country: Zone
    home_province_code: int = field(default_factory=lambda: settings.MARKETPLACE_PROVINCE_CODE)

    @classmethod
    def load(cls):
        """The zones and their bands as staff left them, in one query."""
        rows = (
            DeliveryZone.objects.order_by("pk", "bands__up_to_grams")
            .values_list(
                "kind", "name", "province_codes", "extra_kg_charge", "free_over", "bands__up_to_grams", "bands__charge"
            )
        )
        zones, bands = {}, {}
        for kind, name, codes, extra_kg_charge, free_over, up_to_grams, charge in rows:
            zones[kind] = (name, frozenset(int(code) for code in codes or ()), extra_kg_charge, free_over)
            band_list = bands.setdefault(kind, [])
            if up_to_grams is not None:
                band_list.append(Band(up_to_grams, charge))
        missing = {HOME, NEARBY, COUNTRY} - zones.keys()
        if missing:
            raise ImproperlyConfigured(f"Delivery zones missing: {', '.join(sorted(missing))} (see shipping).")
        built = {
            kind: Zone(kind, name, tuple(bands[kind]), extra_kg_charge, free_over, codes)
            for kind, (name, codes, extra_kg_charge, free_over) in zones.items()
        }
        return cls(home=built[HOME], nearby=built[NEARBY], country=built[COUNTRY])

    def zone_of(self, province_code):
        """The zone of a province by its code; None (not known yet) gives the home zone, the cheapest."""
        if province_code is None or province_code == self.home_province_code:
            return self.home
        if province_code in self.nearby.province_codes:
            return self.nearby
        return self.country


@dataclass(frozen=True)
class ShipmentFee:
    """What one seller sends: her lines, their weight and worth, and the fee for sending them."""

    seller: object  # a Partner; None for lines that have no seller
    lines: tuple
    weight_grams: int
    subtotal: Decimal
    charge: Decimal  # whole đồng
    zone: str  # the zone's name, e.g. "Trong tỉnh"
    is_estimate: bool = False  # the destination is not known yet: the home zone's fee, the lowest
    free_over: Decimal | None = None
    province_code: int | None = None  # where it goes

    @property
    def is_free(self):
        return self.charge == 0

    @property
    def short_of_free_shipping(self):
        """How much more of her products would ship free; None when there is no threshold or it is met."""
        if self.free_over is None or self.subtotal >= self.free_over:
            return None
        return self.free_over - self.subtotal

    @property
    def is_close_to_free_shipping(self):
        """Whether to nudge the buyer: she has half the threshold's worth or more of this seller's products."""
        short = self.short_of_free_shipping
        return short is not None and self.charge > 0 and self.subtotal * 2 >= self.free_over


def line_weight_grams(product, quantity):
    """The weight of `quantity` of a product; a product without a weight counts DEFAULT_WEIGHT_GRAMS each."""
    weight = getattr(product, "weight_grams", None) if product is not None else None
    return (weight or DEFAULT_WEIGHT_GRAMS) * quantity


def seller_id_of(line):
    """Who sends a basket or order line: the partner the order is split by, else the product's maker."""
    if hasattr(line, "partner_id"):  # an order line
        partner_id = line.partner_id
    else:  # a basket line, whose stock record Oscar loads with it
        partner_id = line.stockrecord.partner_id if line.stockrecord is not None else None
    if partner_id is None and line.product is not None:
        partner_id = line.product.seller_id
    return partner_id


def shipment_fees(items, province_code, *, zones=None):
    """{seller: ShipmentFee} for basket or order lines sent to a province (by code), sellers in the lines' order.

    `province_code` None means the destination is not known yet: each fee is then the home
    province's, the lowest, marked as an estimate. `zones` is a ZoneTable; by default it is
    read from the database (one query), and the sellers not already loaded take one more.
    """
    zones = zones or ZoneTable.load()
    zone = zones.zone_of(province_code)
    fees = {}
    for seller, lines in lines_by_seller(items).items():
        weight = sum(line_weight_grams(line.product, line.quantity) for line in lines)
        subtotal = lines_subtotal(lines)
        fees[seller] = ShipmentFee(
            seller=seller,
            lines=tuple(lines),
            weight_grams=weight,
            subtotal=subtotal,
            charge=Decimal(zone.charge_for(weight, subtotal)),
            zone=zone.name,
            is_estimate=province_code is None,
            free_over=None if zone.free_over is None else Decimal(zone.free_over),
            province_code=province_code,
        )
    return fees


def order_fees(order):
    """{seller: ShipmentFee} of an order's lines, for the province its shipping address names (two queries).

    What checkout charged, seller by seller, as long as the zones have not changed since: for a
    shipment's `shipping_charge`.
    """
    state = order.shipping_address.state if order.shipping_address_id else ""
    return shipment_fees(order.lines.select_related("product", "partner"), province_code_by_name(state))


def lines_by_seller(items):
    """{seller: [lines]} of basket or order lines, sellers in the lines' order (one query for unloaded sellers)."""
    groups = {}
    for line in items:
        groups.setdefault(seller_id_of(line), []).append(line)
    sellers = _sellers(groups)
    return {sellers.get(seller_id): lines for seller_id, lines in groups.items()}


def line_worth(line):
    """What the buyer pays for a line, tax and discounts included; 0 for a line without a price (no longer sold).

    A basket line's `line_price_incl_tax` is before the basket's discounts, while an order line's
    is after them (Oscar's OrderCreator): both sides count after discounts, so a basket and the
    order it becomes reach a free-shipping threshold alike.
    """
    price = getattr(line, "line_price_incl_tax_incl_discounts", None)  # a basket line
    if price is None:
        price = line.line_price_incl_tax
    return price or Decimal(0)


def lines_subtotal(lines):
    """What the buyer pays for the lines (line_worth), summed."""
    return sum((line_worth(line) for line in lines), Decimal(0))


def total_charge(fees):
    """The sum of the sellers' fees, in whole đồng."""
    return sum((fee.charge for fee in fees.values()), Decimal(0))


def _sellers(groups):
    """{seller id: Partner} for the groups' sellers: those the lines already hold, the rest in one query."""
    found = {}
    for seller_id, lines in groups.items():
        line = lines[0]
        partner_holder = line if hasattr(line, "partner_id") else line.stockrecord
        for holder, name in ((partner_holder, "partner"), (line.product, "seller")):
            seller = _loaded(holder, name)
            if seller is not None and seller.pk == seller_id:
                found[seller_id] = seller
                break
    wanted = [seller_id for seller_id in groups if seller_id is not None and seller_id not in found]
    if wanted:
        found.update(get_model("partner", "Partner").objects.in_bulk(wanted))
    return found


def _loaded(holder, name):
    """holder.<name> when it is in memory already (no query), else None."""
    if holder is None:
        return None
    if isinstance(holder, models.Model):
        try:
            descriptor = holder._meta.get_field(name)
        except FieldDoesNotExist:
            return None
        return getattr(holder, name) if descriptor.is_cached(holder) else None
    return getattr(holder, name, None)
