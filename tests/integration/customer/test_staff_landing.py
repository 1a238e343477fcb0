"""Where people land after logging in: union staff on their home in /cms/ wherever they log in, unless a
`next` says otherwise; buyers in their account, sellers in their shop, as before."""

import pytest

from tests.factories import PASSWORD, PartnerFactory, UserFactory, union_staff


@pytest.fixture
def editor(db):
    return union_staff("Union editor", "bien.tap.dang.nhap@example.vn")


def storefront_login(client, user, next_url=""):
    data = {
        "login-username": user.email,
        "login-password": PASSWORD,
        "login_submit": "1",
        "login-redirect_url": next_url,
    }
    return client.post("/shop/accounts/login/", data)


def test_an_editor_logging_in_on_the_storefront_lands_on_her_home(client, editor):
    response = storefront_login(client, editor)

    assert response.status_code == 302
    assert response["Location"] == "/cms/"


def test_an_officer_logging_in_on_the_storefront_lands_on_her_home(client, db):
    officer = union_staff("Union officer", "can.bo.dang.nhap@example.vn")

    assert storefront_login(client, officer)["Location"] == "/cms/"


def test_a_page_asked_for_wins_over_the_home(client, editor):
    assert storefront_login(client, editor, next_url="/shop/dashboard/orders/")["Location"] == "/shop/dashboard/orders/"


def test_an_editor_logging_in_to_oscars_dashboard_lands_on_her_home(client, editor):
    response = client.post("/shop/dashboard/login/", {"username": editor.email, "password": PASSWORD})

    assert response["Location"] == "/cms/"


def test_an_editor_sent_to_oscars_dashboard_login_goes_on_to_the_dashboard(client, editor):
    data = {"username": editor.email, "password": PASSWORD}

    response = client.post("/shop/dashboard/login/?next=/shop/dashboard/", data)

    assert response["Location"] == "/shop/dashboard/"


def test_an_editor_logging_in_to_the_admin_lands_on_her_home(client, editor):
    response = client.post("/cms/login/", {"username": editor.email, "password": PASSWORD})

    assert response["Location"] == "/cms/"


def test_a_customer_still_lands_in_her_account(client, db):
    customer = UserFactory(email="khach.dang.nhap@example.vn")

    assert storefront_login(client, customer)["Location"] == "/shop/accounts/"


def test_a_seller_still_lands_in_her_shop(client, db):
    seller = UserFactory(email="nguoi.ban.dang.nhap@example.vn")
    PartnerFactory().users.add(seller)

    assert storefront_login(client, seller)["Location"] == "/seller/"
