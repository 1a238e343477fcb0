"""Search as a buyer uses it: the header's box, with or without accents, and what she gets when nothing matches."""

from decimal import Decimal
from importlib import import_module
from urllib.parse import quote

import pytest
from django.apps import apps as django_apps

from tests.factories import PartnerFactory, ProductFactory, ProductImageFactory, create_category, ward_code
from tests.pages import ENGLISH, VIETNAMESE, open_page, soup_of, text_of

# The search page lists 24 products a page; its queries must not grow with them.
MAX_SEARCH_QUERIES = 22


def search(client, query, language=VIETNAMESE, **params):
    extra = "".join(f"&{name}={quote(str(value))}" for name, value in params.items())
    return open_page(client, f"/shop/search/?q={quote(query)}{extra}", language)


def titles_on(response):
    """The product names on the page's result grid, in the order a buyer reads them."""
    return [title.get_text(strip=True) for title in soup_of(response).select(".listing-results .product-card-title")]


@pytest.fixture
def noodles_and_jelly(db):
    """Two kinds of miến dong and a grass jelly, by two sellers of two communes."""
    mai = PartnerFactory(name="Hợp tác xã Thạch đen Phục Hòa", owner_name="Đàm Thị Mai")
    hoa = PartnerFactory(name="Cơ sở Nông Thị Hoa")
    return {
        "jelly": ProductFactory(title="Thạch đen Cao Bằng", seller=mai, origin_code=ward_code("Xã Phục Hòa")),
        "nguyen_binh": ProductFactory(
            title="Miến dong Nguyên Bình", seller=hoa, description="<p>Sợi miến dai, làm tay.</p>"
        ),
        "phia_den": ProductFactory(title="Miến dong Phia Đén 500g", seller=hoa, origin_code=ward_code("Xã Phan Thanh")),
    }


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["mien dong", "Miến dong", "MIẾN DONG", "mien  dong", "miến DONG", "Mien, dong"])
def test_miến_dong_is_found_however_it_is_typed(client, noodles_and_jelly, query):
    response = search(client, query)

    assert response.status_code == 200
    assert sorted(titles_on(response)) == ["Miến dong Nguyên Bình", "Miến dong Phia Đén 500g"]


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["thach den", "Thạch đen", "THẠCH ĐEN", "thach đen", "Thach Den"])
def test_đ_counts_as_d_so_thach_den_finds_thạch_đen(client, noodles_and_jelly, query):
    assert titles_on(search(client, query)) == ["Thạch đen Cao Bằng"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("Phục Hòa", "Thạch đen Cao Bằng"),  # her commune (and her cooperative's name)
        ("phan thanh", "Miến dong Phia Đén 500g"),  # the commune of origin
        ("sợi dai", "Miến dong Nguyên Bình"),  # words of the description
        ("nong thi hoa nguyen", "Miến dong Nguyên Bình"),  # the seller's name and a word of the title
        ("mie", "Miến dong Nguyên Bình"),  # the start of a word, as it is being typed
    ],
)
def test_search_looks_in_the_seller_the_commune_and_the_description(client, noodles_and_jelly, query, found):
    assert found in titles_on(search(client, query))


@pytest.mark.django_db
def test_every_word_must_match(client, noodles_and_jelly):
    assert titles_on(search(client, "miến phia")) == ["Miến dong Phia Đén 500g"]


@pytest.mark.django_db
def test_a_word_matches_only_from_the_start_of_a_word(client):
    # "hat" (hạt) must not find "chất" (Vietnamese syllables hide inside one another)
    ProductFactory(title="Thạch đen", description="Chất lượng tốt")
    ProductFactory(title="Hạt dẻ Trùng Khánh")

    assert titles_on(search(client, "hat")) == ["Hạt dẻ Trùng Khánh"]


