"""Checkout: a Vietnamese address, a payment method, and an order placed once, never overselling."""

from decimal import Decimal

import pytest
from django.test import override_settings
from oscar.core.loading import get_model

from orders.status import OrderStatus
from tests.factories import PartnerFactory, ProductFactory
from tests.pages import ENGLISH, VIETNAMESE, open_page, soup_of, text_of
from tests.shopping import (
    CAO_BANG,
    PREVIEW_URL,
    check_out,
    delivery_address,
    fill_basket,
    go_to_preview,
    place_order_as_shown,
    place_order_form,
)

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")

ADDRESS_URL = "/shop/checkout/shipping-address/"


def start_as_guest(client, product):
    fill_basket(client, product)
    client.post("/shop/checkout/", {"phone": "0912 345 678", "email": "lan@example.vn"})


def field_text(page, name):
    """The text around a form field: its label, its error."""
    return page.select_one(f"[name={name}]").find_parent(class_="form-group").get_text(" ", strip=True)


@pytest.mark.django_db
def test_cash_on_delivery_order_from_two_sellers_is_placed_with_a_shipment_each(client):
    # Given products of two sellers
    jelly = ProductFactory(title="Thạch đen Cao Bằng", stockrecords__price=Decimal("125000"))
    chestnuts = ProductFactory(title="Hạt dẻ Trùng Khánh", stockrecords__price=Decimal("180000"))

    # When a guest buys both, paying cash on delivery
    response = check_out(client, (jelly, 2), chestnuts)

    # Then one order is placed, unpaid, with one shipment for each seller, and the stock is held
    assert response.status_code == 302
    assert response["Location"] == "/shop/checkout/thank-you/"
    order = Order.objects.get()
    assert order.status == OrderStatus.PLACED
    assert order.guest_email == "lan@example.vn"
    assert {shipment.seller for shipment in order.shipments.all()} == {jelly.seller, chestnuts.seller}
    assert order.shipping_address.state == "Cao Bằng"
    assert order.shipping_address.line4 == "Phường Thục Phán"
    assert jelly.stockrecords.get().num_allocated == 2

    # And the confirmation shows each seller's part and how to pay
    page = text_of(open_page(client, "/shop/checkout/thank-you/", VIETNAMESE))
    assert order.number in page
    for shown in (jelly.seller.name, chestnuts.seller.name, "Thạch đen Cao Bằng", "Hạt dẻ Trùng Khánh"):
        assert shown in page


@pytest.mark.django_db
def test_address_form_asks_province_then_commune_and_lists_the_communes_of_the_province(client, product):
    start_as_guest(client, product)

    page = soup_of(open_page(client, ADDRESS_URL, VIETNAMESE))

    assert [option.get_text() for option in page.select("#id_province option")][1:3] == ["An Giang", "Bắc Ninh"]
    assert page.select_one("[name=postcode]") is None
    assert page.select_one("[name=phone_number]")["type"] == "tel"
    wards = client.get(f"/shop/checkout/wards/{CAO_BANG}/").json()["wards"]
    assert [name for _code, name in wards if name == "Phường Thục Phán"] == ["Phường Thục Phán"]
    assert len(wards) > 50


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"phone_number": ""}, "phone_number", "This field is required"),
        ({"phone_number": "12345"}, "phone_number", "Enter a valid Vietnamese mobile number"),
        ({"ward": ""}, "ward", "Choose the commune or ward"),
        ({"province": "1"}, "ward", "Choose a commune or ward of the province chosen above"),
        ({"line1": ""}, "line1", "This field is required"),
    ],
)
def test_a_bad_address_is_refused_next_to_its_field_and_keeps_what_was_typed(client, product, changes, field, message):
    # Given a guest at the address step, in English
    start_as_guest(client, product)
    open_page(client, ADDRESS_URL, ENGLISH)

    # When she sends the address with one mistake
    response = client.post(ADDRESS_URL, delivery_address(**changes))

    # Then the form comes back with the message next to that field, and what she typed
    page = soup_of(response)
    assert response.status_code == 200
    assert message in field_text(page, field)
    assert page.select_one("[name=first_name]")["value"] == "Nông Thị Lan"
    assert page.select_one("[name=line1]").get("value", "") == delivery_address(**changes)["line1"]


