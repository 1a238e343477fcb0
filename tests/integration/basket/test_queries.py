"""The basket, the checkout preview and the header's basket count cost the same queries for any basket.

Each test fills two baskets, one line from one seller and six lines from three, and opens the
page as a returning buyer does (the first visit makes the thumbnails); the second basket must cost
no more queries than the first, and its page must still show every seller's lines, fees and totals.
"""

import re
from decimal import Decimal

import pytest
from django.test import Client
from oscar.test.factories import BenefitFactory, ConditionalOfferFactory, ConditionFactory, RangeFactory

from tests.factories import PartnerFactory, ProductFactory, ProductImageFactory, UserFactory
from tests.pages import ENGLISH, open_page, soup_of
from tests.shopping import PREVIEW_URL, fill_basket, go_to_preview

BASKET_URL = "/shop/basket/"

# Three sellers' products as (title, grams, price), in the order the buyer adds them: the sellers'
# lines interleave. Phục Hòa sends 700 g, Trùng Khánh 400 g, Nguyên Bình 1,7 kg: within Cao Bằng
# (the estimate, her address unknown) 22.000 ₫, 18.000 ₫ and 26.000 ₫.
SELLERS = ["Hợp tác xã Thạch đen Phục Hòa", "Hợp tác xã Hạt dẻ Trùng Khánh", "Hợp tác xã Miến dong Nguyên Bình"]
SIX_LINES = [
    (0, "Thạch đen Cao Bằng", 300, 125000),
    (1, "Hạt dẻ Trùng Khánh", 200, 180000),
    (2, "Miến dong Phia Đén", 1200, 65000),
    (0, "Thạch đen sấy khô", 400, 90000),
    (1, "Hạt dẻ rang", 200, 150000),
    (2, "Miến dong Nguyên Bình", 500, 70000),
]
FEES = [22000, 18000, 26000]
ONE_LINE = [(0, "Thạch đen Cao Bằng", 300, 125000)]


def dong(text):
    """125000 for "125.000 ₫" (and for "from 125.000 ₫")."""
    return int(re.sub(r"\D", "", text))


def texts(page, selector):
    """The text of each element, runs of whitespace made one space (a no-break space stays, as in 125.000 ₫)."""
    return [re.sub(r"[ \t\n\r\f\v]+", " ", element.get_text(" ", strip=True)) for element in page.select(selector)]


def buyer(audience):
    """A browser of a guest, or of a customer logged in, with an empty basket."""
    client = Client()
    if audience == "customer":
        client.force_login(UserFactory())
    return client


def products(lines):
    """The lines' products, each with a photo, from sellers of their own (named as in SELLERS)."""
    sellers = [PartnerFactory(name=f"{name} ({PartnerFactory._meta.model.objects.count()})") for name in SELLERS]
    made = []
    for seller, title, grams, price in lines:
        product = ProductFactory(
            title=title, seller=sellers[seller], weight_grams=grams, stockrecords__price=Decimal(price)
        )
        ProductImageFactory(product=product)
        made.append(product)
    return sellers, made


def queries_of(client, url, django_assert_max_num_queries, most=20):
    """Open `url` as a returning buyer (the first visit makes the thumbnails): the page and its SQL queries."""
    open_page(client, url, ENGLISH)
    with django_assert_max_num_queries(most) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return soup_of(response), captured


@pytest.fixture
def offer(db):
    """A site offer: 10 % off any three products."""
    everything = RangeFactory(name="Mọi sản phẩm", includes_all_products=True)
    return ConditionalOfferFactory(
        name="Mua 3 giảm 10%",
        condition=ConditionFactory(range=everything, type="Count", value=3),
        benefit=BenefitFactory(range=everything, type="Percentage", value=10),
    )


@pytest.mark.django_db
@pytest.mark.parametrize("audience", ["guest", "customer"])
def test_the_basket_page_costs_the_same_queries_for_one_line_or_six_from_three_sellers(
    audience, django_assert_max_num_queries
):
    # Given a buyer with one line from one seller, and another with six lines from three sellers
    small, large = buyer(audience), buyer(audience)
    fill_basket(small, *products(ONE_LINE)[1])
    sellers, six = products(SIX_LINES)
    fill_basket(large, *six)

    # When each opens her basket
    _, few = queries_of(small, BASKET_URL, django_assert_max_num_queries)
    page, many = queries_of(large, BASKET_URL, django_assert_max_num_queries)

    # Then the six lines cost no query more than the one
    assert len(many) == len(few), "\n".join(query["sql"][:160] for query in many)
    # And each seller's parcel holds her lines, with her fee, in whole đồng
    parcels = page.select(".parcel")
    assert [parcel.select_one("h2 a").get_text(strip=True) for parcel in parcels] == [s.name for s in sellers]
    for index, parcel in enumerate(parcels):
        assert texts(parcel, ".parcel-line h3") == [title for seller, title, _, _ in SIX_LINES if seller == index]
    assert [dong(text) for text in texts(page, ".parcel-fee-row strong")] == FEES
    assert [dong(text) for text in texts(page, ".totals-seller .amount")] == FEES
    # And the totals add up
    goods = sum(price for _, _, _, price in SIX_LINES)
    assert texts(page, ".totals-goods .amount") == [f"{goods:,}".replace(",", ".") + "\xa0₫"]
    assert dong(page.select_one(".totals-shipping .amount").get_text()) == sum(FEES)
    assert dong(page.select_one(".totals-total .amount").get_text()) == goods + sum(FEES)


