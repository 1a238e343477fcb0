"""Every page of the URL map renders its real content, in Vietnamese and in English."""

from decimal import Decimal

import pytest

from tests.factories import ProductFactory
from tests.pages import ENGLISH, VIETNAMESE, open_page, soup_of, text_of

NBSP = "\xa0"
LANGUAGES = [VIETNAMESE, ENGLISH]

# What each language shows in the storefront's header and footer.
HEADER = {
    VIETNAMESE: {"basket": "Giỏ hàng", "log_in": "Đăng nhập"},
    ENGLISH: {"basket": "Basket", "log_in": "Log in"},
}


@pytest.fixture
def storefront(product, seller, category):
    """A seller with two products, one of them in a category, and a product of another seller."""
    ProductFactory(title="Miến dong Nguyên Bình", seller=seller, stockrecords__price=Decimal("60000"))
    ProductFactory(title="Hạt dẻ Trùng Khánh", stockrecords__price=Decimal("180000"))
    return {
        "product": product.get_absolute_url(),
        "category": category.get_absolute_url(),
        "seller": seller.get_absolute_url(),
    }


def assert_storefront_shell(response, language):
    """The page is in the language asked for, with the marketplace's header and footer."""
    assert response.status_code == 200
    soup = soup_of(response)
    assert soup.html["lang"] == language
    header = soup.select_one("header")
    assert header is not None, "no site header"
    assert "Chợ OCOP Cao Bằng" in header.get_text()
    assert soup.select_one("form[role=search] input[name=q]") is not None, "no search box in the header"
    basket_link = soup.select_one("a.basket-link") or soup.select_one(".basket-count").find_parent("a")
    assert HEADER[language]["basket"] in basket_link.get_text()
    assert soup.select_one(".basket-count").get_text(strip=True) == "0"
    assert HEADER[language]["log_in"] in header.get_text()
    footer = soup.select_one("footer")
    assert footer is not None, "no site footer"
    assert "Hội Liên hiệp Phụ nữ" in footer.get_text()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "heading"),
    [(VIETNAMESE, "Sản phẩm mới"), (ENGLISH, "New from our makers")],
)
def test_home_page_shows_the_newest_products_and_the_sellers(client, storefront, language, heading):
    response = open_page(client, "/", language)

    assert_storefront_shell(response, language)
    text = text_of(response)
    assert heading in text
    for title in ("Thạch đen Cao Bằng", "Miến dong Nguyên Bình", "Hạt dẻ Trùng Khánh"):
        assert title in text
    assert "Hợp tác xã Thạch đen Phục Hòa" in text


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "summary"), [(VIETNAMESE, "Tất cả sản phẩm"), (ENGLISH, "All products")])
def test_catalogue_lists_every_public_product_without_a_search_server(client, storefront, language, summary):
    ProductFactory(title="Khăn thổ cẩm chưa duyệt", is_public=False)

    response = open_page(client, "/shop/catalogue/", language)

    assert_storefront_shell(response, language)
    text = text_of(response)
    assert summary in text
    cards = soup_of(response).select(".product-card")
    assert len(cards) == 3
    for title in ("Thạch đen Cao Bằng", "Miến dong Nguyên Bình", "Hạt dẻ Trùng Khánh"):
        assert title in text
    assert f"125.000{NBSP}₫" in text
    assert "Khăn thổ cẩm chưa duyệt" not in text


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_category_page_lists_only_the_products_of_its_category(client, storefront, language):
    response = open_page(client, storefront["category"], language)

    assert_storefront_shell(response, language)
    text = text_of(response)
    assert "Thạch đen" in soup_of(response).select_one("h1").get_text()
    assert "Thạch đen Cao Bằng" in text
    assert "Miến dong Nguyên Bình" not in text
    assert "Hạt dẻ Trùng Khánh" not in text


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "add_to_basket"), [(VIETNAMESE, "Thêm vào giỏ"), (ENGLISH, "Add to basket")])
def test_product_page_shows_title_price_in_dong_and_add_to_basket(client, storefront, language, add_to_basket):
    response = open_page(client, storefront["product"], language)

    assert_storefront_shell(response, language)
    soup = soup_of(response)
    assert soup.select_one("h1").get_text(strip=True) == "Thạch đen Cao Bằng"
    text = text_of(response)
    assert f"125.000{NBSP}₫" in text
    assert "125000" not in text
    assert "125.000,00" not in text
    assert add_to_basket in soup.select_one("#add_to_basket_form").get_text()
    assert "Hợp tác xã Thạch đen Phục Hòa" in text


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "empty"), [(VIETNAMESE, "Giỏ hàng của bạn đang trống"), (ENGLISH, "Your basket is empty")]
)
def test_empty_basket_page_says_it_is_empty(client, language, empty):
    response = open_page(client, "/shop/basket/", language)

    assert_storefront_shell(response, language)
    assert empty in text_of(response)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "log_in", "register"), [(VIETNAMESE, "Đăng nhập", "Đăng ký"), (ENGLISH, "Log In", "Register")]
)
def test_login_page_offers_log_in_and_registration(client, language, log_in, register):
    response = open_page(client, "/shop/accounts/login/", language)

    assert_storefront_shell(response, language)
    soup = soup_of(response)
    assert log_in in soup.select_one("button[name=login_submit]").get_text()
    assert register in soup.select_one("button[name=registration_submit]").get_text()
    assert soup.select_one("input[name=login-username]") is not None
    assert soup.select_one("input[name=login-password]") is not None


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "role"), [(VIETNAMESE, "Người bán"), (ENGLISH, "Seller")])
def test_seller_page_shows_who_she_is_and_only_her_products(client, storefront, language, role):
    response = open_page(client, storefront["seller"], language)

    assert_storefront_shell(response, language)
    text = text_of(response)
    assert role in text
    assert soup_of(response).select_one("h1").get_text(strip=True) == "Hợp tác xã Thạch đen Phục Hòa"
    assert "Đàm Thị Mai" in text
    assert "Thạch đen Cao Bằng" in text
    assert "Miến dong Nguyên Bình" in text
    assert "Hạt dẻ Trùng Khánh" not in text