@pytest.mark.django_db
def test_whole_words_of_the_name_rank_before_words_that_only_begin_with_them(client):
    # Given black pepper (its "đen" begins with "de"), added after the chestnuts
    ProductFactory(title="Hạt dẻ Trùng Khánh")
    ProductFactory(title="Hạt tiêu đen")

    # Then "hạt dẻ" lists the chestnuts first
    assert titles_on(search(client, "hạt dẻ")) == ["Hạt dẻ Trùng Khánh", "Hạt tiêu đen"]


@pytest.mark.django_db
def test_products_named_for_the_words_come_before_those_that_only_mention_them(client):
    # Given a gift box that mentions miến dong, added after the miến dong itself
    ProductFactory(title="Miến dong Nguyên Bình")
    ProductFactory(title="Hộp quà Tết Cao Bằng", description="Trong hộp: miến dong, hạt dẻ, thạch đen.")
    ProductFactory(title="Miến dong Phia Đén")

    # Then the products named miến dong come first, newest first, and the gift box after them
    assert titles_on(search(client, "mien dong")) == [
        "Miến dong Phia Đén",
        "Miến dong Nguyên Bình",
        "Hộp quà Tết Cao Bằng",
    ]


@pytest.mark.django_db
def test_a_product_a_seller_adds_or_renames_is_found_at_once(client, noodles_and_jelly):
    ProductFactory(title="Hạt dẻ Trùng Khánh")
    jelly = noodles_and_jelly["jelly"]
    jelly.title = "Thạch đen Phục Hòa túi 1kg"
    jelly.save()

    assert titles_on(search(client, "hat de")) == ["Hạt dẻ Trùng Khánh"]
    assert titles_on(search(client, "tui 1kg")) == ["Thạch đen Phục Hòa túi 1kg"]


@pytest.mark.django_db
def test_products_that_are_not_public_are_not_found(client):
    ProductFactory(title="Miến dong thử nghiệm", is_public=False)

    assert titles_on(search(client, "mien dong")) == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "heading", "some_words"),
    [
        (VIETNAMESE, "Chưa tìm thấy sản phẩm nào cho “miến pizza”", "Sản phẩm có một vài từ bạn tìm"),
        (ENGLISH, "Nothing matches “miến pizza” yet", "Products with some of your words"),
    ],
)
def test_a_search_with_no_result_offers_products_with_some_of_the_words(
    client, noodles_and_jelly, language, heading, some_words
):
    response = search(client, "miến pizza", language)

    text = text_of(response)
    assert heading in text
    assert some_words in text
    suggested = [title.get_text(strip=True) for title in soup_of(response).select(".no-results .product-card-title")]
    assert sorted(suggested) == ["Miến dong Nguyên Bình", "Miến dong Phia Đén 500g"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("typo", "meant", "found"),
    [
        ("mien dog", "mien dong", "Miến dong"),
        ("mein dong", "mien dong", "Miến dong"),
        ("Thạch đem", "thach den", "Thạch đen"),
        ("mienn", "mien", "Miến dong"),
    ],
)
def test_a_misspelt_search_offers_what_the_words_spelt_right_find(client, noodles_and_jelly, typo, meant, found):
    response = search(client, typo)

    assert f"Có phải bạn muốn tìm “{meant}”?" in text_of(response)
    suggested = [title.get_text(strip=True) for title in soup_of(response).select(".no-results .product-card-title")]
    assert suggested
    assert all(title.startswith(found) for title in suggested), suggested


@pytest.mark.django_db
def test_a_search_nothing_resembles_offers_the_categories_and_all_products(client, noodles_and_jelly):
    create_category("Đặc sản khô > Miến & bún khô")

    response = search(client, "pizza")

    soup = soup_of(response)
    assert soup.select(".no-results .product-card") == []
    links = {link.get_text(strip=True): link["href"] for link in soup.select(".no-results a")}
    assert links["Đặc sản khô"].startswith("/shop/catalogue/category/dac-san-kho")
    assert links["Xem tất cả sản phẩm"] == "/shop/catalogue/"


