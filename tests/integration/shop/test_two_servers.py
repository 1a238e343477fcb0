"""Two app servers on one PostgreSQL and Redis are one shop: a buyer may land on either for any request.

Each test starts two gunicorn servers of `shop.wsgi` as production runs them (DEBUG off, a key of their
own, sessions in Redis and the database) and walks between them with one browser's cookies, over real
HTTP. Only meaningful on PostgreSQL with Redis, which CI runs; skipped otherwise.
"""

import contextlib
from decimal import Decimal

import pytest
import requests
from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from oscar.core.loading import get_model

from tests.factories import PASSWORD, ProductFactory, UserFactory
from tests.pages import soup_of
from tests.processes import app_server, production, redis_url
from tests.shopping import delivery_address

Order = get_model("order", "Order")

pytestmark = [
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
        reason="two app servers share one PostgreSQL database; run with DATABASE_URL=postgres://…",
    ),
    pytest.mark.skipif(not redis_url(), reason="two app servers share one Redis; run with REDIS_URL=redis://…"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def two_servers():
    """The base URLs of two gunicorn servers of the shop, each with processes of its own."""
    with contextlib.ExitStack() as servers:
        yield [servers.enter_context(app_server(**production())) for _ in range(2)]


class Browser:
    """One visitor's browser: a cookie jar kept across both servers, forms sent with the token they carry."""

    def __init__(self):
        self.session = requests.Session()

    def get(self, url):
        response = self.session.get(url, timeout=60)
        assert response.status_code == 200, f"GET {url}: {response.status_code}"
        return response

    def submit(self, url, data, page=None, form="form"):
        """Send a form of the page at `url` (or of `page`, the URL it was read from): its CSRF token, `data`."""
        token = soup_of(page or self.get(url)).select_one(f"{form} [name=csrfmiddlewaretoken]")
        assert token is not None, f"no form with a CSRF token at {url}"
        response = self.session.post(url, {"csrfmiddlewaretoken": token["value"], **data}, timeout=60)
        assert response.status_code == 200, f"POST {url}: {response.status_code}\n{response.text[-2000:]}"
        return response


def test_a_basket_filled_on_one_server_is_checked_out_on_the_other(two_servers):
    # Given a product in stock
    first, second = two_servers
    product = ProductFactory(title="Miến dong Phia Đén", stockrecords__price=Decimal("85000.00"))
    browser = Browser()

    # When a guest puts two in her basket on the first server
    product_page = f"{first}{product.get_absolute_url()}"
    browser.submit(
        f"{first}/shop/basket/add/{product.pk}/",
        {"quantity": 2},
        page=browser.get(product_page),
        form="#add_to_basket_form",
    )

    # Then the second server shows her basket
    basket = browser.get(f"{second}/shop/basket/")
    assert "Miến dong Phia Đén" in basket.text

    # And she checks out on the second server, paying cash on delivery, up to "Đặt hàng"
    browser.submit(f"{second}/shop/checkout/", {"phone": "0912 345 678", "email": "lan@example.vn"})
    browser.submit(f"{second}/shop/checkout/shipping-address/", delivery_address())
    browser.get(f"{second}/shop/checkout/shipping-method/")
    browser.submit(f"{second}/shop/checkout/payment-method/", {"method": "cod"})
    preview = soup_of(browser.get(f"{second}/shop/checkout/preview/")).select_one("#place_order_form")
    assert preview is not None, "the second server's preview has no place-order form"
    shown = {field["name"]: field.get("value", "") for field in preview.select("input[type=hidden]")}
    placed = browser.session.post(f"{second}/shop/checkout/preview/", shown, timeout=60)

    # Then one order of two is placed, and her confirmation shows it
    order = Order.objects.get()
    assert placed.status_code == 200
    assert placed.url == f"{second}/shop/checkout/thank-you/"
    assert order.number in placed.text
    assert order.guest_email == "lan@example.vn"
    assert [(line.product, line.quantity) for line in order.lines.all()] == [(product, 2)]
    assert product.stockrecords.get().num_allocated == 2

    # And the first server shows her basket empty, the order placed from it
    assert "Miến dong Phia Đén" not in browser.get(f"{first}/shop/basket/").text


def test_a_login_on_one_server_is_valid_on_the_other_and_a_logout_on_either_ends_it(two_servers):
    # Given a customer (her password hashed as the servers' settings hash it, not as the suite's)
    first, second = two_servers
    customer = UserFactory(email="hoa.be@example.vn")
    hasher = PBKDF2PasswordHasher()
    customer.password = hasher.encode(PASSWORD, hasher.salt())
    customer.save(update_fields=["password"])
    account = "/shop/accounts/profile/"
    assert browser_lands_on_login(Browser(), f"{second}{account}")

    # When she logs in on the first server
    browser = Browser()
    logged_in = browser.submit(
        f"{first}/shop/accounts/login/",
        {"login-username": customer.email, "login-password": PASSWORD, "login_submit": "1"},
    )
    assert logged_in.url == f"{first}{account}"

    # Then the second server knows her: her account page, with her email
    page = browser.get(f"{second}{account}")
    assert page.url == f"{second}{account}"
    assert customer.email in page.text

    # And when she logs out on the second server, the first one asks her to log in again
    browser.submit(f"{second}/shop/accounts/logout/", {})
    assert browser_lands_on_login(browser, f"{first}{account}")


def browser_lands_on_login(browser, url):
    """Whether opening `url` sends the browser to the login page."""
    return browser.get(url).url.split("?")[0].endswith("/shop/accounts/login/")
