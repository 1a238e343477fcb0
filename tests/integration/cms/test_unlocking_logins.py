"""A union editor unlocks an account locked for too many wrong passwords (cms/lockouts.py), so she logs in at once."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from wagtail.users.models import UserProfile

from tests.factories import PASSWORD, UserFactory, union_staff
from tests.integration.users.test_login_limits import storefront_login
from tests.pages import ENGLISH, open_page, soup_of, text_of

LOCKOUTS_URL = "/cms/lockouts/"


@pytest.fixture
def locked_seller(client, db):
    """A seller whose phone had one wrong password too many."""
    seller = UserFactory(email=None, phone="0912 345 601")
    for _ in range(settings.LOGIN_FAILURE_LIMIT):
        storefront_login(client, "0912 345 601", "doan-sai")
    return seller


def test_an_editor_unlocks_a_locked_account_and_she_logs_in(client, locked_seller):
    # Given her account is locked
    assert storefront_login(client, "0912345601", PASSWORD).status_code == 429

    # When an editor finds it in the list of locked logins and unlocks it
    editor = union_staff("Union editor", "bien.tap.khoa@example.vn")
    UserProfile.objects.create(user=editor, preferred_language=ENGLISH)  # she reads Wagtail's admin in English
    staff = Client()
    staff.force_login(editor)
    assert LOCKOUTS_URL in open_page(staff, "/cms/", ENGLISH).content.decode()  # in her menu
    page = open_page(staff, LOCKOUTS_URL, ENGLISH)
    row = soup_of(page).select_one("table.locked-logins tbody tr")
    assert "0912 345 601" in row.get_text()
    unlock = row.select_one("form")
    done = staff.post(unlock["action"], {"account": unlock.select_one("[name=account]")["value"]}, follow=True)
    assert "can log in again" in text_of(done)
    assert "No account is locked now." in text_of(done)

    # Then she logs in with her right password at once
    assert storefront_login(client, "0912 345 601", PASSWORD).status_code == 302


def test_an_editor_unlocks_an_account_by_the_phone_she_gives(client, locked_seller):
    editor = union_staff("Union editor", "bien.tap.khoa@example.vn")
    client.force_login(editor)

    client.post(f"{LOCKOUTS_URL}unlock/", {"account": "+84 912 345 601"})
    client.logout()

    assert storefront_login(client, "0912 345 601", PASSWORD).status_code == 302


def test_an_officer_may_not_unlock(client, locked_seller):
    officer = union_staff("Union officer", "can.bo.khoa@example.vn")
    client.force_login(officer)

    # Wagtail answers a refusal in its admin by sending her to its home, saying so
    assert client.get(LOCKOUTS_URL)["Location"] == "/cms/"
    assert client.post(f"{LOCKOUTS_URL}unlock/", {"account": "0912 345 601"})["Location"] == "/cms/"
    assert LOCKOUTS_URL not in client.get(reverse("wagtailadmin_home")).content.decode()  # nor in her menu
    client.logout()
    assert storefront_login(client, "0912 345 601", PASSWORD).status_code == 429
