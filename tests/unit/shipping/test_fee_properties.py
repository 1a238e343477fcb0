"""Properties of shipping fees over random baskets, zone tables and destinations (hypothesis)."""

import math
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from shipping.fees import DEFAULT_WEIGHT_GRAMS, Band, Zone, ZoneTable, shipment_fees
from shipping.methods import SentBySeller
from tests.unit.shipping.fakes import CAO_BANG, Basket, Seller, basket_line
from vietnam.geography import provinces

PROVINCES = [code for code, _name in provinces()]

dong = st.integers(min_value=0, max_value=300_000)
bands = st.lists(
    st.tuples(st.integers(min_value=1, max_value=20_000), dong), min_size=1, max_size=5, unique_by=lambda b: b[0]
).map(lambda pairs: tuple(Band(grams, charge) for grams, charge in pairs))
thresholds = st.none() | st.integers(min_value=0, max_value=3_000_000)


@st.composite
def zone_tables(draw):
    def zone(kind, name, codes=frozenset()):
        return Zone(kind, name, draw(bands), draw(st.integers(0, 30_000)), draw(thresholds), codes)

    nearby = frozenset(draw(st.lists(st.sampled_from([c for c in PROVINCES if c != CAO_BANG]), max_size=5)))
    return ZoneTable(
        home=zone("home", "Trong tỉnh"),
        nearby=zone("nearby", "Tỉnh lân cận", nearby),
        country=zone("country", "Toàn quốc"),
        home_province_code=CAO_BANG,
    )


@st.composite
def baskets(draw):
    sellers = [Seller(pk) for pk in range(1, draw(st.integers(1, 6)) + 1)]
    lines = [
        basket_line(
            draw(st.sampled_from(sellers)),
            weight_grams=draw(st.none() | st.integers(0, 8_000)),
            quantity=draw(st.integers(1, 10)),
            price=Decimal(draw(st.integers(0, 2_000_000))),
        )
        for _ in range(draw(st.integers(1, 12)))
    ]
    return Basket(lines)


def expected_zone(zones, province):
    if province is None or province == CAO_BANG:
        return zones.home
    return zones.nearby if province in zones.nearby.province_codes else zones.country


def band_price(zone, grams):
    """The fee as staff read their table: the first band the parcel fits in, else the last plus each extra kg."""
    ordered = sorted(zone.bands, key=lambda band: band.up_to_grams)
    fitting = [band.charge for band in ordered if grams <= band.up_to_grams]
    if fitting:
        return fitting[0]
    last = ordered[-1]
    return last.charge + math.ceil((grams - last.up_to_grams) / 1000) * zone.extra_kg_charge


@settings(max_examples=300, deadline=None)
@given(basket=baskets(), zones=zone_tables(), province=st.none() | st.sampled_from(PROVINCES))
def test_shipping_is_the_sum_of_each_sellers_band_fee_or_nothing_over_her_threshold(basket, zones, province):
    fees = shipment_fees(basket.all_lines(), province, zones=zones)
    charge = SentBySeller(province, zones=zones).calculate(basket)
    zone = expected_zone(zones, province)

    # The total shipping is the sum of the sellers' fees, tax-free.
    assert charge.excl_tax == charge.incl_tax == sum(fee.charge for fee in fees.values())
    # Every line is sent by its own seller, once.
    assert sorted(line.pk for fee in fees.values() for line in fee.lines) == sorted(line.pk for line in basket.lines)
    for seller, fee in fees.items():
        assert all(line.stockrecord.partner == seller for line in fee.lines)
        weight = sum((line.product.weight_grams or DEFAULT_WEIGHT_GRAMS) * line.quantity for line in fee.lines)
        subtotal = sum(line.line_price_incl_tax for line in fee.lines)
        assert (fee.weight_grams, fee.subtotal, fee.zone) == (weight, subtotal, zone.name)
        # Her fee is her band's price, or nothing once her items reach the zone's threshold...
        free = zone.free_over is not None and subtotal >= zone.free_over
        assert fee.charge == (0 if free else band_price(zone, weight))
        # ...in whole đồng, never negative.
        assert fee.charge >= 0
        assert fee.charge == fee.charge.to_integral_value()
        assert fee.is_estimate == (province is None)
