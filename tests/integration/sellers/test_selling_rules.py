import pytest

from tests.factories import ProductFactory
from tests.pages import VIETNAMESE, open_page


@pytest.mark.django_db
@pytest.mark.parametrize("status", ["applied", "suspended", "rejected"])
def test_nobody_can_buy_from_a_seller_who_is_not_approved(client, product, status):
    # Given a product in a basket, and one of the same seller not yet in it
    other = ProductFactory(title="Bột thạch đen", seller=product.seller)
    client.post(f"/shop/basket/add/{product.pk}/", {"quantity": 1})

    # When the Union suspends her (or had not approved her)
    product.seller.status = status
    product.seller.save()

    # Then neither product can be added, and the basket holds nothing to check out
    client.post(f"/shop/basket/add/{other.pk}/", {"quantity": 1})
    basket = open_page(client, "/shop/basket/", VIETNAMESE)
    assert basket.context["basket"].is_empty or not any(
        line.purchase_info.availability.is_available_to_buy for line in basket.context["basket"].all_lines()
    )
    assert all(line.product != other for line in basket.context["basket"].all_lines())


@pytest.mark.django_db
def test_a_suspended_sellers_commune_leaves_the_filter(client):
    from tests.factories import PartnerFactory, ward_code

    seller = PartnerFactory(commune_code=ward_code("Xã Hạ Lang"))
    ProductFactory(title="Bánh khảo Hạ Lang", seller=seller, origin_code=ward_code("Xã Hạ Lang"))
    assert "Xã Hạ Lang" in open_page(client, "/shop/catalogue/", VIETNAMESE).content.decode()

    seller.status = "suspended"
    seller.save()

    assert "Xã Hạ Lang" not in open_page(client, "/shop/catalogue/", VIETNAMESE).content.decode()
