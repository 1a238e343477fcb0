import pytest

from tests.pages import VIETNAMESE, open_page, soup_of


@pytest.mark.django_db
def test_description_keeps_formatting_but_never_runs_a_script(client, product):
    product.description = (
        '<p>Thạch đen <strong>nấu củi</strong></p><script>alert("x")</script>'
        '<p><img src=x onerror="alert(1)">Ngon</p>'
    )
    product.save()

    page = soup_of(open_page(client, product.get_absolute_url(), VIETNAMESE))

    description = page.select_one(".product-description")
    assert description.select_one("strong").get_text() == "nấu củi"
    assert "Ngon" in description.get_text()
    assert description.select("script, img, [onerror]") == []
