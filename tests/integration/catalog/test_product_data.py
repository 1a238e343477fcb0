import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from oscar.core.loading import get_model

from tests.factories import PartnerFactory, ProductFactory, StockRecordFactory, ward_code
from tests.pages import VIETNAMESE, open_page, soup_of

ProductClass = get_model("catalogue", "ProductClass")


@pytest.mark.django_db
def test_every_install_has_food_drinks_handicrafts_and_herbs():
    names = set(ProductClass.objects.values_list("name", flat=True))

    assert {"Thực phẩm", "Đồ uống", "Thủ công mỹ nghệ", "Dược liệu"} <= names


@pytest.mark.django_db
def test_a_product_has_one_stock_record(product):
    with pytest.raises(IntegrityError), transaction.atomic():
        StockRecordFactory(product=product, partner=product.seller, partner_sku="KHAC-1")


@pytest.mark.django_db
def test_only_the_maker_can_sell_her_product():
    product = ProductFactory(stockrecords=None)

    with pytest.raises(ValidationError, match=product.seller.name):
        StockRecordFactory(product=product, partner=PartnerFactory())


@pytest.mark.django_db
def test_a_product_made_without_a_maker_gets_the_partner_who_stocks_it():
    seller = PartnerFactory()
    product = ProductFactory(seller=None, stockrecords=None)

    StockRecordFactory(product=product, partner=seller)

    product.refresh_from_db()
    assert product.seller == seller


@pytest.mark.django_db
def test_a_seller_found_under_her_new_name_as_soon_as_she_renames_herself(client):
    seller = PartnerFactory(name="Cơ sở Thạch đen Lục Duyên")
    ProductFactory(title="Thạch đen khô 500g", seller=seller)

    seller.name = "Hợp tác xã Thạch đen Thạch An"
    seller.save()

    page = soup_of(open_page(client, "/shop/search/?q=hop tac xa thach an", VIETNAMESE))
    assert [card.select_one(".product-card-title").get_text(strip=True) for card in page.select(".product-card")] == [
        "Thạch đen khô 500g"
    ]


@pytest.mark.django_db
def test_a_new_communes_first_product_can_be_filtered_at_once(client):
    ProductFactory(title="Miến dong Nguyên Bình", origin_code=ward_code("Xã Nguyên Bình"))
    client.get("/shop/catalogue/")  # the commune choices are now remembered

    ProductFactory(title="Hạt dẻ Trùng Khánh", origin_code=ward_code("Xã Trùng Khánh"))
    response = open_page(client, f"/shop/catalogue/?commune={ward_code('Xã Trùng Khánh')}", VIETNAMESE)

    titles = [
        card.select_one(".product-card-title").get_text(strip=True)
        for card in soup_of(response).select(".product-card")
    ]
    assert titles == ["Hạt dẻ Trùng Khánh"]
