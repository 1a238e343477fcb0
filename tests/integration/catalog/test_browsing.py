"""Browsing the catalogue: filters that combine, sort orders, pages, all from the address."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from oscar.core.loading import get_model

from tests.factories import PartnerFactory, ProductFactory, ProductImageFactory, create_category, ward_code
from tests.pages import ENGLISH, VIETNAMESE, open_page, soup_of, text_of
from vietnam.geography import home_wards

ProductRecord = get_model("analytics", "ProductRecord")

# Listing pages show 24 products a page; their queries must not grow with them.
MAX_LISTING_QUERIES = 22


def titles_on(response):
    """The product names on the page's grid, in the order a buyer reads them."""
    return [title.get_text(strip=True) for title in soup_of(response).select(".listing-results .product-card-title")]


def prices_on(response):
    return [price.get_text(strip=True) for price in soup_of(response).select(".listing-results .product-card-price")]


@pytest.fixture
def shelf(db):
    """Five products of two categories, communes and star ratings; added in this order (the last is newest)."""
    today = timezone.localdate()
    dry = create_category("Đặc sản khô > Miến & bún khô")
    crafts = create_category("Thủ công mỹ nghệ")
    trung_khanh, nguyen_binh = ward_code("Xã Trùng Khánh"), ward_code("Xã Nguyên Bình")
    products = {
        "mien": ProductFactory(
            title="Miến dong Nguyên Bình",
            stockrecords__price=Decimal("60000"),
            origin_code=nguyen_binh,
            ocop_stars=4,
            categories=[dry],
        ),
        "hat_de": ProductFactory(
            title="Hạt dẻ Trùng Khánh",
            stockrecords__price=Decimal("180000"),
            origin_code=trung_khanh,
            ocop_stars=5,
            ocop_expires_on=today + timedelta(days=30),
            categories=[dry.get_parent()],
        ),
        "old_star": ProductFactory(
            title="Bánh khảo Trùng Khánh",
            stockrecords__price=Decimal("45000"),
            origin_code=trung_khanh,
            ocop_stars=5,
            ocop_expires_on=today - timedelta(days=1),  # expired yesterday
            categories=[dry.get_parent()],
        ),
        "khan": ProductFactory(
            title="Khăn thổ cẩm",
            stockrecords__price=Decimal("450000"),
            origin_code=nguyen_binh,
            ocop_stars=3,
            categories=[crafts],
        ),
        "sold_out": ProductFactory(
            title="Túi chàm Nùng",
            stockrecords__price=Decimal("290000"),
            stockrecords__num_in_stock=4,
            stockrecords__num_allocated=4,  # all of it in orders not yet shipped
            origin_code=trung_khanh,
            categories=[crafts],
        ),
    }
    return {"dry": dry, "crafts": crafts, **products}


@pytest.mark.django_db
def test_the_catalogue_lists_the_newest_first(client, shelf):
    response = client.get("/shop/catalogue/")

    assert titles_on(response) == [
        "Túi chàm Nùng",
        "Khăn thổ cẩm",
        "Bánh khảo Trùng Khánh",
        "Hạt dẻ Trùng Khánh",
        "Miến dong Nguyên Bình",
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("sort", "titles", "prices"),
    [
        (
            "price_asc",
            ["Bánh khảo Trùng Khánh", "Miến dong Nguyên Bình", "Hạt dẻ Trùng Khánh", "Túi chàm Nùng", "Khăn thổ cẩm"],
            ["45.000\xa0₫", "60.000\xa0₫", "180.000\xa0₫", "290.000\xa0₫", "450.000\xa0₫"],
        ),
        (
            "price_desc",
            ["Khăn thổ cẩm", "Túi chàm Nùng", "Hạt dẻ Trùng Khánh", "Miến dong Nguyên Bình", "Bánh khảo Trùng Khánh"],
            ["450.000\xa0₫", "290.000\xa0₫", "180.000\xa0₫", "60.000\xa0₫", "45.000\xa0₫"],
        ),
    ],
)
def test_the_catalogue_sorts_by_price(client, shelf, sort, titles, prices):
    response = client.get(f"/shop/catalogue/?sort={sort}")

    assert titles_on(response) == titles
    assert prices_on(response) == prices


