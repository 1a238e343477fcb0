"""Anonymous visitors' pages from the cache (shop/pagecache.py): no query, never stale, hers where it matters."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page

from cms.models import StoryIndexPage, StoryPage
from tests.pages import ENGLISH, VIETNAMESE, open_page, soup_of, text_of


@pytest.fixture(autouse=True)
def _page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600


@pytest.fixture
def story_index(db):
    home = Page.objects.get(depth=2, slug="home")
    index = home.add_child(instance=StoryIndexPage(title="Câu chuyện", slug="cau-chuyen", live=False))
    index.save_revision().publish()
    return index


def publish_story(index, title):
    story = index.add_child(instance=StoryPage(title=title, live=False))
    story.save_revision().publish()
    return story


def queries_of(client, url):
    """The response to a GET of `url`, and how many SQL queries it made."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return response, len(captured)


def header_of(response):
    return " ".join(soup_of(response).select_one(".header-actions").get_text(" ").split())


def page_addresses(product, story_index):
    story = publish_story(story_index, "Thạch đen của chị Mai")
    return [
        "/",
        reverse("catalogue:index"),
        product.categories.get().get_absolute_url(),
        product.get_absolute_url(),
        reverse("sellers:index"),
        reverse("sellers:detail", kwargs={"slug": product.stockrecords.get().partner.slug}),
        story_index.url,
        story.url,
        reverse("search:search") + "?q=thach+den",
    ]


@pytest.mark.django_db
def test_second_anonymous_visit_of_each_page_makes_no_query_and_shows_the_same_page(
    client, product, story_index, django_assert_num_queries
):
    for url in page_addresses(product, story_index):
        first = client.get(url)
        assert first.status_code == 200, url

        with django_assert_num_queries(0):
            second = client.get(url)

        assert second.status_code == 200, url
        assert text_of(second) == text_of(first), url


@pytest.mark.django_db
def test_vietnamese_and_english_pages_are_kept_apart(client, product):
    url = reverse("catalogue:index")
    open_page(client, url, VIETNAMESE)
    open_page(client, url, ENGLISH)

    english = open_page(client, url, ENGLISH)
    vietnamese = open_page(client, url, VIETNAMESE)

    assert soup_of(english).html["lang"].startswith("en")
    assert "Products" in text_of(english)
    assert soup_of(vietnamese).html["lang"] == "vi"
    assert "Sản phẩm" in text_of(vietnamese)


@pytest.mark.django_db
def test_a_logged_in_visitor_is_never_served_a_kept_page_and_keeps_none(client, customer, product):
    url = product.get_absolute_url()
    anonymous = Client()
    anonymous.get(url)  # kept now
    client.force_login(customer)

    first, _ = queries_of(client, url)
    second, queries = queries_of(client, url)

    assert queries > 0
    assert header_of(second) == "Tài khoản Giỏ hàng 0 sản phẩm trong giỏ"
    # Her pages were not kept: another visitor's next visit is still the anonymous page, from the cache.
    third, queries = queries_of(Client(), url)
    assert queries == 0
    assert header_of(third) == "Đăng nhập Giỏ hàng 0 sản phẩm trong giỏ"


@pytest.mark.django_db
def test_a_price_change_shows_at_once(client, product):
    url = product.get_absolute_url()
    client.get(url)
    client.get(url)
    stockrecord = product.stockrecords.get()

    stockrecord.price = Decimal("99000.00")
    stockrecord.save()

    assert "99.000" in text_of(client.get(url))
    assert "125.000" not in text_of(client.get(reverse("catalogue:index")))


@pytest.mark.django_db
def test_a_product_sold_out_shows_at_once(client, product):
    url = product.get_absolute_url()
    assert "Hết hàng" not in text_of(client.get(url))
    stockrecord = product.stockrecords.get()

    stockrecord.num_in_stock = stockrecord.num_allocated or 0
    stockrecord.save()

    page = client.get(url)
    assert "Hết hàng" in text_of(page)
    assert soup_of(page).select_one("#add_to_basket_form") is None


