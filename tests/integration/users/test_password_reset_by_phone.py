"""'Quên mật khẩu?' by phone: a code to her number, then a new password. The way in for a seller imported
from an officer's spreadsheet, who has no password yet."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail

from sellers.onboarding import SELLER_GROUP, apply_to_sell, approve_seller
from tests.factories import UserFactory, ward_code
from tests.integration.users.test_login import log_in
from tests.integration.users.test_phone_claims import code_sent_to
from tests.pages import ENGLISH, open_page, soup_of, text_of

RESET_URL = "/shop/password-reset/"
CODE_URL = "/shop/password-reset/phone/"
NEW_PASSWORD = "mien-dong-nguyen-binh-5"


@pytest.fixture
def imported_seller(db):
    """An approved seller whose account an import made: her number typed by an officer, no password."""
    Group.objects.get_or_create(name=SELLER_GROUP)
    seller = apply_to_sell(
        name="Cơ sở Miến dong Hoa",
        owner_name="Nông Thị Hoa",
        phone="0978 555 666",
        commune_code=ward_code("Xã Nguyên Bình"),
        what_she_makes="Miến dong",
        password=None,
    )
    return approve_seller(seller, UserFactory(is_staff=True))


@pytest.mark.django_db
def test_an_imported_seller_sets_her_password_by_a_code_to_her_phone_and_logs_in(client, imported_seller, sms_outbox):
    # Given she asks for a new password with her number
    form = open_page(client, RESET_URL, ENGLISH)
    assert soup_of(form).select_one("[name=email]")
    asked = client.post(RESET_URL, {"email": "0978 555 666"}, follow=True)
    assert asked.request["PATH_INFO"] == CODE_URL
    assert "0978 555 666" in text_of(asked)

    # When she types the code from the text message and a new password twice
    code = code_sent_to("+84978555666", sms_outbox)
    new_password = {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    done = client.post(CODE_URL, {"code": code, **new_password}, follow=True)

    # Then her password is set, her number is verified, and she logs in with both into her shop
    assert done.request["PATH_INFO"] == "/shop/password-reset/complete/"
    owner = imported_seller.users.get()
    owner.refresh_from_db()
    assert owner.phone_verified_at is not None
    assert log_in(client, "0978555666", NEW_PASSWORD).context["user"] == owner


@pytest.mark.django_db
def test_a_mistyped_password_keeps_the_code_for_another_try(client, imported_seller, sms_outbox):
    client.post(RESET_URL, {"email": "0978 555 666"})
    code = code_sent_to("+84978555666", sms_outbox)
    client.cookies["django_language"] = ENGLISH

    mistyped = client.post(CODE_URL, {"code": code, "new_password1": NEW_PASSWORD, "new_password2": "khac"})
    assert soup_of(mistyped).select_one("[name=code]")["value"] == code
    client.post(CODE_URL, {"code": code, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})

    assert imported_seller.users.get().check_password(NEW_PASSWORD)


@pytest.mark.django_db
def test_a_number_no_account_has_gets_the_same_page_and_no_message(client, sms_outbox):
    asked = client.post(RESET_URL, {"email": "0978 000 111"}, follow=True)

    assert asked.request["PATH_INFO"] == CODE_URL
    assert sms_outbox == []
    refused = client.post(CODE_URL, {"code": "123456", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert refused.status_code == 200


@pytest.mark.django_db
def test_asking_twice_in_a_minute_says_when_and_keeps_the_number(client, imported_seller, sms_outbox):
    client.post(RESET_URL, {"email": "0978 555 666"})
    client.cookies["django_language"] = ENGLISH

    again = client.post(RESET_URL, {"email": "0978 555 666"})

    assert "You can ask for a new one in" in text_of(again)
    assert soup_of(again).select_one("[name=email]")["value"] == "0978 555 666"
    assert len(sms_outbox) == 1


@pytest.mark.django_db
def test_an_email_address_still_gets_oscars_email(client, customer, sms_outbox):
    done = client.post(RESET_URL, {"email": "lan.nong@example.vn"}, follow=True)

    assert done.request["PATH_INFO"] == "/shop/password-reset/done/"
    assert len(mail.outbox) == 1
    assert sms_outbox == []