@pytest.mark.django_db
def test_best_selling_lists_the_most_bought_first_then_the_newest(client, shelf):
    ProductRecord.objects.create(product=shelf["khan"], num_purchases=3)
    ProductRecord.objects.create(product=shelf["mien"], num_purchases=40)
    ProductRecord.objects.create(product=shelf["hat_de"], num_purchases=0)

    response = client.get("/shop/catalogue/?sort=best_selling")

    assert titles_on(response) == [
        "Miến dong Nguyên Bình",
        "Khăn thổ cẩm",
        "Túi chàm Nùng",
        "Bánh khảo Trùng Khánh",
        "Hạt dẻ Trùng Khánh",
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "titles"),
    [
        # OCOP stars: only current certificates count (the bánh khảo's expired yesterday)
        ("stars=3", ["Khăn thổ cẩm", "Hạt dẻ Trùng Khánh", "Miến dong Nguyên Bình"]),
        ("stars=4", ["Hạt dẻ Trùng Khánh", "Miến dong Nguyên Bình"]),
        ("stars=5", ["Hạt dẻ Trùng Khánh"]),
        # In stock: what is in stock less what orders hold
        ("in_stock=on", ["Khăn thổ cẩm", "Bánh khảo Trùng Khánh", "Hạt dẻ Trùng Khánh", "Miến dong Nguyên Bình"]),
        # Price range in whole đồng, both ends included, typed as people write prices
        ("price_min=60000&price_max=290000", ["Túi chàm Nùng", "Hạt dẻ Trùng Khánh", "Miến dong Nguyên Bình"]),
        ("price_min=100.000", ["Túi chàm Nùng", "Khăn thổ cẩm", "Hạt dẻ Trùng Khánh"]),
        ("price_max=60.000+%E2%82%AB", ["Bánh khảo Trùng Khánh", "Miến dong Nguyên Bình"]),
        # Combined, and sorted
        ("commune={trung_khanh}&in_stock=on", ["Bánh khảo Trùng Khánh", "Hạt dẻ Trùng Khánh"]),
        ("commune={nguyen_binh}&stars=4&price_max=100000", ["Miến dong Nguyên Bình"]),
        ("commune={trung_khanh}&sort=price_asc", ["Bánh khảo Trùng Khánh", "Hạt dẻ Trùng Khánh", "Túi chàm Nùng"]),
    ],
)
def test_filters_combine(client, shelf, params, titles):
    communes = {"trung_khanh": ward_code("Xã Trùng Khánh"), "nguyen_binh": ward_code("Xã Nguyên Bình")}

    response = client.get("/shop/catalogue/?" + params.format(**communes))

    assert titles_on(response) == titles


@pytest.mark.django_db
def test_a_category_chosen_on_the_catalogue_includes_its_subcategories(client, shelf):
    parent = shelf["dry"].get_parent()

    response = client.get(f"/shop/catalogue/?category={parent.pk}&sort=price_asc")

    assert titles_on(response) == ["Bánh khảo Trùng Khánh", "Miến dong Nguyên Bình", "Hạt dẻ Trùng Khánh"]


@pytest.mark.django_db
def test_a_category_page_filters_and_sorts_its_own_products(client, shelf):
    url = shelf["dry"].get_parent().get_absolute_url()

    response = client.get(f"{url}?stars=4&sort=price_desc")

    assert titles_on(response) == ["Hạt dẻ Trùng Khánh", "Miến dong Nguyên Bình"]
    form = soup_of(response).select_one("form.filter-form")
    assert form["action"] == url
    assert form.select_one("select[name=category]") is None, "a category page needs no category choice"


@pytest.mark.django_db
def test_the_commune_choices_are_the_communes_products_come_from(client, shelf):
    ProductFactory(title="Ẩn", origin_code=ward_code("Xã Hạ Lang"), is_public=False)

    response = client.get("/shop/catalogue/")

    options = [option.get_text(strip=True) for option in soup_of(response).select("select[name=commune] option")]
    assert options == ["Tất cả xã/phường", "Xã Nguyên Bình", "Xã Trùng Khánh"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "error"),
    [
        ("price_min=abc", "Hãy gõ giá bằng số, ví dụ 150.000."),
        ("stars=9", "Hãy chọn một mục trong danh sách."),
        ("commune=xyz", "Hãy chọn một mục trong danh sách."),
        ("category=999999", "Hãy chọn một mục trong danh sách."),
        ("sort=cheapest", "Hãy chọn một mục trong danh sách."),
    ],
)
def test_a_filter_value_that_makes_no_sense_is_shown_as_an_error_and_ignored(client, shelf, params, error):
    # Given an address with a nonsense value next to a sensible filter
    response = open_page(client, f"/shop/catalogue/?{params}&in_stock=on", VIETNAMESE)

    # Then the page says what is wrong, opens the filters, and applies the sensible one
    assert response.status_code == 200
    soup = soup_of(response)
    assert error in [message.get_text(strip=True).split(": ")[-1] for message in soup.select(".filter-error")]
    assert soup.select_one("details.listing-filters").has_attr("open")
    assert "Túi chàm Nùng" not in titles_on(response)
    assert len(titles_on(response)) == 4


