"""Logging out takes a press of her own: a link or an image on another page cannot log her out."""

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.template.loader import render_to_string
from django.test import Client

from tests.pages import ENGLISH, open_page, soup_of, text_of

LOGOUT_URL = "/shop/accounts/logout/"


def logged_in(client, user):
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_opening_the_logout_address_asks_and_does_not_log_her_out(client, customer):
    # Given a customer logged in, when a link (or an <img src>) opens the logout address
    page = open_page(logged_in(client, customer), LOGOUT_URL, ENGLISH)

    # Then she is still logged in, and the page asks her to press "Log out"
    assert page.status_code == 200
    assert page.context["user"] == customer
    assert client.session["_auth_user_id"] == str(customer.pk)
    form = soup_of(page).select_one(f"main form.logout-confirm[method=post][action='{LOGOUT_URL}']")
    assert form is not None
    assert form.select_one("input[name=csrfmiddlewaretoken]")
    assert "Log out" in form.get_text()
    assert customer.get_full_name() in text_of(page)


@pytest.mark.django_db
def test_pressing_log_out_logs_her_out(client, customer):
    response = logged_in(client, customer).post(LOGOUT_URL, follow=True)

    assert response.status_code == 200
    assert not response.context["user"].is_authenticated
    assert response.redirect_chain[0][0] == "/"


@pytest.mark.django_db
def test_logging_out_needs_the_pages_csrf_token(customer):
    client = logged_in(Client(enforce_csrf_checks=True), customer)

    assert client.post(LOGOUT_URL).status_code == 403
    assert client.session["_auth_user_id"] == str(customer.pk)


@pytest.mark.django_db
def test_the_logout_address_sends_a_visitor_who_is_not_logged_in_home(client):
    response = client.get(LOGOUT_URL)

    assert response.status_code == 302
    assert response["Location"] == "/"


@pytest.mark.django_db
def test_her_account_pages_log_her_out_by_a_form(client, customer):
    page = open_page(logged_in(client, customer), "/shop/accounts/profile/", ENGLISH)

    form = soup_of(page).select_one(f"form[method=post][action='{LOGOUT_URL}']")
    assert form is not None
    assert form.select_one("input[name=csrfmiddlewaretoken]")
    assert "Log out" in form.get_text()
    assert not soup_of(page).select(f"a[href='{LOGOUT_URL}']")


@pytest.mark.django_db
def test_oscars_account_bar_logs_out_by_a_form(rf, customer):
    request = rf.get("/shop/")
    request.user = customer

    bar = BeautifulSoup(render_to_string("oscar/partials/nav_accounts.html", request=request), "html.parser")

    form = bar.select_one(f"form[method=post][action='{LOGOUT_URL}']")
    assert form is not None
    assert form.select_one("input[name=csrfmiddlewaretoken]")
    assert not bar.select(f"a[href='{LOGOUT_URL}']")


@pytest.mark.django_db
def test_staff_log_out_of_wagtails_admin_by_its_form(client, admin_user):
    client.force_login(admin_user)

    response = client.post("/cms/logout/")

    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/shop/dashboard/logout/", "/cms/logout/", "/django-admin/logout/"])
def test_the_staffs_logout_addresses_do_not_log_out_on_a_get(client, admin_user, url):
    client.force_login(admin_user)

    response = client.get(url)

    assert response.status_code == 405
    assert client.session["_auth_user_id"] == str(admin_user.pk)
    assert settings.SESSION_COOKIE_NAME not in response.cookies  # neither deleted nor replaced
