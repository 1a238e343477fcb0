"""Fee rules: weight bands, the charge above the last band, free-shipping thresholds, default weight."""

from decimal import Decimal

import pytest
from django.core.exceptions import ImproperlyConfigured

from shipping import methods
from shipping.fees import DEFAULT_WEIGHT_GRAMS, Band, Zone, line_weight_grams, shipment_fees, total_charge
from tests.unit.shipping.fakes import (
    CAO_BANG,
    HA_NOI,
    HO_CHI_MINH,
    LANG_SON,
    THAI_NGUYEN,
    TUYEN_QUANG,
    Basket,
    Seller,
    basket_line,
    zone_table,
)

HOME = zone_table().home


@pytest.mark.parametrize(
    ("grams", "fee"),
    [(1, 18000), (500, 18000), (501, 22000), (1000, 22000), (1001, 26000), (2000, 26000), (3000, 30000)],
)
def test_a_parcel_costs_the_fee_of_the_first_band_it_fits_in(grams, fee):
    assert HOME.band_charge(grams) == fee


@pytest.mark.parametrize(("grams", "fee"), [(3001, 35000), (4000, 35000), (4001, 40000), (5100, 45000)])
def test_above_the_last_band_each_started_kilogram_adds_the_zones_charge(grams, fee):
    assert HOME.band_charge(grams) == fee


def test_with_no_charge_per_kilogram_a_heavy_parcel_costs_the_last_band():
    zone = Zone("home", "Trong tỉnh", (Band(1000, 20000), Band(3000, 30000)), extra_kg_charge=0)

    assert zone.band_charge(25000) == 30000


def test_bands_count_in_weight_order_whatever_order_staff_entered_them():
    zone = Zone("home", "Trong tỉnh", (Band(3000, 30000), Band(500, 18000), Band(1000, 22000)))

    assert [zone.band_charge(grams) for grams in (400, 800, 2500)] == [18000, 22000, 30000]


def test_a_sellers_items_worth_the_threshold_or_more_ship_free():
    assert HOME.charge_for(800, Decimal("500000")) == 0
    assert HOME.charge_for(8000, Decimal("750000")) == 0


def test_just_under_the_threshold_the_band_fee_is_charged():
    assert HOME.charge_for(800, Decimal("499999")) == 22000


def test_a_zone_without_a_threshold_never_ships_free():
    zone = Zone("country", "Toàn quốc", (Band(500, 32000),), free_over=None)

    assert zone.charge_for(400, Decimal("50000000")) == 32000


def test_a_zone_without_bands_says_so_rather_than_ship_for_nothing():
    zone = Zone("country", "Toàn quốc", ())

    with pytest.raises(ImproperlyConfigured, match="Toàn quốc"):
        zone.charge_for(400, Decimal("100000"))


@pytest.mark.parametrize(
    ("province", "zone"),
    [
        (CAO_BANG, "Trong tỉnh"),
        (LANG_SON, "Tỉnh lân cận"),
        (TUYEN_QUANG, "Tỉnh lân cận"),
        (THAI_NGUYEN, "Tỉnh lân cận"),
        (HA_NOI, "Toàn quốc"),
        (HO_CHI_MINH, "Toàn quốc"),
        (None, "Trong tỉnh"),
    ],
)
def test_a_province_falls_in_its_zone_and_an_unknown_destination_in_the_home_one(province, zone):
    assert zone_table().zone_of(province).name == zone


def test_a_product_without_a_weight_counts_as_the_default_weight():
    assert DEFAULT_WEIGHT_GRAMS == 500
    assert line_weight_grams(type("Product", (), {"weight_grams": None})(), 3) == 1500
    assert line_weight_grams(None, 2) == 1000  # an order line whose product was deleted


def test_each_seller_pays_for_her_own_lines_in_the_order_she_first_appears():
    # Given a basket with two lines of Mai's and one of Hoa's, Hoa's in between
    mai, hoa = Seller(1, "Đàm Thị Mai"), Seller(2, "Nông Thị Hoa")
    lines = [
        basket_line(mai, weight_grams=300, quantity=2, price=Decimal("65000")),
        basket_line(hoa, weight_grams=1050, price=Decimal("180000")),
        basket_line(mai, weight_grams=None, price=Decimal("45000")),
    ]

    # When the fees are worked out for Lạng Sơn
    fees = shipment_fees(lines, LANG_SON, zones=zone_table())

    # Then Mai sends 2 × 300 g + 500 g (no weight given) = 1,1 kg, Hoa 1,05 kg, both nearby
    assert list(fees) == [mai, hoa]
    assert fees[mai].lines == (lines[0], lines[2])
    assert (fees[mai].weight_grams, fees[mai].subtotal, fees[mai].charge) == (1100, Decimal("175000"), Decimal(36000))
    assert (fees[hoa].weight_grams, fees[hoa].charge, fees[hoa].zone) == (1050, Decimal(36000), "Tỉnh lân cận")
    assert not fees[mai].is_estimate
    assert total_charge(fees) == Decimal(72000)


def test_without_a_destination_the_fees_are_the_home_provinces_and_marked_as_estimates():
    seller = Seller(1)

    fee = shipment_fees([basket_line(seller, weight_grams=900)], None, zones=zone_table())[seller]

    assert (fee.charge, fee.zone, fee.is_estimate) == (Decimal(22000), "Trong tỉnh", True)


def test_a_buyer_close_to_a_threshold_is_told_how_much_more_ships_free():
    seller = Seller(1)
    zones = zone_table()

    close = shipment_fees([basket_line(seller, price=Decimal("380000"))], CAO_BANG, zones=zones)[seller]
    far = shipment_fees([basket_line(seller, price=Decimal("65000"))], CAO_BANG, zones=zones)[seller]
    free = shipment_fees([basket_line(seller, price=Decimal("520000"))], CAO_BANG, zones=zones)[seller]

    assert (close.short_of_free_shipping, close.is_close_to_free_shipping) == (Decimal("120000"), True)
    assert (far.short_of_free_shipping, far.is_close_to_free_shipping) == (Decimal("435000"), False)
    assert (free.is_free, free.short_of_free_shipping, free.is_close_to_free_shipping) == (True, None, False)


def test_the_shipping_method_charges_the_sum_of_the_sellers_fees_with_no_tax():
    mai, hoa = Seller(1), Seller(2)
    basket = Basket([basket_line(mai, weight_grams=400), basket_line(hoa, weight_grams=2500)])

    charge = methods.SentBySeller(HA_NOI, zones=zone_table()).calculate(basket)

    assert (charge.excl_tax, charge.incl_tax, charge.tax, charge.currency) == (
        Decimal(32000 + 58000),
        Decimal(90000),
        Decimal(0),
        "VND",
    )


def test_the_shipping_method_works_the_fees_out_once_for_the_same_lines(monkeypatch):
    calls = []
    monkeypatch.setattr(methods, "shipment_fees", lambda *args, **kwargs: calls.append(args) or {})
    basket = Basket([basket_line(Seller(1))])
    method = methods.SentBySeller(CAO_BANG, zones=zone_table())

    method.calculate(basket)
    method.shipment_fees(basket)
    basket.lines[0].quantity = 3
    method.calculate(basket)

    assert len(calls) == 2
