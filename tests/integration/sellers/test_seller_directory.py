import pytest

from tests.factories import PartnerFactory, ProductFactory, ward_code
from tests.pages import VIETNAMESE, open_page, soup_of, text_of


def names_on(response):
    return [card.select_one("strong").get_text(strip=True) for card in soup_of(response).select(".seller-grid li")]


@pytest.fixture
def sellers(db):
    return {
        "hoa": PartnerFactory(name="Hợp tác xã Miến dong Phia Đén", commune_code=ward_code("Xã Thành Công")),
        "duyen": PartnerFactory(name="Cơ sở Thạch đen Lục Duyên", commune_code=ward_code("Xã Thạch An")),
        "applied": PartnerFactory(name="Cơ sở Bánh khảo mới", status="applied"),
        "suspended": PartnerFactory(name="Cơ sở Tương tạm dừng", status="suspended"),
    }


@pytest.mark.django_db
def test_directory_lists_only_sellers_the_union_approved(client, sellers):
    response = open_page(client, "/sellers/", VIETNAMESE)

    assert names_on(response) == ["Cơ sở Thạch đen Lục Duyên", "Hợp tác xã Miến dong Phia Đén"]


@pytest.mark.django_db
def test_directory_filters_by_commune(client, sellers):
    response = open_page(client, f"/sellers/?commune={ward_code('Xã Thạch An')}", VIETNAMESE)

    assert names_on(response) == ["Cơ sở Thạch đen Lục Duyên"]
    assert "Xã Thành Công" in text_of(response)  # the other commune stays offered


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["applied", "suspended"])
def test_a_seller_not_approved_has_no_public_page_and_her_products_are_not_sold(client, sellers, who):
    seller = sellers[who]
    product = ProductFactory(title="Sản phẩm chưa được bán", seller=seller)

    assert client.get(seller.get_absolute_url()).status_code == 404
    assert client.get(product.get_absolute_url()).status_code == 404
    assert "Sản phẩm chưa được bán" not in text_of(open_page(client, "/shop/catalogue/", VIETNAMESE))
    assert "Sản phẩm chưa được bán" not in text_of(open_page(client, "/shop/search/?q=san pham", VIETNAMESE))


@pytest.mark.django_db
def test_her_page_keeps_her_bank_account_and_tax_code_private_and_her_ethnic_group_unless_she_agrees(client):
    seller = PartnerFactory(
        name="Hợp tác xã Thổ cẩm Dao Tiền",
        kind="cooperative",
        members=12,
        bank_account_number="0123456789",
        bank_account_holder="BAN THI SANH",
        tax_code="004185001234",
        ethnic_group="Dao Tiền",
    )

    page = text_of(open_page(client, seller.get_absolute_url(), VIETNAMESE))
    assert "12 thành viên" in page
    assert "0123456789" not in page
    assert "BAN THI SANH" not in page
    assert "004185001234" not in page
    assert "Dao Tiền" not in page.replace("Hợp tác xã Thổ cẩm Dao Tiền", "")

    seller.show_ethnic_group = True
    seller.save()
    page = text_of(open_page(client, seller.get_absolute_url(), VIETNAMESE))
    assert "Dao Tiền" in page.replace("Hợp tác xã Thổ cẩm Dao Tiền", "")


@pytest.mark.django_db
def test_her_phone_and_zalo_are_stored_in_one_form():
    seller = PartnerFactory(phone="0912 345 678", zalo="84912345678")

    assert (seller.phone, seller.zalo) == ("+84912345678", "+84912345678")
