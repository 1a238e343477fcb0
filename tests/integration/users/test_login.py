import pytest
from django.conf import settings

from tests.factories import PASSWORD
from tests.pages import ENGLISH, VIETNAMESE, open_page, soup_of, text_of

LOGIN_URL = "/shop/accounts/login/"


def log_in(client, username, password):
    """Fill in and submit the login form of the login page, as a visitor does."""
    page = client.get(LOGIN_URL)
    assert soup_of(page).select_one("button[name=login_submit]"), "the login page has no login form"
    return client.post(
        LOGIN_URL,
        {"login-username": username, "login-password": password, "login_submit": "Log In"},
        follow=True,
    )


@pytest.mark.django_db
def test_customer_logs_in_with_her_email_address(client, customer):
    response = log_in(client, "lan.nong@example.vn", PASSWORD)

    assert response.context["user"] == customer
    assert "lan.nong@example.vn" in text_of(response)  # her account page


@pytest.mark.django_db
def test_email_address_is_not_case_sensitive_at_login(client, customer):
    response = log_in(client, "Lan.Nong@Example.VN", PASSWORD)

    assert response.context["user"] == customer


@pytest.mark.django_db
@pytest.mark.parametrize("phone", ["0912 345 678", "+84912345678", "84912345678"])
def test_customer_logs_in_with_her_mobile_number_written_any_common_way(client, customer, phone):
    response = log_in(client, phone, PASSWORD)

    assert response.context["user"] == customer
    assert "lan.nong@example.vn" in text_of(response)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "message"),
    [(VIETNAMESE, "mật khẩu chưa đúng"), (ENGLISH, "Please enter a correct")],
)
@pytest.mark.parametrize("username", ["lan.nong@example.vn", "0912 345 678"])
def test_wrong_password_is_refused_with_a_message(client, customer, username, language, message):
    # Given a customer who mistypes her password
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language

    # When she submits the login form
    response = log_in(client, username, "not-her-password")

    # Then she is still anonymous, on the login page, and told why
    assert not response.context["user"].is_authenticated
    assert response.request["PATH_INFO"] == LOGIN_URL
    assert message in text_of(response)


@pytest.mark.django_db
def test_unknown_mobile_number_is_refused(client, customer):
    response = log_in(client, "0987 654 321", PASSWORD)

    assert not response.context["user"].is_authenticated


@pytest.mark.django_db
def test_logged_in_customer_sees_her_account_link_instead_of_log_in(client, customer):
    client.force_login(customer)

    response = open_page(client, "/shop/basket/", VIETNAMESE)

    header = soup_of(response).select_one("header")
    assert "Tài khoản" in header.get_text()
    assert "Đăng nhập" not in header.get_text()
