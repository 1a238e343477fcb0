"""A saved address checkout cannot charge or deliver to is refused at "Đặt hàng", and the basket is kept."""

import pytest
from django.conf import settings
from oscar.core.loading import get_model

from tests.pages import ENGLISH, soup_of, text_of
from tests.shopping import delivery_address, fill_basket, place_order_as_shown
from vietnam.geography import province_code_by_name, wards_of_province

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")
UserAddress = get_model("address", "UserAddress")

ADDRESS_URL = "/shop/checkout/shipping-address/"
HA_NOI = province_code_by_name("Thành phố Hà Nội")
HOAN_KIEM = next(code for code, name in wards_of_province(HA_NOI) if name == "Phường Hoàn Kiếm")


@pytest.fixture
def old_address(customer):
    """Her address from before the province list: "Hà Nội" typed, not "Thành phố Hà Nội"."""
    return UserAddress.objects.create(
        user=customer,
        first_name="Nông Thị Lan",
        line1="Số 5 phố Hàng Bạc",
        line4="Hoàn Kiếm",
        state="Hà Nội",
        country_id="VN",
        phone_number="+84912345678",
        is_default_for_shipping=True,
    )


def order_to_saved_address(client, address):
    """Choose a saved address at checkout, pay cash on delivery and tap "Đặt hàng"; the page shown after."""
    client.post(ADDRESS_URL, {"action": "ship_to", "address_id": address.pk})
    client.get("/shop/checkout/shipping-method/", follow=True)
    client.post("/shop/checkout/payment-method/", {"method": "cod"})
    return place_order_as_shown(client, follow=True)


@pytest.fixture
def shopping(client, customer, product):
    """The customer, logged in and reading in English, with a jar of black grass jelly in her basket."""
    client.force_login(customer)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = ENGLISH
    fill_basket(client, product)
    return client


def test_an_old_address_in_an_unknown_province_cannot_be_ordered_to_and_the_basket_is_kept(
    shopping, old_address, product
):
    # When she sends her order to the old address
    response = order_to_saved_address(shopping, old_address)

    # Then the review page tells her to change the address, and no order is made
    page = text_of(response)
    assert "The delivery address has no province we know: change the address." in page
    assert "Hà Nội" in page  # still the review, with the address it refused
    assert not Order.objects.exists()
    assert product.stockrecords.get().num_allocated in (0, None)

    # And her basket still holds the jelly, open for another try
    assert Basket.objects.get(owner=old_address.user).status == Basket.OPEN
    assert "Thạch đen Cao Bằng" in text_of(shopping.get("/shop/basket/"))


def test_an_old_address_without_a_phone_number_cannot_be_ordered_to(shopping, old_address):
    old_address.state, old_address.phone_number = "Cao Bằng", ""
    old_address.save()

    response = order_to_saved_address(shopping, old_address)

    assert "The delivery address has no phone number: change the address." in text_of(response)
    assert "no province" not in text_of(response)
    assert not Order.objects.exists()


def test_an_old_address_changed_at_checkout_to_a_listed_province_is_ordered_to(shopping, old_address):
    # Given the refusal of her old address
    order_to_saved_address(shopping, old_address)

    # When she edits it from the address step, with the same form as the address book
    url = f"/shop/checkout/user-address/edit/{old_address.pk}/"
    form = soup_of(shopping.get(url))
    assert form.select_one("select[name=province]") is not None
    assert form.select_one("[name=phone_number]")["type"] == "tel"
    assert any("/shop/checkout/wards/" in script.get_text() for script in form.select("script"))
    edited = shopping.post(url, delivery_address(province=str(HA_NOI), ward=str(HOAN_KIEM)))
    assert edited.status_code == 302, soup_of(edited).select(".invalid-feedback, .errorlist")

    # Then the order goes to Thành phố Hà Nội
    response = order_to_saved_address(shopping, old_address)
    assert response.redirect_chain[-1][0] == "/shop/checkout/thank-you/"
    order = Order.objects.get()
    assert (order.shipping_address.state, order.shipping_address.line4) == ("Thành phố Hà Nội", "Phường Hoàn Kiếm")
