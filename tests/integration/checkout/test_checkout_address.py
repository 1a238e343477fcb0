"""A buyer can get from the basket to a Vietnamese delivery address with no postcode."""

import pytest

from tests.pages import VIETNAMESE, open_page, soup_of
from tests.shopping import delivery_address


@pytest.mark.django_db
def test_guest_reaches_the_address_form_for_vietnam_and_saves_an_address_without_postcode(client, product):
    # Given a guest with a product in her basket
    client.post(f"/shop/basket/add/{product.pk}/", {"quantity": 1})
    open_page(client, "/shop/basket/", VIETNAMESE)

    # When she checks out as a guest and opens the delivery address form
    gateway = client.post("/shop/checkout/", {"phone": "0912 345 678", "email": "mai@example.vn"})
    assert gateway.status_code == 302
    form_page = client.get("/shop/checkout/shipping-address/")

    # Then the form asks for no country (Việt Nam is the only one) and no postcode
    form = soup_of(form_page)
    assert form.select_one("[name=first_name]") is not None
    assert form.select_one("[name=country]") is None
    postcode = form.select_one("[name=postcode]")
    assert postcode is None or not postcode.has_attr("required")

    # And an address without a postcode is accepted, in Việt Nam
    response = client.post("/shop/checkout/shipping-address/", delivery_address())
    assert response.status_code == 302, soup_of(response).select(".invalid-feedback, .errorlist")
    address = client.session["checkout_data"]["shipping"]["new_address_fields"]
    assert (address["country_id"], address["state"], address["line4"]) == ("VN", "Cao Bằng", "Phường Thục Phán")
