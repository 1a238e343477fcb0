"""Typing someone's phone number on a form no longer blocks her: a number counts once its code is typed."""

import re

import pytest
from django.contrib.auth import get_user_model

from tests.factories import PASSWORD, UserFactory
from tests.integration.users.test_login import LOGIN_URL, log_in
from tests.pages import ENGLISH, open_page, soup_of, text_of

VERIFY_URL = "/shop/accounts/phone/verify/"


def code_sent_to(phone, outbox):
    """The code in the last text message to `phone`."""
    text = next(text for number, text in reversed(outbox) if number == phone)
    return re.search(r"\b(\d{6})\b", text).group(1)


def register(client, email, phone):
    return client.post(
        LOGIN_URL,
        {
            "registration-email": email,
            "registration-phone": phone,
            "registration-password1": PASSWORD,
            "registration-password2": PASSWORD,
            "registration_submit": "Register",
        },
        follow=True,
    )


@pytest.mark.django_db
def test_a_stranger_registering_her_number_does_not_block_her_and_loses_it_when_she_verifies(client, sms_outbox):
    # Given a stranger registered with her number and never typed its code
    register(client, "nguoi.la@example.vn", "0912 345 678")
    client.logout()
    stranger = get_user_model().objects.get(email="nguoi.la@example.vn")
    assert log_in(client, "0912 345 678", PASSWORD).context["user"].is_anonymous

    # When she registers with her own number, and types the code sent to it
    asked = register(client, "lan@example.vn", "0912 345 678")
    assert "0912 345 678" in text_of(asked)
    done = client.post(VERIFY_URL, {"code": code_sent_to("+84912345678", sms_outbox)}, follow=True)
    client.logout()

    # Then the number is hers: it logs her in, and the stranger's account no longer has it
    assert "0912 345 678" in text_of(done)
    assert get_user_model().objects.get(email="lan@example.vn").phone_verified_at is not None
    assert log_in(client, "0912345678", PASSWORD).context["user"].email == "lan@example.vn"
    stranger.refresh_from_db()
    assert stranger.phone is None


@pytest.mark.django_db
def test_a_number_someone_verified_is_still_refused_to_others(client, customer):
    open_page(client, LOGIN_URL, ENGLISH)

    response = register(client, "hoa@example.vn", "+84912345678")

    assert "An account with this phone number already exists." in text_of(response)
    assert not get_user_model().objects.filter(email="hoa@example.vn").exists()


@pytest.mark.django_db
def test_a_wrong_code_is_explained_and_verifies_nothing(client, sms_outbox):
    register(client, "lan@example.vn", "0912 345 678")
    code = code_sent_to("+84912345678", sms_outbox)
    wrong = f"{(int(code) + 1) % 10**6:06d}"

    client.cookies["django_language"] = ENGLISH
    response = client.post(VERIFY_URL, {"code": wrong})

    assert "The code is not right" in text_of(response)
    assert soup_of(response).select_one("[name=code]")["value"] == wrong
    assert get_user_model().objects.get(email="lan@example.vn").phone_verified_at is None


@pytest.mark.django_db
def test_asking_again_too_soon_says_when_she_may(client, sms_outbox):
    register(client, "lan@example.vn", "0912 345 678")

    client.cookies["django_language"] = ENGLISH
    response = client.post(VERIFY_URL, {"send": ""}, follow=True)

    assert "You can ask for a new one in" in text_of(response)
    assert len(sms_outbox) == 1


@pytest.mark.django_db
def test_an_unverified_number_with_the_right_password_is_told_how_to_verify_it(client):
    UserFactory(email="lan@example.vn", phone="0912 345 678", phone_verified_at=None)
    open_page(client, LOGIN_URL, ENGLISH)

    refused = log_in(client, "0912 345 678", PASSWORD)
    wrong = log_in(client, "0912 345 678", "not-her-password")

    assert refused.context["user"].is_anonymous
    assert "This phone number is not verified yet" in text_of(refused)
    assert "not verified" not in text_of(wrong)


@pytest.mark.django_db
def test_a_new_number_on_her_profile_counts_once_verified(client, customer, sms_outbox):
    client.force_login(customer)

    asked = client.post(
        "/shop/accounts/profile/edit/",
        {"first_name": "Lan", "last_name": "Nông", "email": customer.email, "phone": "0988 777 666"},
        follow=True,
    )

    customer.refresh_from_db()
    assert customer.phone == "+84988777666"
    assert customer.phone_verified_at is None
    assert asked.request["PATH_INFO"] == VERIFY_URL
    done = client.post(VERIFY_URL, {"code": code_sent_to("+84988777666", sms_outbox)}, follow=True)
    assert done.request["PATH_INFO"] == "/shop/accounts/profile/"
    customer.refresh_from_db()
    assert customer.phone_verified_at is not None


@pytest.mark.django_db
def test_her_profile_saved_with_the_same_number_keeps_it_verified(client, customer, sms_outbox):
    client.force_login(customer)

    client.post(
        "/shop/accounts/profile/edit/",
        {"first_name": "Lan", "last_name": "Nông", "email": customer.email, "phone": "0912 345 678"},
    )

    customer.refresh_from_db()
    assert customer.phone_verified_at is not None
    assert sms_outbox == []
