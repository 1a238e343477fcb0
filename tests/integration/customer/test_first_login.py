"""The message after logging in: a first login is a welcome, not a welcome back."""

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from sellers.onboarding import SELLER_GROUP
from tests.factories import PASSWORD, PartnerFactory, UserFactory
from tests.pages import ENGLISH, VIETNAMESE, soup_of

LOGIN = "/shop/accounts/login/"


def log_in(client, username, language):
    client.cookies["django_language"] = language
    data = {"login-username": username, "login-password": PASSWORD, "login_submit": "1"}
    response = client.post(LOGIN, data, follow=True)
    messages = soup_of(response).select(".portal-message, .alert")
    return " ".join(message.get_text(" ", strip=True) for message in messages)


@pytest.fixture
def new_seller_owner(db):
    owner = UserFactory(email=None, first_name="Thu", last_name="Hoàng", phone="0912 345 888")
    owner.groups.add(Group.objects.get(name=SELLER_GROUP))
    PartnerFactory(name="Cơ sở Chè Phìa Oắc", owner_name="Hoàng Thị Thu").users.add(owner)
    return owner


@pytest.mark.django_db
def test_a_new_sellers_first_login_welcomes_her_to_her_shop_and_the_next_says_she_is_logged_in(
    client, new_seller_owner
):
    first = log_in(client, "0912 345 888", VIETNAMESE)
    assert "Chào mừng chị đến với gian hàng của mình!" in first
    assert "quay trở lại" not in first

    client.logout()
    assert "Đã đăng nhập." in log_in(client, "0912 345 888", VIETNAMESE)


@pytest.mark.django_db
def test_the_first_login_in_english_is_a_welcome_and_a_later_one_a_welcome_back(client, new_seller_owner):
    assert "Welcome to your shop!" in log_in(client, "0912 345 888", ENGLISH)

    client.logout()
    assert "Welcome back" in log_in(client, "0912 345 888", ENGLISH)


@pytest.mark.django_db
def test_a_buyers_first_login_is_a_plain_welcome(client):
    UserFactory(email="lan@example.vn", last_login=None)
    assert "Welcome!" in log_in(client, "lan@example.vn", ENGLISH)
    UserFactory(email="minh@example.vn", last_login=timezone.now())
    client.logout()
    assert "Welcome back" in log_in(client, "minh@example.vn", ENGLISH)
