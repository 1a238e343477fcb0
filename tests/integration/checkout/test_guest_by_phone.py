"""A guest checks out with her phone number; an email only if she wants the confirmation by email."""

import pytest
from django.core import mail
from oscar.core.loading import get_model

from tests.pages import ENGLISH, VIETNAMESE, open_page, soup_of, text_of
from tests.shopping import check_out, fill_basket

Order = get_model("order", "Order")

GATEWAY = "/shop/checkout/"


@pytest.mark.django_db
def test_a_guest_orders_with_only_her_phone_number_and_no_email_is_sent(
    client, product, django_capture_on_commit_callbacks
):
    # When a guest gives no email
    with django_capture_on_commit_callbacks(execute=True):
        response = check_out(client, product, email="")

    # Then her order is placed with the phone of its address, no email goes out, and the page says so
    assert response["Location"] == "/shop/checkout/thank-you/"
    order = Order.objects.get()
    assert order.guest_email == ""
    assert order.shipping_address.phone_number.as_e164 == "+84912345678"
    assert not [message for message in mail.outbox if "lan@" in " ".join(message.to)]
    page = text_of(open_page(client, "/shop/checkout/thank-you/", VIETNAMESE))
    assert f"#{order.number}" in page
    assert "Chờ người bán xác nhận" in page
    assert "Người bán sẽ gọi 0912 345 678" in page
    assert "email xác nhận" not in page


@pytest.mark.django_db
def test_a_guest_who_gives_her_email_gets_the_confirmation_there(client, product, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        check_out(client, product, email="lan@example.vn")

    order = Order.objects.get()
    assert order.guest_email == "lan@example.vn"
    assert any(message.to == ["lan@example.vn"] for message in mail.outbox)


@pytest.mark.django_db
def test_the_first_step_is_one_form_phone_and_optional_email_with_a_login_link(client, product):
    fill_basket(client, product)

    response = open_page(client, GATEWAY, VIETNAMESE)
    page = soup_of(response)

    assert page.select_one("h1").get_text(strip=True) == "Mua không cần tài khoản"
    assert page.select_one("input[name=phone]")["type"] == "tel"
    assert page.select_one("input[name=email]") is not None
    assert not page.select("input[type=radio]")
    login = page.select_one(".checkout-gateway-login a")
    assert login.get_text(strip=True) == "Đăng nhập"
    assert login["href"].startswith("/shop/accounts/login/?next=/shop/checkout/")
    assert "Đã có tài khoản?" in text_of(response)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("sent", "field"),
    [
        ({"phone": "", "email": "lan@example.vn"}, "phone"),
        ({"phone": "12345", "email": "lan@example.vn"}, "phone"),
        ({"phone": "0912 345 678", "email": "lan@"}, "email"),
    ],
)
def test_a_wrong_phone_or_email_comes_back_in_vietnamese_with_what_she_typed(client, product, sent, field):
    fill_basket(client, product)
    open_page(client, GATEWAY, VIETNAMESE)

    response = client.post(GATEWAY, sent)

    page = soup_of(response)
    assert response.status_code == 200
    errors = [error.get_text(" ", strip=True) for error in page.select(".error-block")]
    assert len(errors) == 1
    assert page.select_one(f"input[name={field}]").find_parent(class_="form-group").select_one(".error-block")
    if sent["phone"] == "12345":
        assert errors == ["Số điện thoại di động Việt Nam không hợp lệ (ví dụ 0912 345 678)."]
    for english in ("not valid", "This field is required", "Enter a valid"):
        assert english not in text_of(response)
    assert page.select_one("input[name=phone]").get("value", "") == sent["phone"]
    assert page.select_one("input[name=email]").get("value", "") == sent["email"]


@pytest.mark.django_db
def test_the_address_step_needs_the_phone_and_starts_with_it(client, product):
    fill_basket(client, product)

    skipped = client.get("/shop/checkout/shipping-address/")
    assert skipped.status_code == 302
    assert skipped["Location"] == GATEWAY

    client.post(GATEWAY, {"phone": "0987654321", "email": ""})
    page = soup_of(open_page(client, "/shop/checkout/shipping-address/", ENGLISH))
    assert page.select_one("input[name=phone_number]")["value"] == "0987 654 321"
