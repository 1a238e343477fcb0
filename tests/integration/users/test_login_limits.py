"""Failed logins are limited per account and per address, on every door (users/lockouts.py): issue 13 found 30 wrong
passwords for 0912 345 601 in 31 s, and the right one let in after them."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import F
from django.utils import timezone

from tests.factories import PASSWORD, UserFactory, union_staff
from tests.pages import ENGLISH, soup_of, text_of

LOGIN_URL = "/shop/accounts/login/"
HER_PHONE_WRITTEN_EVERY_WAY = ["0912 345 601", "0912345601", "+84912345601"]
# Every door but the shop's: Wagtail's admin, Django's admin, Oscar's dashboard; each posts username and password.
STAFF_DOORS = ["/cms/login/", "/django-admin/login/", "/shop/dashboard/login/"]


def storefront_login(client, username, password, address="127.0.0.1"):
    """Post the shop's login form (the seller portal's login too), in English."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = ENGLISH
    data = {"login-username": username, "login-password": password, "login_submit": "1"}
    return client.post(LOGIN_URL, data, REMOTE_ADDR=address)


def door_login(client, door, username, password):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = ENGLISH
    return client.post(door, {"username": username, "password": password})


def logged_in(client):
    return "_auth_user_id" in client.session


def some_time_passes(minutes):
    """Her failures are `minutes` older, as if she had waited."""
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=minutes))


@pytest.fixture
def seller_account(db):
    return UserFactory(email=None, phone="0912 345 601")


def test_thirty_wrong_passwords_for_her_phone_lock_it_until_the_cool_off(client, seller_account):
    # Given 30 wrong passwords for her phone, written each way people write it
    answers = [
        storefront_login(client, HER_PHONE_WRITTEN_EVERY_WAY[n % 3], f"doan-sai-{n}").status_code for n in range(30)
    ]

    # Then the first four are refused as wrong, and from the fifth logging in is paused
    assert answers == [200] * 4 + [429] * 26
    assert AccessAttempt.objects.get().failures_since_start == 5  # tries while locked are not counted

    # And the right password is refused too, on a page saying until when, with the way to a new password
    locked = storefront_login(client, "0912 345 601", PASSWORD)
    assert locked.status_code == 429
    assert not logged_in(client)
    until = timezone.localtime(AccessAttempt.objects.get().attempt_time + timedelta(minutes=15))
    assert f"You can log in again at {until:%H:%M}, in 15 minutes." in text_of(locked)
    assert "Too many wrong passwords were typed for 0912 345 601." in text_of(locked)
    assert soup_of(locked).select_one("a[href='/shop/password-reset/']")
    assert PASSWORD not in AccessAttempt.objects.get().post_data  # what she typed is not kept

    # When the cool-off has passed
    some_time_passes(minutes=16)

    # Then her right password logs her in, and her failures are forgotten
    assert storefront_login(client, "+84912345601", PASSWORD).status_code == 302
    assert logged_in(client)
    assert not AccessAttempt.objects.exists()


def test_a_login_before_the_limit_forgets_her_failures(client, seller_account):
    for _ in range(4):
        storefront_login(client, "0912 345 601", "doan-sai")
    storefront_login(client, "0912345601", PASSWORD)
    client.logout()

    for _ in range(4):
        assert storefront_login(client, "0912 345 601", "doan-sai").status_code == 200

    assert storefront_login(client, "0912 345 601", PASSWORD).status_code == 302


def test_someone_logging_in_to_her_own_account_does_not_forget_failures_against_another(client, seller_account):
    # Given someone with an account of her own guessing the seller's password from the same address
    UserFactory(email="nguoi.doan@example.vn")
    for _ in range(4):
        storefront_login(client, "0912 345 601", "doan-sai")

    # When she logs in to her own account between guesses
    assert storefront_login(client, "nguoi.doan@example.vn", PASSWORD).status_code == 302
    client.logout()

    # Then her next guess still locks the seller's account
    assert storefront_login(client, "0912 345 601", "doan-sai").status_code == 429


def test_an_email_counts_as_one_account_whatever_its_case(client, customer):
    for n in range(5):
        storefront_login(client, ["Lan.Nong@example.vn", "lan.nong@EXAMPLE.VN"][n % 2], "sai")

    assert storefront_login(client, "lan.nong@example.vn", PASSWORD).status_code == 429


@pytest.mark.parametrize("door", STAFF_DOORS)
def test_each_staff_door_locks_the_same_way_and_the_lock_holds_at_every_door(client, db, door):
    # Given five wrong passwords for an editor at this door
    editor = union_staff("Union editor", "bien.tap@example.vn")
    editor.is_superuser = True  # so Django's admin would let her in too
    editor.save()
    answers = [door_login(client, door, "bien.tap@example.vn", "sai").status_code for _ in range(5)]

    # Then the fifth is answered with the page saying when she may try again
    assert answers == [200] * 4 + [429]

    # And her right password is refused there and at every other door, the shop's too
    for other in STAFF_DOORS:
        refused = door_login(client, other, "bien.tap@example.vn", PASSWORD)
        assert refused.status_code == 429, other
        assert "Logging in is paused" in text_of(refused)
    assert storefront_login(client, "Bien.Tap@example.vn", PASSWORD).status_code == 429
    assert not logged_in(client)

    # Until the cool-off has passed
    some_time_passes(minutes=16)
    assert door_login(client, door, "bien.tap@example.vn", PASSWORD).status_code == 302
    assert logged_in(client)


def test_one_address_trying_many_accounts_is_paused_but_others_are_not(client, customer):
    # Given 30 wrong passwords from one address, for ten accounts (three each: no account is locked)
    for n in range(settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS):
        answer = storefront_login(client, f"09{n % 10:02d} 000 111", "sai", address="203.0.113.7")
    assert answer.status_code == 429

    # Then from that address even a customer's right password waits, told it is about her connection
    paused = storefront_login(client, "lan.nong@example.vn", PASSWORD, address="203.0.113.7")
    assert paused.status_code == 429
    assert "Too many logins with a wrong password came from your connection." in text_of(paused)

    # While from another address she logs in
    assert storefront_login(client, "lan.nong@example.vn", PASSWORD, address="198.51.100.20").status_code == 302
