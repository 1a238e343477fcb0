import pytest
from django.contrib.auth import get_user_model

from tests.integration.users.test_login import LOGIN_URL, log_in
from tests.integration.users.test_phone_claims import VERIFY_URL, code_sent_to
from tests.pages import VIETNAMESE, open_page, soup_of

NEW_PASSWORD = "hat-de-trung-khanh-7"


def register(client, **fields):
    data = {
        "registration-email": "hoa.be@example.vn",
        "registration-phone": "",
        "registration-password1": NEW_PASSWORD,
        "registration-password2": NEW_PASSWORD,
        "registration_submit": "Register",
    }
    data.update({f"registration-{name}": value for name, value in fields.items()})
    return client.post(LOGIN_URL, data, follow=True)


@pytest.mark.django_db
def test_customer_registers_with_her_phone_and_logs_in_with_it_later(client, sms_outbox):
    asked = register(client, phone="0977 123 456")
    assert asked.request["PATH_INFO"] == VERIFY_URL
    client.post(VERIFY_URL, {"code": code_sent_to("+84977123456", sms_outbox)})
    client.logout()

    response = log_in(client, "84977123456", NEW_PASSWORD)

    assert response.context["user"].email == "hoa.be@example.vn"
    assert get_user_model().objects.get(email="hoa.be@example.vn").phone == "+84977123456"


@pytest.mark.django_db
def test_registering_a_phone_someone_has_says_so_and_keeps_what_was_typed(client, customer):
    response = register(client, phone="+84912345678")  # the customer fixture's number, written otherwise

    form = soup_of(response)
    assert "Đã có tài khoản dùng số điện thoại này." in form.get_text()
    assert form.select_one("[name=registration-email]")["value"] == "hoa.be@example.vn"
    assert not get_user_model().objects.filter(email="hoa.be@example.vn").exists()


@pytest.mark.django_db
def test_registration_form_asks_for_a_phone_with_the_phone_keypad(client):
    page = soup_of(open_page(client, LOGIN_URL, VIETNAMESE))

    phone = page.select_one("[name=registration-phone]")
    assert phone["type"] == "tel"
    assert "Số điện thoại" in page.get_text()


@pytest.mark.django_db
def test_customer_adds_her_phone_on_her_profile(client, customer):
    customer.phone = None
    customer.save()
    client.force_login(customer)

    client.post(
        "/shop/accounts/profile/edit/",
        {"first_name": "Lan", "last_name": "Nông", "email": customer.email, "phone": "0988 777 666"},
    )

    customer.refresh_from_db()
    assert customer.phone == "+84988777666"