@pytest.mark.django_db
def test_unknown_seller_is_not_found(client):
    response = client.get("/sellers/khong-co-ai/")

    assert response.status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "heading"), [(VIETNAMESE, "Sản phẩm phù hợp"), (ENGLISH, "Products matching")])
def test_search_finds_products_by_their_vietnamese_name(client, storefront, language, heading):
    response = open_page(client, "/shop/search/?q=Thạch đen", language)

    assert_storefront_shell(response, language)
    text = text_of(response)
    assert heading in text
    assert "Thạch đen Cao Bằng" in text
    assert "Hạt dẻ Trùng Khánh" not in text


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "sign_in"), [(VIETNAMESE, "Đăng nhập"), (ENGLISH, "Sign in")])
def test_wagtail_admin_login_page_is_in_the_visitors_language(client, language, sign_in):
    response = open_page(client, "/cms/login/", language)

    assert response.status_code == 200
    soup = soup_of(response)
    assert soup.html["lang"] == language
    assert sign_in in soup.select_one("form button[type=submit]").get_text()


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "log_in"), [(VIETNAMESE, "Đăng nhập"), (ENGLISH, "Log in")])
def test_django_admin_login_page_is_in_the_visitors_language(client, language, log_in):
    response = open_page(client, "/django-admin/login/", language)

    assert response.status_code == 200
    soup = soup_of(response)
    assert soup.html["lang"] == language
    assert soup.select_one("form input[type=submit]")["value"] == log_in


@pytest.mark.django_db
def test_visitor_without_a_language_preference_gets_vietnamese(client):
    response = client.get("/shop/basket/")

    assert soup_of(response).html["lang"] == VIETNAMESE
    assert "Giỏ hàng của bạn đang trống" in text_of(response)


@pytest.mark.django_db
def test_phone_set_up_in_english_still_gets_vietnamese_until_english_is_chosen(client):
    # The marketplace speaks Vietnamese first: the browser's Accept-Language does not decide.
    response = client.get("/shop/basket/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")

    assert soup_of(response).html["lang"] == VIETNAMESE
    assert "Giỏ hàng của bạn đang trống" in text_of(response)


@pytest.mark.django_db
def test_language_switch_in_the_header_changes_the_language_of_the_next_pages(client):
    # Given a visitor on the Vietnamese basket page
    page = client.get("/shop/basket/")
    switch = soup_of(page).select_one("form[action='/i18n/setlang/']")
    assert switch is not None, "no language switch on the page"

    # When she presses "EN" in the language switch
    response = client.post(switch["action"], {"language": ENGLISH, "next": "/shop/basket/"}, follow=True)

    # Then she is back on the basket page, in English, and stays in English
    assert response.request["PATH_INFO"] == "/shop/basket/"
    assert "Your basket is empty" in text_of(response)
    assert "All products" in text_of(client.get("/shop/catalogue/"))
