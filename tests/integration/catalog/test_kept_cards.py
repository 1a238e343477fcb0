"""Product cards kept drawn in memory (catalog/cards.py): drawn once, never stale, for logged-in visitors too."""

from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from oscar.core.loading import get_class

from catalog.cards import listed
from catalog.models import CARD_PREFETCHES
from cms.models import HomePage, StoryIndexPage, StoryPage
from tests.factories import ProductFactory, ProductImageFactory, UserFactory, create_category
from tests.pages import ENGLISH, VIETNAMESE, open_page, soup_of, text_of
from vietnam.showing import forget_kept


@pytest.fixture(autouse=True)
def _kept_cards(settings):
    settings.CARD_CACHE_SECONDS = 600
    forget_kept()
    yield
    forget_kept()


def card_of(client, url, language=VIETNAMESE):
    page = soup_of(open_page(client, url, language))
    return page.select_one(".product-card")


def rename_without_signals(product, title):
    """A change the storefront is not told of (a bulk update): what a kept card would go on showing."""
    type(product).objects.filter(pk=product.pk).update(title=title)


@pytest.mark.django_db
def test_a_card_is_drawn_once_and_shown_again_from_memory(client, product):
    url = reverse("catalogue:index")
    assert "Thạch đen Cao Bằng" in card_of(client, url).get_text()

    rename_without_signals(product, "Tên mới chưa ai báo")

    # The card comes from memory (the page's own heading, outside it, is drawn afresh)
    assert "Thạch đen Cao Bằng" in card_of(client, url).get_text()


@pytest.mark.django_db
def test_a_saved_change_price_or_stock_is_on_the_card_at_once(client, product):
    url = reverse("catalogue:index")
    card_of(client, url)

    product.title = "Thạch đen hộp quà"
    product.save()
    assert "Thạch đen hộp quà" in card_of(client, url).get_text()

    stockrecord = product.stockrecords.get()
    stockrecord.price = Decimal("99000.00")
    stockrecord.save()
    assert "99.000" in card_of(client, url).get_text()

    stockrecord.num_in_stock = stockrecord.num_allocated or 0
    stockrecord.save()
    card = card_of(client, url)
    assert "is-sold-out" in card["class"]
    assert "Hết hàng" in card.get_text()


@pytest.mark.django_db
def test_each_language_and_heading_level_has_its_own_card(client, product, seller):
    listing, seller_page = reverse("catalogue:index"), seller.get_absolute_url()
    assert "Hết hàng" not in text_of(open_page(client, listing, VIETNAMESE))

    assert card_of(client, listing, VIETNAMESE).select_one("h2.product-card-title") is not None
    assert card_of(client, seller_page, VIETNAMESE).select_one("h3.product-card-title") is not None
    assert card_of(client, listing, ENGLISH).select_one("h2.product-card-title") is not None

    product.stockrecords.update(num_in_stock=0)  # unsaid, so the kept cards stay: each in its own language
    assert "Sold out" not in card_of(client, listing, ENGLISH).get_text()
    assert "Hết hàng" not in card_of(client, listing, VIETNAMESE).get_text()


@pytest.mark.django_db
def test_a_logged_in_customer_sees_the_same_cards(client, product):
    url = reverse("catalogue:index")
    guest = card_of(client, url).get_text(" ", strip=True)

    client.force_login(UserFactory())
    assert card_of(client, url).get_text(" ", strip=True) == guest


@pytest.mark.django_db
def test_a_card_drawn_first_in_a_listing_is_kept_apart_from_the_same_card_drawn_lazily(rf, product):
    request = rf.get("/")
    request.user = AnonymousUser()
    request.strategy = get_class("partner.strategy", "Selector")().strategy(request)

    def card(**context):
        html = render_to_string("oscar/catalogue/partials/product.html", {"product": product, **context}, request)
        return BeautifulSoup(html, "html.parser").select_one("picture img")

    first = card(position=1)
    assert first.get("loading") != "lazy"
    assert first["fetchpriority"] == "high"

    elsewhere = card()
    assert "lazy-picture" in elsewhere.parent["class"]
    assert elsewhere.get("fetchpriority") is None


