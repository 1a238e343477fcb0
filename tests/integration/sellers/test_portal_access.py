"""Who gets into the seller portal, where a seller lands after logging in, and what stays closed to her."""

import pytest
from django.conf import settings

from tests.factories import PASSWORD, PartnerFactory, UserFactory
from tests.integration.users.test_login import log_in
from tests.pages import ENGLISH, VIETNAMESE, open_page, soup_of, text_of

PORTAL = "/seller/"
# Every query of these pages, for a logged-in customer and seller (no permission, no notifications): her business once.
# (with the session in the database, as without Redis, on SQLite and PostgreSQL alike)
SESSIONS_IN_DATABASE = "django.contrib.sessions.backends.db"
CUSTOMER_PAGE_QUERIES = 5
SELLER_PAGE_QUERIES = 5


@pytest.mark.django_db
def test_visitor_is_asked_to_log_in_first(client):
    response = client.get(PORTAL)

    assert response.status_code == 302
    assert response["Location"].startswith(f"{settings.LOGIN_URL}?next=/seller/")


@pytest.mark.django_db
def test_seller_who_logs_in_with_her_phone_lands_in_her_shop(client, seller, seller_owner):
    response = log_in(client, "0987654321", PASSWORD)

    assert response.request["PATH_INFO"] == PORTAL
    assert seller.name in text_of(response)


@pytest.mark.django_db
def test_customer_who_logs_in_lands_in_her_account_and_has_no_shop_link(client, customer):
    response = log_in(client, customer.email, PASSWORD)

    assert response.request["PATH_INFO"].startswith(settings.LOGIN_REDIRECT_URL)
    assert not soup_of(response).select(f'header a[href="{PORTAL}"]')


@pytest.mark.django_db
def test_storefront_header_links_a_seller_to_her_shop(client, seller_owner):
    client.force_login(seller_owner)

    response = open_page(client, "/shop/catalogue/", VIETNAMESE)

    link = soup_of(response).select_one(f'header a[href="{PORTAL}"]')
    assert link is not None
    assert link.get_text(strip=True) == "Cửa hàng"


@pytest.mark.django_db
def test_customer_is_told_the_portal_is_for_sellers_and_how_to_apply(client, customer):
    client.force_login(customer)

    response = open_page(client, PORTAL, ENGLISH)

    assert response.status_code == 403
    assert "This page is for the women who sell" in text_of(response)
    assert soup_of(response).select_one('a[href="/sellers/dang-ky/"]')


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("status", "told"),
    [("applied", "is waiting for the Women's Union"), ("suspended", "is paused by the Women's Union")],
)
def test_seller_not_approved_cannot_use_the_portal_and_is_told_why(client, status, told):
    # Given a seller whose business is waiting for approval, or was suspended after it
    seller = PartnerFactory(status=status)
    owner = UserFactory()
    seller.users.add(owner)
    client.force_login(owner)

    # When she opens her shop or tries to add a product
    pages = [open_page(client, url, ENGLISH) for url in (PORTAL, "/seller/san-pham/them/", "/seller/don-hang/")]

    # Then each page says why and shows none of the portal
    for response in pages:
        assert response.status_code == 403
        assert told in text_of(response)
        assert not soup_of(response).select(".portal-tabs")


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/shop/dashboard/", "/shop/dashboard/catalogue/products/", "/cms/", "/django-admin/"])
def test_seller_does_not_get_into_the_staff_screens(client, seller_owner, url):
    client.force_login(seller_owner)

    response = client.get(url, follow=True)

    refused = response.status_code in (403, 404)
    sent_to_log_in = response.request["PATH_INFO"] != url and "login" in response.request["PATH_INFO"]
    assert refused or sent_to_log_in, f"a seller could open {url}"


@pytest.mark.django_db
def test_seller_who_is_also_staff_gets_into_oscar_dashboard(client, seller_owner):
    seller_owner.is_staff = True
    seller_owner.save()
    client.force_login(seller_owner)

    response = client.get("/shop/dashboard/")

    assert response.status_code == 200


@pytest.mark.django_db
def test_portal_pages_are_light_one_small_stylesheet_and_no_scripts(client, seller_owner):
    client.force_login(seller_owner)

    response = client.get(PORTAL)

    page = soup_of(response)
    stylesheets = [link["href"] for link in page.select('link[rel="stylesheet"]')]
    assert stylesheets == ["/static/sellers/css/portal.css"]
    assert not page.select("script")
    assert len(response.content) < 30_000


def asks_for_her_business(captured):
    """The queries that look up which business the person logged in sells for."""
    return [q["sql"] for q in captured.captured_queries if "partner_partner_users" in q["sql"]]


@pytest.mark.django_db
def test_customer_page_asks_once_whether_she_sells(client, customer, settings, django_assert_num_queries):
    settings.SESSION_ENGINE = SESSIONS_IN_DATABASE
    # Given a customer who sells nothing, logged in, on her account page (whose header asks for her shop)
    client.force_login(customer)
    open_page(client, "/shop/accounts/profile/", ENGLISH)

    # When she opens it again
    with django_assert_num_queries(CUSTOMER_PAGE_QUERIES) as captured:
        response = open_page(client, "/shop/accounts/profile/", ENGLISH)

    # Then the page asked once, and shows no shop link
    assert response.status_code == 200
    assert len(asks_for_her_business(captured)) == 1
    assert not soup_of(response).select(f'header a[href="{PORTAL}"]')


@pytest.mark.django_db
def test_seller_page_asks_once_for_her_business_and_links_her_shop(
    client, seller_owner, settings, django_assert_num_queries
):
    settings.SESSION_ENGINE = SESSIONS_IN_DATABASE
    # Given a seller logged in, on her account page in the storefront
    client.force_login(seller_owner)
    open_page(client, "/shop/accounts/profile/", ENGLISH)

    with django_assert_num_queries(SELLER_PAGE_QUERIES) as captured:
        response = open_page(client, "/shop/accounts/profile/", ENGLISH)

    # Then her business was asked for once, and the header links to her shop
    assert response.status_code == 200
    assert len(asks_for_her_business(captured)) == 1
    assert soup_of(response).select(f'header a[href="{PORTAL}"]')