@pytest.mark.django_db
def test_payment_methods_offer_cash_first_and_card_only_with_stripe_keys(client, product):
    start_as_guest(client, product)
    client.post(ADDRESS_URL, delivery_address())

    without_keys = soup_of(open_page(client, "/shop/checkout/payment-method/", VIETNAMESE))
    with override_settings(STRIPE_SECRET_KEY="sk_test_x", STRIPE_WEBHOOK_SECRET="whsec_test_x"):
        with_keys = soup_of(client.get("/shop/checkout/payment-method/"))

    assert [radio["value"] for radio in without_keys.select("input[name=method]")] == ["cod", "vietqr"]
    assert without_keys.select_one("input[name=method][value=cod]").has_attr("checked")
    assert [radio["value"] for radio in with_keys.select("input[name=method]")] == ["cod", "vietqr", "card"]


@pytest.mark.django_db
def test_a_bank_transfer_order_waits_for_its_payment_and_its_sellers_do_not_see_it_yet(client, product):
    check_out(client, product, method="vietqr")

    order = Order.objects.get()
    assert order.status == OrderStatus.PENDING_PAYMENT
    assert not product.seller.shipments.of(product.seller).exists()


@pytest.mark.django_db
def test_the_last_unit_goes_to_the_first_buyer_and_the_second_keeps_her_basket(client, django_user_model):
    # Given one jar left, in two guests' baskets
    product = ProductFactory(title="Mật ong bạc hà", stockrecords__num_in_stock=1)
    from django.test import Client

    first, second = client, Client()
    fill_basket(second, product)
    second.post("/shop/checkout/", {"phone": "0987 654 321", "email": "thu@example.vn"})
    second.post(ADDRESS_URL, delivery_address())
    second.get("/shop/checkout/shipping-method/", follow=True)
    second.post("/shop/checkout/payment-method/", {"method": "cod"})
    shown = place_order_form(second)

    # When the first buys it, then the second taps "Đặt hàng"
    check_out(first, product)
    second.cookies["django_language"] = ENGLISH
    response = second.post(PREVIEW_URL, shown, follow=True)

    # Then there is one order; the second is told it sold out, and her basket still holds it
    assert Order.objects.count() == 1
    assert "no longer available to buy" in text_of(response)
    assert "Mật ong bạc hà" in text_of(second.get("/shop/basket/"))


@pytest.mark.django_db
def test_tapping_place_order_twice_makes_one_order(client, product):
    check_out(client, product)

    again = client.post("/shop/checkout/preview/", {"action": "place_order"}, follow=True)

    order = Order.objects.get()
    assert again.request["PATH_INFO"] == "/shop/checkout/thank-you/"
    assert order.number in text_of(again)
    assert product.stockrecords.get().num_allocated == 1


@pytest.mark.django_db
def test_seller_approved_no_more_cannot_be_bought_at_checkout(client):
    seller = PartnerFactory()
    product = ProductFactory(seller=seller)
    shown = place_order_form(go_to_preview(client, product))
    seller.status = "suspended"
    seller.save()

    client.post(PREVIEW_URL, shown)

    assert not Order.objects.exists()


@pytest.mark.django_db
def test_a_customer_ships_to_a_saved_address_and_pays_that_provinces_fee(client, customer, product):
    # Given a customer whose address book holds her address in Lạng Sơn (a nearby province)
    UserAddress = get_model("address", "UserAddress")
    saved = UserAddress.objects.create(
        user=customer,
        first_name="Lan Nông",
        line1="Số 5 đường Bà Triệu",
        line4="Phường Lương Văn Tri",
        state="Lạng Sơn",
        country_id="VN",
        phone_number="+84912345678",
        is_default_for_shipping=True,
    )
    client.force_login(customer)
    fill_basket(client, product)

    # When she picks it at the address step and pays cash on delivery
    page = soup_of(open_page(client, ADDRESS_URL, VIETNAMESE))
    assert page.select_one(f"input[name=address_id][value='{saved.pk}']") is not None
    client.post(ADDRESS_URL, {"action": "ship_to", "address_id": saved.pk})
    client.get("/shop/checkout/shipping-method/", follow=True)
    client.post("/shop/checkout/payment-method/", {"method": "cod"})
    place_order_as_shown(client)

    # Then her order goes there, with the nearby provinces' fee, and she is its owner
    order = Order.objects.get()
    assert order.user == customer
    assert order.shipping_address.state == "Lạng Sơn"
    assert order.shipping_incl_tax == order.shipments.get().shipping_charge == Decimal("25000")


@pytest.mark.django_db
def test_every_box_of_the_first_step_has_a_name_a_screen_reader_reads(client, product):
    fill_basket(client, product)
    page = soup_of(client.get("/shop/checkout/"))

    for box in page.select("form input:not([type=hidden]):not([type=radio])"):
        labelled = box.get("aria-label") or page.select_one(f"label[for='{box.get('id')}']")
        assert labelled, box