@pytest.mark.django_db
def test_a_product_pages_maker_and_more_from_her_are_kept_and_a_new_story_shows_at_once(
    client, product, seller, django_assert_max_num_queries
):
    ProductFactory(title="Bột thạch đen", seller=seller)
    url = product.get_absolute_url()
    first = soup_of(open_page(client, url, VIETNAMESE))
    assert "Bột thạch đen" in first.select_one(".more-from-maker").get_text()

    # Kept: the page asks only for the product and its stock record (and the session's own); its photos too are kept
    with django_assert_max_num_queries(3):
        again = soup_of(client.get(url))
    assert again.select_one(".maker-card").get_text() == first.select_one(".maker-card").get_text()

    # A story published about her is on the product page at once
    index = HomePage.objects.get().add_child(instance=StoryIndexPage(title="Câu chuyện", slug="cau-chuyen"))
    story = index.add_child(instance=StoryPage(title="Mùa cắt cây thạch đen", seller=seller, live=False))
    story.save_revision().publish()
    assert "Mùa cắt cây thạch đen" in soup_of(client.get(url)).select_one(".maker-card").get_text()


@pytest.mark.django_db
def test_a_listing_whose_cards_are_kept_reads_no_product_stock_record_or_photo(client, product):
    url = reverse("catalogue:index")
    client.get(url)

    with CaptureQueriesContext(connection) as captured:
        card = card_of(client, url)

    assert "125.000" in card.get_text()
    read = " ".join(query["sql"] for query in captured.captured_queries)
    assert "partner_stockrecord" not in read
    assert "catalogue_productimage" not in read
    assert '"catalogue_product"."title"' not in read  # only the ids of the page: the cards are kept


@pytest.mark.django_db
def test_a_product_taken_down_between_finding_a_page_and_drawing_its_cards_is_left_out(rf, product, seller):
    other = ProductFactory(title="Miến dong Nguyên Bình", seller=seller)
    page = listed([product.pk, other.pk], type(product).objects.for_cards, *CARD_PREFETCHES)
    type(product).objects.filter(pk=other.pk).update(is_public=False)  # after the listing found it
    request = rf.get("/")
    request.user = AnonymousUser()
    request.strategy = get_class("partner.strategy", "Selector")().strategy(request)

    html = "".join(
        render_to_string("oscar/catalogue/partials/product.html", {"product": card}, request) for card in page
    )

    titles = [title.get_text(strip=True) for title in BeautifulSoup(html, "html.parser").select(".product-card-title")]
    assert titles == [product.title]


@pytest.mark.django_db
def test_the_categories_every_listing_offers_are_kept_and_a_new_one_is_offered_at_once(client, product, category):
    url, in_category = reverse("catalogue:index"), category.get_absolute_url()
    client.get(url), client.get(in_category)

    # Kept: each listing asks the database only to count its products and for its page of ids
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
        client.get(in_category)
    assert [query["sql"].count("catalogue_category") for query in captured.captured_queries] == [0, 0, 1, 1]

    create_category("Đặc sản > Hạt dẻ Trùng Khánh")
    offered = soup_of(open_page(client, url, VIETNAMESE)).select("#id_category option")
    assert "— Hạt dẻ Trùng Khánh" in [option.get_text(strip=True) for option in offered]


@pytest.mark.django_db
def test_a_photo_added_to_a_product_shows_in_its_kept_gallery_and_link_preview_at_once(client, product, media_root):
    url = product.get_absolute_url()
    before = soup_of(open_page(client, url, VIETNAMESE))
    assert before.select_one('meta[property="og:image"]') is None  # no photo yet: no preview picture

    ProductImageFactory(product=product, original__width=800, original__height=800)

    after = soup_of(client.get(url))
    assert after.select(".product-gallery img") != before.select(".product-gallery img")
    assert "/media/" in after.select_one('meta[property="og:image"]')["content"]
