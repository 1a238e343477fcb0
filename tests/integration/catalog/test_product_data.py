import pytest
from django.db import IntegrityError, transaction
from oscar.core.loading import get_model

from tests.factories import PartnerFactory, ProductFactory, StockRecordFactory
from tests.pages import VIETNAMESE, open_page, soup_of

ProductClass = get_model("catalogue", "ProductClass")


@pytest.mark.django_db
def test_every_install_has_food_drinks_handicrafts_and_herbs():
    names = set(ProductClass.objects.values_list("name", flat=True))

    assert {"Thực phẩm", "Đồ uống", "Thủ công mỹ nghệ", "Dược liệu"} <= names


@pytest.mark.django_db
def test_a_product_has_one_stock_record_its_makers(product):
    with pytest.raises(IntegrityError), transaction.atomic():
        StockRecordFactory(product=product, partner=PartnerFactory())


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
