"""The forms anyone may send are limited per address (users/ratelimits.py): issue 13 sent 5 anonymous applications to
sell in 7.6 s. Past the limit the form comes back as it was typed, saying when to send it again."""

import pytest
from django.conf import settings
from django.core import mail
from redis.exceptions import ConnectionError as RedisConnectionError

from sellers.models import Partner
from tests.factories import union_staff
from tests.integration.sellers.test_onboarding import application
from tests.pages import ENGLISH, soup_of, text_of
from users.models import User

NEW_PASSWORD = "hat-de-trung-khanh-7"


@pytest.fixture
def client(client):
    """A visitor reading the site in English."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = ENGLISH
    return client


def register_on_its_page(client, email):
    data = {"email": email, "phone": "", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    response = client.post("/shop/accounts/register/", data)
    client.logout()  # which forgets every cookie, her language's too
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = ENGLISH
    return response


def register_on_the_login_page(client, email):
    data = {
        "registration-email": email,
        "registration-password1": NEW_PASSWORD,
        "registration-password2": NEW_PASSWORD,
        "registration_submit": "1",
    }
    response = client.post("/shop/accounts/login/", data)
    client.logout()  # which forgets every cookie, her language's too
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = ENGLISH
    return response


def test_password_resets_from_one_address_stop_after_five_an_hour_at_either_door(client, customer):
    answers = [client.post("/shop/password-reset/", {"email": customer.email}).status_code for _ in range(5)]
    assert answers == [302] * 5
    assert len(mail.outbox) == 5

    # Then the sixth, at the shop's door or Wagtail's, comes back with why and what she typed
    for door in ("/shop/password-reset/", "/cms/password_reset/"):
        refused = client.post(door, {"email": customer.email})
        assert refused.status_code == 200
        assert "Too many password resets were asked for from this connection. Please try again in" in text_of(refused)
        assert soup_of(refused).select_one("[name=email]")["value"] == customer.email
    assert len(mail.outbox) == 5

    # While another address may still ask
    elsewhere = client.post("/shop/password-reset/", {"email": customer.email}, REMOTE_ADDR="198.51.100.20")
    assert elsewhere.status_code == 302


def test_registrations_from_one_address_stop_after_five_an_hour_on_either_page(client, db):
    for n in range(3):
        assert register_on_its_page(client, f"hoa{n}@example.vn").status_code == 302
    for n in range(3, 5):
        assert register_on_the_login_page(client, f"hoa{n}@example.vn").status_code == 302

    # Then the sixth, on either page, comes back with why and what she typed
    refused = register_on_the_login_page(client, "hoa5@example.vn")
    assert "Too many accounts were made from this connection. Please try again in" in text_of(refused)
    assert soup_of(refused).select_one("[name=registration-email]")["value"] == "hoa5@example.vn"
    refused = register_on_its_page(client, "hoa6@example.vn")
    assert "Too many accounts were made from this connection. Please try again in" in text_of(refused)
    assert soup_of(refused).select_one("[name=email]")["value"] == "hoa6@example.vn"
    assert User.objects.filter(email__startswith="hoa").count() == 5


def test_anonymous_applications_to_sell_stop_after_three_an_hour(client, db):
    phones = ["0978 111 201", "0978 111 202", "0978 111 203"]
    for phone in phones:
        assert client.post("/sellers/dang-ky/", application(phone=phone, name=f"Cơ sở {phone}")).status_code == 302

    refused = client.post("/sellers/dang-ky/", application(phone="0978 111 204"))

    assert refused.status_code == 200
    assert "Too many applications were sent from this connection. Please send yours again in" in text_of(refused)
    form = soup_of(refused)
    assert form.select_one("[name=phone]")["value"] == "0978 111 204"
    assert form.select_one("[name=owner_name]")["value"] == "Đàm Thị Mai"
    assert Partner.objects.filter(status=Partner.Status.APPLIED).count() == 3


def test_union_staff_apply_for_any_number_of_women(client, db):
    client.force_login(union_staff("Union officer", "can.bo.lop@example.vn"))

    for n in range(5):
        phone = f"0978 111 3{n:02d}"
        assert client.post("/sellers/dang-ky/", application(phone=phone, name=f"Cơ sở {phone}")).status_code == 302

    assert Partner.objects.filter(status=Partner.Status.APPLIED).count() == 5


def test_a_cache_that_does_not_answer_lets_her_register(client, db, monkeypatch):
    def cache_down(*args, **kwargs):
        raise RedisConnectionError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr("users.ratelimits.get_usage", cache_down)

    assert register_on_its_page(client, "hoa@example.vn").status_code == 302
    assert User.objects.filter(email="hoa@example.vn").exists()
