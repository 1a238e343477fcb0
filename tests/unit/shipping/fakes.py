"""Basket lines, sellers and zones made in memory, so fee rules are tested without a database."""

from dataclasses import dataclass, field
from decimal import Decimal
from types import SimpleNamespace

from shipping.fees import Band, Zone, ZoneTable

CAO_BANG, LANG_SON, TUYEN_QUANG, THAI_NGUYEN, HA_NOI, HO_CHI_MINH = 4, 20, 8, 19, 1, 79


@dataclass(frozen=True)
class Seller:
    pk: int
    name: str = "Hợp tác xã Miến dong"


@dataclass
class Basket:
    """What Oscar's shipping method reads of a basket."""

    lines: list = field(default_factory=list)
    id: int = 1
    currency: str = "VND"

    def all_lines(self):
        return self.lines


_next_pk = iter(range(1, 10**9))


def basket_line(seller, *, weight_grams=500, quantity=1, price=Decimal("65000")):
    """A basket line as Oscar loads it: product and stock record at hand, priced per unit."""
    product = SimpleNamespace(weight_grams=weight_grams, seller_id=seller.pk, seller=seller)
    return SimpleNamespace(
        pk=next(_next_pk),
        product=product,
        quantity=quantity,
        line_price_incl_tax=price * quantity,
        stockrecord=SimpleNamespace(partner_id=seller.pk, partner=seller),
    )


def zone_table(*, free_over=(500000, 700000, 1000000), extra_kg=(5000, 7000, 10000)):
    """The zones the data migration seeds (a free_over of None: no free shipping there)."""
    home = Zone(
        "home",
        "Trong tỉnh",
        (Band(500, 18000), Band(1000, 22000), Band(2000, 26000), Band(3000, 30000)),
        extra_kg[0],
        free_over[0],
    )
    nearby = Zone(
        "nearby",
        "Tỉnh lân cận",
        (Band(500, 25000), Band(1000, 30000), Band(2000, 36000), Band(3000, 42000)),
        extra_kg[1],
        free_over[1],
        frozenset({LANG_SON, TUYEN_QUANG, THAI_NGUYEN}),
    )
    country = Zone(
        "country",
        "Toàn quốc",
        (Band(500, 32000), Band(1000, 38000), Band(2000, 48000), Band(3000, 58000)),
        extra_kg[2],
        free_over[2],
    )
    return ZoneTable(home=home, nearby=nearby, country=country, home_province_code=CAO_BANG)