@pytest.mark.django_db
def test_an_empty_search_opens_the_catalogue_with_its_filters(client):
    response = client.get("/shop/search/?q=++&stars=4")

    assert response.status_code == 302
    assert response["Location"] == "/shop/catalogue/?stars=4"


@pytest.mark.django_db
def test_search_results_can_be_filtered_and_sorted(client, noodles_and_jelly):
    ProductFactory(title="Miến dong loại 1", stockrecords__price=Decimal("90000"), stockrecords__num_in_stock=0)
    ProductFactory(title="Miến dong gói nhỏ", stockrecords__price=Decimal("30000"))

    response = search(client, "mien dong", in_stock="on", sort="price_asc")

    # Then the sold-out one is left out, and the cheapest comes first (at the same price, the newest)
    assert titles_on(response) == ["Miến dong gói nhỏ", "Miến dong Phia Đén 500g", "Miến dong Nguyên Bình"]
    # The search goes along with the filters when they are changed
    assert soup_of(response).select_one(".filter-form input[name=q]")["value"] == "mien dong"


@pytest.mark.django_db
def test_the_search_box_shows_what_was_searched(client, noodles_and_jelly):
    response = search(client, "Miến dong")

    assert soup_of(response).select_one("header input[name=q]")["value"] == "Miến dong"


def add_miến_dong(count):
    sellers = PartnerFactory.create_batch(3)
    for n in range(count):
        product = ProductFactory(
            title=f"Miến dong số {n}", seller=sellers[n % 3], stockrecords__price=Decimal(1000 * n)
        )
        ProductImageFactory(product=product)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/shop/search/?q=mien+dong",
        "/shop/search/?q=Mi%E1%BA%BFn&in_stock=on&stars=&price_min=1000&sort=price_desc",
        "/shop/search/?q=mien+dong&sort=best_selling&page=2",
    ],
)
def test_search_queries_do_not_grow_with_the_number_of_products(cards_and_queries, url):
    add_miến_dong(5)
    cards_small, queries_small = cards_and_queries(url, MAX_SEARCH_QUERIES)
    add_miến_dong(30)
    cards_large, queries_large = cards_and_queries(url, MAX_SEARCH_QUERIES)

    assert cards_large > cards_small
    assert queries_large <= queries_small


@pytest.mark.django_db
def test_a_search_with_no_result_makes_a_fixed_number_of_queries(cards_and_queries):
    add_miến_dong(5)
    _cards, queries_small = cards_and_queries("/shop/search/?q=mien+pizza", MAX_SEARCH_QUERIES)
    add_miến_dong(30)
    cards, queries_large = cards_and_queries("/shop/search/?q=mien+pizza", MAX_SEARCH_QUERIES)

    assert cards == 8  # the suggestions
    assert queries_large <= queries_small


@pytest.mark.django_db
def test_a_one_letter_word_does_not_make_a_failed_search_suggest_everything(client, noodles_and_jelly):
    response = search(client, "5 pizza")  # "5" begins "500g" of a noodle packet

    assert soup_of(response).select(".no-results .product-card-title") == []


@pytest.mark.django_db
def test_products_folded_before_the_copies_were_spaced_are_found_after_the_migration(client):
    # Given a product whose folded copies were kept the earlier way, without the spaces around them
    product = ProductFactory(title="Hạt dẻ Trùng Khánh")
    earlier = "hat de trung khanh"
    type(product).objects.filter(pk=product.pk).update(search_title=earlier, search_text=earlier)
    assert titles_on(search(client, "hat")) == []

    # When the migration's data step runs
    migration = import_module("catalog.migrations.0039_spaced_search_copies")
    migration.space_copies(django_apps, None)

    # Then it is found again, by its first word too
    assert titles_on(search(client, "hat")) == ["Hạt dẻ Trùng Khánh"]
    assert type(product).objects.get(pk=product.pk).search_title == " hat de trung khanh "