@pytest.mark.django_db
def test_a_highest_price_below_the_lowest_is_shown_as_an_error_and_ignored(client, shelf):
    response = open_page(client, "/shop/catalogue/?price_min=100000&price_max=50000", VIETNAMESE)

    errors = [message.get_text(strip=True) for message in soup_of(response).select(".filter-error")]
    assert errors == ["Giá cao nhất: Giá “đến” không được thấp hơn giá “từ”."]
    assert titles_on(response) == ["Túi chàm Nùng", "Khăn thổ cẩm", "Hạt dẻ Trùng Khánh"]


@pytest.mark.django_db
def test_a_filtered_page_says_which_filters_are_on_and_each_can_be_removed(client, shelf):
    commune = ward_code("Xã Trùng Khánh")
    response = open_page(
        client, f"/shop/catalogue/?stars=4&commune={commune}&price_max=200000&sort=price_asc", VIETNAMESE
    )

    chips = {link.get_text(" ", strip=True): link["href"] for link in soup_of(response).select(".active-filters a")}
    assert chips == {
        "Từ 4 sao (bỏ)": f"/shop/catalogue/?commune={commune}&price_max=200000&sort=price_asc",
        "Xã Trùng Khánh (bỏ)": "/shop/catalogue/?stars=4&price_max=200000&sort=price_asc",
        "Đến 200.000\xa0₫ (bỏ)": f"/shop/catalogue/?stars=4&commune={commune}&sort=price_asc",
    }
    summary = soup_of(response).select_one("summary.filters-toggle").get_text(" ", strip=True)
    assert summary.startswith("Lọc & sắp xếp 3")


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "button"), [(VIETNAMESE, "Lọc & sắp xếp"), (ENGLISH, "Filter & sort")])
def test_the_filters_open_from_one_button_that_names_them(client, shelf, language, button):
    response = open_page(client, "/shop/catalogue/", language)

    details = soup_of(response).select_one("details.listing-filters")
    assert details.select_one("summary").get_text(" ", strip=True) == button
    assert not details.has_attr("open"), "closed on a phone, so the products come first"


@pytest.mark.django_db
def test_filters_that_leave_nothing_say_so_and_offer_to_clear_them(client, shelf):
    response = open_page(client, "/shop/catalogue/?stars=5&price_min=500000&sort=price_asc", VIETNAMESE)

    assert titles_on(response) == []
    assert "Không có sản phẩm nào hợp với bộ lọc đã chọn." in text_of(response)
    clear = soup_of(response).select_one(".nonefound a")
    assert clear["href"] == "/shop/catalogue/?sort=price_asc"


@pytest.mark.django_db
def test_pages_keep_the_filters_and_the_sort(client):
    # Given 30 products in stock under 100.000 ₫ and some that are not
    for n in range(30):
        ProductFactory(title=f"Miến dong số {n:02}", stockrecords__price=Decimal(1000 * (n + 1)))
    ProductFactory(title="Miến dong hết hàng", stockrecords__price=Decimal(500), stockrecords__num_in_stock=0)
    ProductFactory(title="Hộp quà", stockrecords__price=Decimal(900000))

    # When she filters and sorts, then follows "next"
    first = client.get("/shop/catalogue/?in_stock=on&price_max=100000&sort=price_asc")
    next_link = soup_of(first).select_one(".pager a[rel=next]")["href"]
    second = client.get("/shop/catalogue/" + next_link)

    # Then the second page continues the same filtered, sorted list
    assert next_link == "?in_stock=on&price_max=100000&sort=price_asc&page=2"
    assert titles_on(first) == [f"Miến dong số {n:02}" for n in range(24)]
    assert titles_on(second) == [f"Miến dong số {n:02}" for n in range(24, 30)]
    previous_link = soup_of(second).select_one(".pager a[rel=prev]")["href"]
    assert previous_link == "?in_stock=on&price_max=100000&sort=price_asc&page=1"


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["99", "abc", "-1"])
@pytest.mark.parametrize(
    "listing", ["/shop/catalogue/?", "/shop/catalogue/?sort=price_desc&", "/shop/search/?q=khanh&"]
)
def test_a_page_number_out_of_range_shows_the_nearest_page(client, shelf, listing, page):
    response = client.get(f"{listing}page={page}")

    assert response.status_code == 200
    assert len(titles_on(response)) == (5 if "catalogue" in listing else 3)


