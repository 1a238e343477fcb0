import pytest
from django.test import Client

from tests.pages import ENGLISH, VIETNAMESE, open_page, soup_of, text_of


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "message"),
    [(VIETNAMESE, "Không tìm thấy trang này"), (ENGLISH, "We could not find that page")],
)
@pytest.mark.parametrize("path", ["/khong-co-trang-nay/", "/shop/catalogue/khong-co_999999/", "/sellers/khong-co/"])
def test_a_missing_page_says_so_in_the_shops_layout_and_offers_a_way_on(client, settings, language, message, path):
    settings.DEBUG = False

    response = open_page(client, path, language)

    assert response.status_code == 404
    assert message in text_of(response)
    assert soup_of(response).select_one("a[href='/shop/catalogue/']") is not None


def test_a_server_error_page_needs_nothing_from_the_failing_site(settings, db):
    settings.DEBUG = False
    settings.DEBUG_PROPAGATE_EXCEPTIONS = False
    client = Client(raise_request_exception=False)
    settings.ROOT_URLCONF = "tests.integration.shop.failing_urls"

    response = client.get("/boom/")

    assert response.status_code == 500
    assert "Xin lỗi, trang đang gặp sự cố" in response.content.decode()
