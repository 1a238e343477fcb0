"""The basket page: each seller's lines under her name with her shipping fee, and totals that add up."""

import re
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from oscar.core.loading import get_model

from shipping.models import DeliveryBand
from tests.factories import PartnerFactory, ProductFactory
from tests.integration.shipping.zone_admin import zone_form
from tests.pages import ENGLISH, VIETNAMESE, open_page, soup_of
from vietnam.showing import forget_kept

UserAddress = get_model("address", "UserAddress")

BASKET_URL = "/shop/basket/"


def product_of(seller, title, *, grams=500, price="65000"):
    return ProductFactory(title=title, seller=seller, weight_grams=grams, stockrecords__price=Decimal(price))


def add(client, product, quantity=1):
    response = client.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": quantity})
    assert response.status_code == 302


def basket_page(client, language=ENGLISH):
    return soup_of(open_page(client, BASKET_URL, language))


def dong(text):
    """125000 for "125.000 ₫" (and for "from 125.000 ₫")."""
    return int(re.sub(r"\D", "", text))


def texts(page, selector):
    """The text of each element, runs of whitespace made one space (a no-break space stays, as in 125.000 ₫)."""
    return [re.sub(r"[ \t\n\r\f\v]+", " ", element.get_text(" ", strip=True)) for element in page.select(selector)]


def formset_data(page, **changes):
    """What the basket's line formset posts as it stands, with `changes` (field name: value) on top."""
    form = page.select_one("#basket_formset")
    data = {field["name"]: field.get("value", "") for field in form.select("input") if field.get("type") != "checkbox"}
    return data | changes


@pytest.fixture
def mai():
    return PartnerFactory(name="Hợp tác xã Thạch đen Phục Hòa")


@pytest.fixture
def hoa():
    return PartnerFactory(name="Hợp tác xã Hạt dẻ Trùng Khánh")


@pytest.fixture
def buyer_in_lang_son(client, customer):
    UserAddress.objects.create(
        user=customer,
        first_name="Nông Thị Lan",
        line1="Số 5, đường Bà Triệu",
        line4="Phường Tam Thanh",
        state="Lạng Sơn",
        country_id="VN",
        phone_number="+84912345678",
        is_default_for_shipping=True,
    )
    client.force_login(customer)
    return customer


@pytest.mark.django_db
def test_each_seller_has_her_lines_under_her_name_and_a_fee_from_the_home_provinces(client, mai, hoa):
    # Given a guest who put in two of Mai's products and one of Hoa's, Hoa's in between
    jelly = product_of(mai, "Thạch đen Cao Bằng", grams=450, price="125000")
    chestnuts = product_of(hoa, "Hạt dẻ Trùng Khánh", grams=1050, price="180000")
    noodles = product_of(mai, "Miến dong Phia Đén", grams=None, price="65000")
    add(client, jelly, 2)
    add(client, chestnuts)
    add(client, noodles)

    # When she opens her basket
    page = basket_page(client)

    # Then each seller's lines are grouped under her name, linking to her page
    parcels = page.select(".parcel")
    assert [parcel.select_one("h2 a").get_text(strip=True) for parcel in parcels] == [mai.name, hoa.name]
    assert [parcel.select_one("h2 a")["href"] for parcel in parcels] == [mai.get_absolute_url(), hoa.get_absolute_url()]
    assert texts(parcels[0], ".parcel-line h3") == ["Thạch đen Cao Bằng", "Miến dong Phia Đén"]
    assert texts(parcels[1], ".parcel-line h3") == ["Hạt dẻ Trùng Khánh"]
    # And, her address unknown, each fee is the lowest (in-province): Mai 1,4 kg, Hoa 1,05 kg
    assert texts(page, ".parcel-fee-row") == ["Her shipping fee from 26.000\xa0₫", "Her shipping fee from 26.000\xa0₫"]
    assert "Cao Bằng" in page.select_one(".totals-note").get_text()


@pytest.mark.django_db
def test_a_buyer_with_a_default_address_sees_the_fees_for_her_province_and_totals_that_add_up(
    client, buyer_in_lang_son, mai, hoa
):
    add(client, product_of(mai, "Thạch đen Cao Bằng", grams=450, price="125000"), 2)
    add(client, product_of(hoa, "Hạt dẻ Trùng Khánh", grams=2500, price="180000"))

    page = basket_page(client)

    # Lạng Sơn is a nearby province: 900 g costs 30.000 ₫, 2,5 kg 42.000 ₫
    assert texts(page, ".parcel-fee-row strong") == ["30.000\xa0₫", "42.000\xa0₫"]
    assert texts(page, ".parcel-fee-note") == ["Tỉnh lân cận · 900 g", "Tỉnh lân cận · 2.5 kg"]
    assert [dong(text) for text in texts(page, ".totals-seller .amount")] == [30000, 42000]
    assert dong(page.select_one(".totals-shipping .amount").get_text()) == 72000
    goods = dong(page.select_one(".totals-goods .amount").get_text())
    assert goods == 2 * 125000 + 180000
    assert dong(page.select_one(".totals-total .amount").get_text()) == goods + 30000 + 42000
    assert "Sent to Lạng Sơn" in page.select_one(".totals-note").get_text()


