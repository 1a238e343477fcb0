"""The header's link to her shop, kept per person in memory: right at once when who sells for a business changes."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.pages import VIETNAMESE, open_page, soup_of
from vietnam.showing import forget_kept


@pytest.fixture(autouse=True)
def _kept(settings):
    settings.CARD_CACHE_SECONDS = 600  # as in production
    forget_kept()
    yield
    forget_kept()


def shop_links(client):
    page = soup_of(open_page(client, reverse("catalogue:index"), VIETNAMESE))
    return [link["href"] for link in page.select(".header-actions a")]


@pytest.mark.django_db
def test_a_customer_made_a_seller_sees_her_shop_link_at_once_and_loses_it_when_suspended(client, customer, seller):
    client.force_login(customer)
    assert reverse("seller-portal:home") not in shop_links(client)

    seller.users.add(customer)  # the union adds her to an approved business
    assert reverse("seller-portal:home") in shop_links(client)

    seller.status = type(seller).Status.SUSPENDED
    seller.save()
    assert reverse("seller-portal:home") not in shop_links(client)


@pytest.mark.django_db
def test_a_pages_header_asks_nothing_for_her_shop_link_once_kept(client, customer):
    client.force_login(customer)
    url = reverse("catalogue:index")
    client.get(url)

    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    asked = " ".join(query["sql"] for query in captured.captured_queries)
    assert "partner_partner_users" not in asked
