"""Sellers' shipping fees from the zones staff keep: seeded fees, baskets and orders, the repository, the admin."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.urls import reverse
from oscar.core.loading import get_class, get_model

from shipping.fees import ShipmentFee, order_fees, shipment_fees, total_charge
from shipping.methods import SentBySeller
from shipping.models import DeliveryBand, DeliveryZone
from tests.factories import PartnerFactory, ProductFactory, UserFactory, place_order
from tests.integration.shipping.zone_admin import zone_form
from tests.pages import soup_of

Basket = get_model("basket", "Basket")
ShippingAddress = get_model("order", "ShippingAddress")
Repository = get_class("shipping.repository", "Repository")
Selector = get_class("partner.strategy", "Selector")

CAO_BANG, LANG_SON, HA_NOI = 4, 20, 1


def basket_of(*purchases):
    """A saved basket holding (product, quantity) pairs or products, priced as the storefront prices them."""
    basket = Basket.objects.create()
    basket.strategy = Selector().strategy()
    for purchase in purchases:
        product, quantity = purchase if isinstance(purchase, tuple) else (purchase, 1)
        basket.add_product(product, quantity)
    return basket


def product_of(seller=None, *, grams=500, price="65000"):
    return ProductFactory(seller=seller or PartnerFactory(), weight_grams=grams, stockrecords__price=Decimal(price))


@pytest.mark.django_db
def test_the_three_zones_are_seeded_with_fees_like_the_carriers():
    zones = {zone.kind: zone for zone in DeliveryZone.objects.prefetch_related("bands")}

    assert [zones[kind].name for kind in ("home", "nearby", "country")] == ["Trong tỉnh", "Tỉnh lân cận", "Toàn quốc"]
    assert zones["nearby"].province_codes == [8, 19, 20]  # Tuyên Quang, Thái Nguyên, Lạng Sơn
    assert [(band.up_to_grams, band.charge) for band in zones["home"].bands.all()] == [
        (500, 18000),
        (1000, 22000),
        (2000, 26000),
        (3000, 30000),
    ]
    home, nearby, country = (zones[kind] for kind in ("home", "nearby", "country"))
    assert home.free_over == 500000
    assert home.bands.first().charge < nearby.bands.first().charge < country.bands.first().charge


@pytest.mark.django_db
def test_fees_of_a_priced_basket_take_one_query_however_many_sellers(django_assert_num_queries):
    for sellers in (2, 7):
        basket = basket_of(*(product_of(grams=300 * n) for n in range(1, sellers + 1)))
        lines = list(basket.all_lines())
        assert all(line.purchase_info for line in lines)  # priced, as every basket page has them: sellers loaded

        with django_assert_num_queries(1):  # the zone table
            fees = shipment_fees(lines, LANG_SON)

        assert len(fees) == sellers


@pytest.mark.django_db
def test_fees_of_order_lines_take_one_query_more_for_sellers_not_loaded(django_assert_num_queries):
    for sellers in (2, 7):
        order = place_order(None, *(product_of(grams=300 * n) for n in range(1, sellers + 1)))
        loaded = list(order.lines.select_related("product", "partner"))
        bare = list(order.lines.select_related("product"))

        with django_assert_num_queries(1):  # the zone table
            fees = shipment_fees(loaded, LANG_SON)
        with django_assert_num_queries(2):  # the zone table, then the sellers
            assert shipment_fees(bare, LANG_SON) == fees

        assert len(fees) == sellers
        assert all(isinstance(seller, get_model("partner", "Partner")) for seller in fees)


@pytest.mark.django_db
def test_a_sellers_lines_go_in_one_parcel_priced_for_the_destination():
    mai, hoa = PartnerFactory(name="Đàm Thị Mai"), PartnerFactory(name="Nông Thị Hoa")
    jelly, noodles = product_of(mai, grams=450, price="125000"), product_of(mai, grams=None, price="65000")
    chestnuts = product_of(hoa, grams=1050, price="180000")
    basket = basket_of((jelly, 2), chestnuts, noodles)

    fees = shipment_fees(basket.all_lines(), HA_NOI)

    assert list(fees) == [mai, hoa]
    # 2 × 450 g + 500 g (no weight given) = 1,4 kg nationwide: 48.000 ₫; 1,05 kg: 48.000 ₫
    assert (fees[mai].weight_grams, fees[mai].subtotal, fees[mai].charge) == (1400, Decimal("315000"), 48000)
    assert (fees[hoa].weight_grams, fees[hoa].charge, fees[hoa].zone) == (1050, 48000, "Toàn quốc")
    assert total_charge(fees) == 96000


@pytest.mark.django_db
def test_an_order_is_charged_per_seller_as_its_basket_was():
    mai, hoa = PartnerFactory(), PartnerFactory()
    jelly, chestnuts = product_of(mai, grams=450, price="125000"), product_of(hoa, grams=1050, price="520000")
    basket_fees = shipment_fees(basket_of((jelly, 2), chestnuts).all_lines(), CAO_BANG)

    order = place_order(None, (jelly, 2), chestnuts)
    order_fees = shipment_fees(order.lines.all(), CAO_BANG)

    assert {seller: fee.charge for seller, fee in order_fees.items()} == {mai: 22000, hoa: 0}
    assert {seller: fee.charge for seller, fee in basket_fees.items()} == {mai: 22000, hoa: 0}


@pytest.mark.django_db
def test_an_orders_fees_are_for_the_province_of_its_shipping_address(django_assert_num_queries):
    mai, hoa = PartnerFactory(), PartnerFactory()
    order = place_order(None, (product_of(mai, grams=450), 2), product_of(hoa, grams=2500))
    order.shipping_address.state = "Thành phố Hà Nội"
    order.shipping_address.save()
    order = type(order).objects.select_related("shipping_address").get(pk=order.pk)

    with django_assert_num_queries(2):  # the lines (with products and sellers), the zone table
        fees = order_fees(order)

    assert {seller: (fee.zone, fee.charge) for seller, fee in fees.items()} == {
        mai: ("Toàn quốc", 38000),
        hoa: ("Toàn quốc", 58000),
    }


@pytest.mark.django_db
def test_oscar_loads_the_repository_that_offers_one_method_sent_by_each_seller():
    basket = basket_of(product_of(grams=800))

    methods = Repository().get_shipping_methods(basket, shipping_addr=ShippingAddress(state="Lạng Sơn"))

    assert [method.code for method in methods] == ["sent-by-seller"]
    charge = methods[0].calculate(basket)
    assert (charge.excl_tax, charge.incl_tax, charge.currency) == (30000, 30000, "VND")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("state", "fee", "estimate"),
    [
        ("Cao Bằng", 18000, False),
        ("Thái Nguyên", 25000, False),
        ("Thành phố Hồ Chí Minh", 32000, False),
        ("", 18000, True),
        ("Xứ Sở Thần Tiên", 18000, True),
        (None, 18000, True),
    ],
)
def test_the_address_province_sets_the_fee_and_without_one_it_is_an_estimate(state, fee, estimate):
    basket = basket_of(product_of(grams=400))
    address = None if state is None else ShippingAddress(state=state)

    method = Repository().get_default_shipping_method(basket, shipping_addr=address)

    assert method.calculate(basket).incl_tax == fee
    assert [shipment_fee.is_estimate for shipment_fee in method.shipment_fees(basket).values()] == [estimate]


@pytest.mark.django_db
def test_the_method_reads_the_zone_table_once_for_a_page(django_assert_num_queries):
    basket = basket_of(product_of(), product_of(), product_of())
    method = SentBySeller(CAO_BANG)
    assert all(line.purchase_info for line in basket.all_lines())  # priced, as every basket page has them

    with django_assert_num_queries(1):
        method.calculate(basket)
        method.shipment_fees(basket)
        method.calculate(basket)


@pytest.mark.django_db
def test_a_staff_change_to_a_band_prices_the_next_basket(admin_client):
    basket = basket_of(product_of(grams=800))
    band = DeliveryBand.objects.get(zone__kind="home", up_to_grams=1000)

    response = admin_client.post(
        reverse("admin:shipping_deliveryzone_change", args=[band.zone_id]), zone_form(band.zone, {band.pk: 25000})
    )

    assert response.status_code == 302, soup_of(response).select(".errorlist")
    assert shipment_fees(basket.all_lines(), CAO_BANG).popitem()[1].charge == 25000


@pytest.mark.django_db
def test_a_union_editor_may_change_the_fees_in_the_admin(client):
    editor = UserFactory(is_staff=True)
    editor.groups.add(Group.objects.get(name="Union editor"))
    client.force_login(editor)
    zone = DeliveryZone.objects.get(kind="country")

    response = client.post(
        reverse("admin:shipping_deliveryzone_change", args=[zone.pk]), zone_form(zone, {}, free_over="")
    )

    assert response.status_code == 302
    zone.refresh_from_db()
    assert zone.free_over is None


@pytest.mark.django_db
def test_staff_tick_the_nearby_provinces_among_the_others(admin_client):
    zone = DeliveryZone.objects.get(kind="nearby")
    url = reverse("admin:shipping_deliveryzone_change", args=[zone.pk])
    page = soup_of(admin_client.get(url))
    ticked = {box["value"] for box in page.select("input[name=province_codes][checked]")}
    assert ticked == {"8", "19", "20"}
    assert len(page.select("input[name=province_codes]")) == 33  # every province but the marketplace's own

    refused = admin_client.post(url, zone_form(zone, {}, province_codes=["20", "4"]))
    accepted = admin_client.post(url, zone_form(zone, {}, province_codes=["20", "22"]))

    assert refused.status_code == 200
    assert accepted.status_code == 302
    zone.refresh_from_db()
    assert zone.province_codes == [20, 22]


@pytest.mark.django_db
def test_the_zone_list_shows_each_zones_bands(admin_client):
    page = soup_of(admin_client.get(reverse("admin:shipping_deliveryzone_changelist")))

    assert "≤ 500 g: 18.000\xa0₫ · ≤ 1000 g: 22.000\xa0₫" in page.select_one("#result_list").get_text()


def test_the_marketplaces_own_province_is_never_a_nearby_one():
    zone = DeliveryZone(kind="nearby", name="Tỉnh lân cận", province_codes=[20, 4])

    with pytest.raises(ValidationError) as refused:
        zone.clean()

    assert list(refused.value.message_dict) == ["province_codes"]


@pytest.mark.django_db
def test_a_zone_keeps_at_least_one_band_and_zones_are_neither_added_nor_deleted(admin_client):
    zone = DeliveryZone.objects.get(kind="home")
    url = reverse("admin:shipping_deliveryzone_change", args=[zone.pk])

    response = admin_client.post(url, zone_form(zone, {}, delete=[band.pk for band in zone.bands.all()]))

    assert response.status_code == 200
    assert zone.bands.count() == 4
    assert admin_client.get(reverse("admin:shipping_deliveryzone_add")).status_code == 403
    assert admin_client.get(reverse("admin:shipping_deliveryzone_delete", args=[zone.pk])).status_code == 403


@pytest.mark.django_db
def test_a_fee_knows_its_seller_lines_and_zone():
    seller = PartnerFactory()
    basket = basket_of(product_of(seller, grams=2500))

    fee = shipment_fees(basket.all_lines(), LANG_SON)[seller]

    assert isinstance(fee, ShipmentFee)
    assert (fee.seller, len(fee.lines), fee.zone, fee.charge, fee.province_code) == (
        seller,
        1,
        "Tỉnh lân cận",
        42000,
        20,
    )