@pytest.mark.django_db
def test_an_unpublished_product_is_gone_at_once(client, product):
    url = product.get_absolute_url()
    client.get(url)
    assert product.title in text_of(client.get(reverse("catalogue:index")))

    product.is_public = False
    product.save()

    assert client.get(url).status_code == 404
    assert product.title not in text_of(client.get(reverse("catalogue:index")))


@pytest.mark.django_db
def test_a_seller_no_longer_approved_is_gone_at_once(client, product, seller):
    seller_url = reverse("sellers:detail", kwargs={"slug": seller.slug})
    client.get(seller_url)
    client.get(product.get_absolute_url())

    seller.status = seller.Status.SUSPENDED
    seller.save()

    assert client.get(seller_url).status_code == 404
    assert client.get(product.get_absolute_url()).status_code == 404
    assert seller.name not in text_of(client.get(reverse("sellers:index")))


@pytest.mark.django_db
def test_a_story_published_shows_at_once(client, story_index):
    client.get(story_index.url)
    assert "Hạt dẻ của chị Lan" not in text_of(client.get(story_index.url))

    publish_story(story_index, "Hạt dẻ của chị Lan")

    assert "Hạt dẻ của chị Lan" in text_of(client.get(story_index.url))


@pytest.mark.django_db
def test_a_kept_page_carries_a_nonce_of_its_own_request(client, product):
    url = product.get_absolute_url()
    client.get(url)

    pages = [client.get(url) for _ in range(2)]

    nonces = []
    for page in pages:
        policy = page["Content-Security-Policy"]
        nonce = policy.split("'nonce-", 1)[1].split("'", 1)[0]
        assert f'nonce="{nonce}"' in page.content.decode()
        nonces.append(nonce)
    assert nonces[0] != nonces[1]


@pytest.mark.django_db
def test_adding_to_the_basket_from_a_kept_page_passes_the_csrf_check_and_counts_in_her_cookie(product):
    # Given a product page kept in the cache, and a visitor served it from there
    url = product.get_absolute_url()
    Client().get(url)
    visitor = Client(enforce_csrf_checks=True)
    page, queries = queries_of(visitor, url)
    assert queries == 0
    form = soup_of(page).select_one("#add_to_basket_form")

    # When she sends the form with the token storefront.js gives it at submit (her csrftoken cookie)
    fields = {field["name"]: field.get("value", "") for field in form.select("input[name]")}
    fields["csrfmiddlewaretoken"] = visitor.cookies["csrftoken"].value
    fields["quantity"] = "2"
    added = visitor.post(form["action"], fields)

    # Then the product is in her basket, and the header's count (its cookie) says so on the cached pages too
    assert added.status_code == 302
    assert visitor.cookies["basket_count"].value == "2"
    basket = visitor.get(reverse("basket:summary"))
    assert product.title in text_of(basket)
    visitor.get(url)  # the page that shows "added to your basket" is made for her
    _again, queries = queries_of(visitor, url)
    assert queries == 0, dict(visitor.cookies)
    assert visitor.cookies["basket_count"].value == "2"


@pytest.mark.django_db
def test_a_form_token_not_hers_is_refused(product):
    url = product.get_absolute_url()
    Client().get(url)
    visitor = Client(enforce_csrf_checks=True)
    form = soup_of(visitor.get(url)).select_one("#add_to_basket_form")
    written = form.select_one("input[name=csrfmiddlewaretoken]")["value"]

    refused = visitor.post(form["action"], {"csrfmiddlewaretoken": written, "quantity": "1"})

    assert refused.status_code == 403


@pytest.mark.django_db
def test_the_basket_count_goes_with_her_basket_when_she_logs_out(client, customer, product):
    # Given a customer who put a product in her basket while logged in
    client.force_login(customer)
    client.get(product.get_absolute_url())
    client.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": "1"})
    assert client.cookies["basket_count"].value == "1"

    # When she logs out and opens a page kept in the cache
    client.post(reverse("customer:logout"))
    Client().get(reverse("catalogue:index"))
    client.get(reverse("catalogue:index"))  # made for her: it says she has logged out
    _page, queries = queries_of(client, reverse("catalogue:index"))

    # Then the count the header reads is gone with her basket
    assert queries == 0
    assert not client.cookies["basket_count"].value