@pytest.mark.django_db
@pytest.mark.parametrize("listing", ["/shop/catalogue/?sort=price_asc&", "/shop/search/?q=mien&sort=price_asc&"])
def test_every_page_of_a_ranked_listing_says_how_many_products_it_has(client, listing):
    # Given 30 noodle products, where a listing by price or a search counts them as it finds the page
    for n in range(30):
        ProductFactory(title=f"Miến dong số {n:02}", stockrecords__price=Decimal(1000 * (n + 1)))

    # When she opens its second and last page
    response = client.get(f"{listing}page=2")

    # Then it says 30 products, page 2 of 2, and lists the last six
    assert "30 sản phẩm" in text_of(response)
    assert "Trang 2 / 2" in text_of(response)
    assert titles_on(response) == [f"Miến dong số {n:02}" for n in range(24, 30)]


@pytest.mark.django_db
def test_a_product_a_seller_changes_moves_in_the_listings_at_once(client, shelf):
    record = shelf["khan"].stockrecords.get()
    record.price = Decimal("10000")
    record.save()

    assert titles_on(client.get("/shop/catalogue/?sort=price_asc"))[0] == "Khăn thổ cẩm"


@pytest.mark.django_db
def test_a_card_shows_the_ocop_badge_only_while_the_certificate_is_valid(client, shelf):
    response = client.get("/shop/catalogue/")

    badges = {
        card.select_one(".product-card-title").get_text(strip=True): card.select_one(".ocop-badge") is not None
        for card in soup_of(response).select(".product-card")
    }
    assert badges["Hạt dẻ Trùng Khánh"] is True
    assert badges["Bánh khảo Trùng Khánh"] is False


def add_products(count, category):
    sellers = PartnerFactory.create_batch(3)
    communes = [code for code, _name in home_wards()[:4]]
    for n in range(count):
        product = ProductFactory(
            seller=sellers[n % 3],
            stockrecords__price=Decimal(10000 + 1000 * n),
            origin_code=communes[n % 4],
            ocop_stars=[3, 4, 5][n % 3],
            categories=[category],
        )
        ProductImageFactory(product=product)
        ProductRecord.objects.create(product=product, num_purchases=n)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        "",
        "?sort=price_asc",
        "?stars=3&in_stock=on&price_min=5000&price_max=900000&sort=best_selling",
        "?category={category}&stars=4&sort=price_desc&page=2",
    ],
)
def test_catalogue_queries_do_not_grow_with_the_number_of_products(cards_and_queries, params):
    category = create_category("Đặc sản khô")
    url = "/shop/catalogue/" + params.format(category=category.pk)
    add_products(5, category)
    cards_small, queries_small = cards_and_queries(url, MAX_LISTING_QUERIES)
    add_products(60, category)
    cards_large, queries_large = cards_and_queries(url, MAX_LISTING_QUERIES)

    assert cards_large > cards_small
    assert queries_large <= queries_small


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params", ["", "?in_stock=on&sort=price_asc", "?stars=4&price_max=900000&sort=best_selling&page=2"]
)
def test_category_page_queries_do_not_grow_with_the_number_of_products(cards_and_queries, params):
    category = create_category("Đặc sản khô > Miến & bún khô")
    url = category.get_parent().get_absolute_url() + params
    add_products(5, category)
    cards_small, queries_small = cards_and_queries(url, MAX_LISTING_QUERIES)
    add_products(60, category)
    cards_large, queries_large = cards_and_queries(url, MAX_LISTING_QUERIES)

    assert cards_large > cards_small
    assert queries_large <= queries_small


def heading_levels(response):
    """The levels of the page's headings in its main part, in reading order (1 for h1…)."""
    return [int(heading.name[1]) for heading in soup_of(response).select("main :is(h1, h2, h3, h4, h5, h6)")]


@pytest.mark.parametrize("url", ["/shop/catalogue/", "/shop/search/?q=trung+khanh"])
def test_the_listing_headings_go_down_one_level_at_a_time(client, shelf, url):
    # A screen reader's list of headings: each product's name under the page's title, none skipped (axe).
    levels = heading_levels(client.get(url))

    assert levels[0] == 1
    assert levels.count(2) >= 2
    assert all(later <= earlier + 1 for earlier, later in zip(levels, levels[1:], strict=False)), levels
