import pytest
from django.test import Client
from playwright.sync_api import expect


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_visitor_adds_to_her_basket_from_a_kept_product_page_and_sees_the_count(
    live_server, phone, product, settings
):
    # Given a product page kept in the cache by another visitor's visit (its form's token is his, not hers)
    settings.PAGE_CACHE_SECONDS = 600
    url = live_server.url + product.get_absolute_url()
    Client().get(product.get_absolute_url())

    # When a buyer opens it, from the cache, and adds two to her basket
    phone.goto(url)
    expect(phone.locator(".site-header .basket-count")).to_have_text("0")
    phone.locator("#add_to_basket_form .qty-input").fill("2")
    phone.locator("#add_to_basket_form button").click()

    # Then the form was accepted, and the header counts two, on the kept page too when she comes back to it
    expect(phone.locator(".site-header .basket-count")).to_have_text("2")
    phone.goto(url)
    expect(phone.locator(".site-header .basket-count")).to_have_text("2")
    phone.goto(live_server.url + "/shop/basket/")
    expect(phone.locator("main")).to_contain_text(product.title)
