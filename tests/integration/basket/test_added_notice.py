"""After "Thêm vào giỏ hàng": one short notice with the way to the basket, in the buyer's language."""

import pytest

from tests.pages import ENGLISH, VIETNAMESE, open_page, soup_of

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "notice"),
    [(VIETNAMESE, "Đã thêm vào giỏ · Xem giỏ hàng"), (ENGLISH, "Added to your basket · View basket")],
)
def test_adding_to_the_basket_shows_one_short_notice_with_a_link(client, product, language, notice):
    page_url = product.get_absolute_url()
    open_page(client, page_url, language)

    response = client.post(f"/shop/basket/add/{product.pk}/", {"quantity": 2}, HTTP_REFERER=page_url, follow=True)

    alerts = soup_of(response).select("#messages .alert")
    assert len(alerts) == 1
    assert " ".join(alerts[0].get_text(" ", strip=True).replace("×", "").split()) == notice
    assert alerts[0].select_one("a")["href"] == "/shop/basket/"
