"""With the cache (Redis) down, the shop works from the database: a buyer browses, fills her basket and places
her order, still logged in; the operator reads one warning and /health/ says the cache is down, then up again.

Each test runs a Redis server of its own (tests.processes.redis_server) with the project's cache settings
(settings.REDIS_CACHE) pointed at it, and stops it: the shared Redis of other runs is never touched.
"""

import socket
import subprocess
import time

import pytest
from django.conf import settings
from django.test import Client, override_settings
from oscar.core.loading import get_model

from tests.factories import ProductFactory, ProductImageFactory
from tests.pages import soup_of, text_of
from tests.processes import free_port, redis_server
from tests.shopping import go_to_preview, place_order_as_shown

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")

PROFILE_URL = "/shop/accounts/profile/"
CACHE_DOWN = "does not answer"
CACHE_BACK = "answers again"


def cache_at(url, retry_after=0):
    """The project's cache in Redis at `url`, with the sessions cached in it as when REDIS_URL is set.

    retry_after 0: every cache call tries the cache again (REDIS_RETRY_AFTER), as if each came seconds apart.
    """
    return override_settings(
        CACHES={"default": {**settings.REDIS_CACHE, "LOCATION": url}},
        SESSION_ENGINE="django.contrib.sessions.backends.cached_db",
        REDIS_RETRY_AFTER=retry_after,
    )


def cache_news(caplog):
    return [record.getMessage() for record in caplog.records if record.name == "shop.cache"]


def cache_state(client):
    return client.get("/health/?format=json").json()["Cache(alias='default')"]


def test_with_the_cache_down_a_logged_in_buyer_browses_fills_her_basket_and_places_her_order(client, customer, caplog):
    product = ProductFactory(title="Miến dong Nguyên Bình")
    ProductImageFactory(product=product)
    port = free_port()

    with cache_at(f"redis://127.0.0.1:{port}/0"):
        # Given a buyer who logged in while the cache answered
        with redis_server(port):
            client.force_login(customer)
            assert client.get("/").status_code == 200
            assert cache_state(client) == "OK"
        caplog.clear()

        # When the cache stops, she browses…
        home = client.get("/")
        assert home.status_code == 200
        assert "Miến dong Nguyên Bình" in text_of(client.get("/shop/catalogue/"))
        card_photo = soup_of(client.get("/shop/catalogue/")).select_one(".product-card img")
        assert "/media/cache/" in card_photo["src"]  # its thumbnail, found through the database
        assert "Miến dong Nguyên Bình" in text_of(client.get(product.get_absolute_url()))

        # …fills her basket…
        added = client.post(f"/shop/basket/add/{product.pk}/", {"quantity": 2})
        assert added.status_code == 302
        assert "Miến dong Nguyên Bình" in text_of(client.get("/shop/basket/"))

        # …and checks out, still logged in
        assert client.session["_auth_user_id"] == str(customer.pk)
        placed = place_order_as_shown(go_to_preview(client))
        assert placed.status_code == 302
        assert placed["Location"] == "/shop/checkout/thank-you/"
        order = Order.objects.get()
        assert order.user == customer
        assert [(line.title, line.quantity) for line in order.lines.all()] == [("Miến dong Nguyên Bình", 2)]
        assert customer.email in text_of(client.get(PROFILE_URL))

        # Then the operator was told once, and /health/ says the cache is down
        news = cache_news(caplog)
        assert len(news) == 1
        assert CACHE_DOWN in news[0]
        assert f"127.0.0.1:{port}" in news[0]
        assert client.get("/health/?format=json").status_code == 500
        assert cache_state(client) != "OK"

        # And once it is back, /health/ says so, and the log
        with redis_server(port):
            assert cache_state(client) == "OK"
            assert client.get("/shop/basket/").status_code == 200
        assert len(cache_news(caplog)) == 2
        assert CACHE_BACK in cache_news(caplog)[1]


def test_a_buyer_who_logs_out_while_the_cache_is_down_stays_logged_out_when_it_is_back(client, customer, tmp_path):
    port = free_port()
    with cache_at(f"redis://127.0.0.1:{port}/0"):
        # Given a session cached in a Redis that keeps what it holds when it stops
        with redis_server(port, keep_in=tmp_path):
            client.force_login(customer)
            assert client.get(PROFILE_URL).status_code == 200

        # When she logs out while it is down (someone may hold a copy of her session's cookie)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
        logged_out = client.post("/shop/accounts/logout/", follow=True)
        assert not logged_out.context["user"].is_authenticated

        # Then, once it is back with its copy of her session, that copy does not log anyone in
        elsewhere = Client()
        elsewhere.cookies[settings.SESSION_COOKIE_NAME] = cookie
        with redis_server(port, keep_in=tmp_path):
            account = elsewhere.get(PROFILE_URL)
        assert account.status_code == 302
        assert account["Location"].startswith(settings.LOGIN_URL)


def test_a_cache_that_hangs_costs_a_page_one_timeout_not_one_for_each_of_its_calls(client, caplog):
    ProductFactory.create_batch(6)
    silent = free_port()

    # A host that takes connections and never answers: every call would wait the whole timeout
    with socket.create_server(("127.0.0.1", silent), backlog=200), cache_at(f"redis://127.0.0.1:{silent}/0", 60):
        start = time.monotonic()
        page = client.get("/shop/catalogue/")
        seconds = time.monotonic() - start

    assert page.status_code == 200
    assert [CACHE_DOWN in message for message in cache_news(caplog)][-1:] == [True]
    # One call waited REDIS_TIMEOUT; the page's dozens of others skipped the cache (one each: 15 s).
    assert seconds < settings.REDIS_TIMEOUT + 2


def redis_cli(port, *command):
    subprocess.run(["redis-cli", "-p", str(port), *command], check=True, capture_output=True, timeout=10)