@pytest.mark.django_db
def test_the_checkout_preview_costs_the_same_queries_for_one_line_or_six_from_three_sellers(
    django_assert_max_num_queries,
):
    # Given two guests at the preview, one with one line, the other with six lines from three sellers
    small, large = buyer("guest"), buyer("guest")
    go_to_preview(small, *products(ONE_LINE)[1])
    sellers, six = products(SIX_LINES)
    go_to_preview(large, *six)

    # When each looks at the preview before placing her order
    _, few = queries_of(small, PREVIEW_URL, django_assert_max_num_queries)
    page, many = queries_of(large, PREVIEW_URL, django_assert_max_num_queries)

    # Then the six lines cost no query more, and the preview still lists every line and fee
    assert len(many) == len(few), "\n".join(query["sql"][:160] for query in many)
    assert len(page.select(".checkout-side .shipment-card")) == 3  # one parcel per seller
    assert len(page.select(".totals-seller")) == 3  # and each seller's fee
    assert dong(page.select_one(".totals-shipping .amount").get_text()) == sum(FEES)


@pytest.mark.django_db
def test_the_header_basket_count_costs_the_same_queries_for_one_line_or_six(django_assert_max_num_queries):
    # Given a customer with one line and another with six, two of each
    small, large = buyer("customer"), buyer("customer")
    fill_basket(small, *products(ONE_LINE)[1])
    _, six = products(SIX_LINES)
    fill_basket(large, *((product, 2) for product in six))

    # When each opens the catalogue
    page_of_one, few = queries_of(small, "/shop/catalogue/", django_assert_max_num_queries, most=30)
    page, many = queries_of(large, "/shop/catalogue/", django_assert_max_num_queries, most=30)

    # Then the header counts her items for the same queries
    assert page_of_one.select_one(".basket-count").get_text(strip=True) == "1"
    assert page.select_one(".basket-count").get_text(strip=True) == "12"
    assert len(many) == len(few), "\n".join(query["sql"][:160] for query in many)


def test_an_offer_the_basket_nearly_meets_is_suggested_and_offers_are_read_once(offer, django_assert_max_num_queries):
    # Given a site offer of 10 % off any three products, and a guest with one product in her basket
    client = buyer("guest")
    fill_basket(client, *products(ONE_LINE)[1])

    # When she opens her basket
    page, captured = queries_of(client, BASKET_URL, django_assert_max_num_queries)

    # Then she is told how close she is, and the offers were read from the database once
    assert offer.name in page.get_text()
    assert "Buy 2 more products" in page.get_text()
    offer_reads = [query for query in captured if 'FROM "offer_conditionaloffer"' in query["sql"]]
    assert len(offer_reads) == 1


def test_a_basket_that_meets_an_offer_shows_its_discount_and_reads_the_offers_once(
    offer, django_assert_max_num_queries
):
    # Given a guest with six lines from three sellers, which the offer discounts
    client = buyer("guest")
    _, six = products(SIX_LINES)
    fill_basket(client, *six)

    # When she opens her basket (Oscar checks each line against the offer's range: up to 40 queries)
    page, captured = queries_of(client, BASKET_URL, django_assert_max_num_queries, most=40)

    # Then 10 % comes off the items total (six products meet "three" twice), and the offers were read once
    goods = sum(price for _, _, _, price in SIX_LINES)
    discount = goods // 10
    assert offer.name in page.select_one(".basket-totals").get_text()
    assert dong(page.select_one(".totals-goods .amount").get_text()) == goods - discount
    assert dong(page.select_one(".totals-total .amount").get_text()) == goods - discount + sum(FEES)
    offer_reads = [query for query in captured if 'FROM "offer_conditionaloffer"' in query["sql"]]
    assert len(offer_reads) == 1