@pytest.mark.django_db
def test_a_seller_whose_items_reach_the_threshold_ships_free(client, mai, hoa):
    add(client, product_of(mai, "Túi thổ cẩm", grams=350, price="260000"), 2)
    add(client, product_of(hoa, "Hạt dẻ Trùng Khánh", grams=1050, price="180000"))

    page = basket_page(client)

    assert texts(page, ".parcel-fee-row strong") == ["Free", "from 26.000\xa0₫"]
    assert texts(page, ".totals-seller .amount") == ["Free", "from 26.000\xa0₫"]
    assert dong(page.select_one(".totals-total .amount").get_text()) == 520000 + 180000 + 26000


@pytest.mark.django_db
def test_the_page_speaks_vietnamese_with_fees_in_dong(client, mai):
    add(client, product_of(mai, "Thạch đen Cao Bằng", grams=450))

    page = basket_page(client, VIETNAMESE)

    assert page.select_one(".parcel h2 a").get_text(strip=True) == mai.name
    assert page.select_one(".parcel-fee-row strong").get_text(" ", strip=True).endswith("18.000\xa0₫")
    assert page.select_one("a[href='/shop/checkout/']")


@pytest.mark.django_db
def test_changing_a_quantity_and_removing_a_line_still_work_with_lines_grouped_by_seller(client, mai, hoa):
    # Given lines of Mai, Hoa, Mai: Mai's parcel holds the formset's forms 0 and 2
    jelly = product_of(mai, "Thạch đen Cao Bằng", grams=450)
    chestnuts = product_of(hoa, "Hạt dẻ Trùng Khánh", grams=1050)
    noodles = product_of(mai, "Miến dong Phia Đén", grams=500)
    for product in (jelly, chestnuts, noodles):
        add(client, product)
    page = basket_page(client)
    # Oscar's script finds a line's fields by the index its buttons carry
    for line in page.select(".parcel-line"):
        index = line.select_one("[data-behaviours=remove]")["data-id"]
        assert line.select_one(f"input[name=form-{index}-quantity]")
    assert [
        [line.select_one("[data-behaviours=remove]")["data-id"] for line in parcel.select(".parcel-line")]
        for parcel in page.select(".parcel")
    ] == [["0", "2"], ["1"]]

    # When she makes it three jellies
    response = client.post(BASKET_URL, formset_data(page, **{"form-0-quantity": "3"}))

    # Then Mai's parcel weighs 3 × 450 g + 500 g = 1,85 kg
    assert response.status_code == 302
    page = basket_page(client)
    assert page.select_one("input[name=form-0-quantity]")["value"] == "3"
    assert texts(page, ".parcel-fee-row strong") == ["from 26.000\xa0₫", "from 26.000\xa0₫"]

    # When she removes Hoa's chestnuts, through Oscar's script (an AJAX post of the formset)
    response = client.post(
        BASKET_URL, formset_data(page, **{"form-1-DELETE": "on"}), headers={"x-requested-with": "XMLHttpRequest"}
    )

    # Then the basket re-rendered by Oscar has only Mai's parcel
    content = BeautifulSoup(response.json()["content_html"], "html.parser")
    assert [parcel.select_one("h2 a").get_text(strip=True) for parcel in content.select(".parcel")] == [mai.name]
    assert texts(basket_page(client), ".parcel-line h3") == ["Thạch đen Cao Bằng", "Miến dong Phia Đén"]


@pytest.mark.django_db
def test_staff_change_a_band_in_the_admin_and_the_basket_shows_the_new_fee(client, admin_client, mai, settings):
    settings.CARD_CACHE_SECONDS = 600  # the zones kept in memory, as in production
    forget_kept()
    add(client, product_of(mai, "Thạch đen Cao Bằng", grams=800))
    assert texts(basket_page(client), ".parcel-fee-row strong") == ["from 22.000\xa0₫"]
    band = DeliveryBand.objects.get(zone__kind="home", up_to_grams=1000)

    response = admin_client.post(
        reverse("admin:shipping_deliveryzone_change", args=[band.zone_id]), zone_form(band.zone, {band.pk: 24000})
    )

    assert response.status_code == 302
    assert texts(basket_page(client), ".parcel-fee-row strong") == ["from 24.000\xa0₫"]


@pytest.mark.django_db
def test_the_basket_page_costs_the_same_queries_for_six_lines_from_two_sellers_or_six(
    client, django_assert_max_num_queries
):
    counts = []
    for sellers in (2, 6):
        # Given a basket of six lines from `sellers` sellers
        client.cookies.clear()
        seller_list = [PartnerFactory() for _ in range(sellers)]
        for n in range(6):
            add(client, product_of(seller_list[n % sellers], f"Đặc sản {n}", grams=300 + 100 * n))
        client.get(BASKET_URL)  # thumbnails made

        # When she opens it again
        with django_assert_max_num_queries(30) as captured:
            response = client.get(BASKET_URL)

        # Then she sees every seller's parcel, for as many queries as with fewer sellers
        assert len(soup_of(response).select(".parcel")) == sellers
        counts.append(len(captured))
    assert counts[0] == counts[1]
