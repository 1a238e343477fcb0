import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from oscar.core.loading import get_model

from cms.models import HomePage, StoryIndexPage, StoryPage
from tests.factories import PartnerFactory, ProductFactory, ProductImageFactory, UserFactory
from tests.pages import soup_of, text_of

Basket = get_model("basket", "Basket")

MAX_STORY_PAGE_QUERIES = 25


def publish_story(*products, slug="thach-den-chi-mai"):
    """A live story about the first product's seller with a card for each product, in order."""
    index = StoryIndexPage.objects.first() or HomePage.objects.get().add_child(
        instance=StoryIndexPage(title="Câu chuyện", slug="cau-chuyen")
    )
    body = [("paragraph", "<p>Chị Mai nấu thạch từ lá sương sáo.</p>")]
    body += [("product", {"product": product, "note": "Nấu theo cách của mẹ chị"}) for product in products]
    return index.add_child(
        instance=StoryPage(title="Thạch đen của chị Mai", slug=slug, seller=products[0].seller, body=body)
    )


def card_texts(response):
    """The visible text of each product card, runs of whitespace made one space (a no-break space stays)."""
    return [
        re.sub(r"[ \t\n\r\f\v]+", " ", card.get_text(" ")).strip()
        for card in soup_of(response).select(".story-product")
    ]


@pytest.mark.django_db
def test_product_card_shows_live_price_stock_and_note(client, product):
    story = publish_story(product)

    response = client.get(story.url)

    [card] = card_texts(response)
    assert "Thạch đen Cao Bằng" in card
    assert "Hợp tác xã Thạch đen Phục Hòa" in card
    assert "125.000\xa0₫" in card
    assert "Còn 20" in card
    assert "Nấu theo cách của mẹ chị" in card


@pytest.mark.django_db
def test_story_shows_the_new_price_once_the_shop_changes_it(client, product):
    story = publish_story(product)
    assert "125.000\xa0₫" in text_of(client.get(story.url))

    # When the seller changes her price in the shop
    stockrecord = product.stockrecords.get()
    stockrecord.price = 98000
    stockrecord.save()

    # Then the story shows the new price at once, and not the old one
    text = text_of(client.get(story.url))
    assert "98.000\xa0₫" in text
    assert "125.000\xa0₫" not in text


@pytest.mark.django_db
def test_sold_out_product_card_says_so_and_offers_no_button(client, product):
    product.stockrecords.update(num_in_stock=0)
    story = publish_story(product)

    response = client.get(story.url)

    [card] = card_texts(response)
    assert "Hết hàng" in card
    assert not soup_of(response).select(".story-product form")


@pytest.mark.django_db
def test_add_to_basket_button_puts_the_product_in_the_basket(client, customer, product):
    story = publish_story(product)
    client.force_login(customer)

    # When she presses the card's button, posting its form as it stands
    form = soup_of(client.get(story.url)).select_one(".story-product form")
    data = {field["name"]: field["value"] for field in form.select("input[name]")}
    client.post(form["action"], data)

    # Then her basket holds one of it
    basket = Basket.objects.get(owner=customer, status=Basket.OPEN)
    assert [(line.product, line.quantity) for line in basket.all_lines()] == [(product, 1)]


@pytest.mark.django_db
def test_story_page_queries_do_not_grow_with_product_cards(client, django_assert_max_num_queries):
    def measure(story):
        client.get(story.url)  # makes the thumbnails
        with django_assert_max_num_queries(MAX_STORY_PAGE_QUERIES) as captured:
            response = client.get(story.url)
        return len(soup_of(response).select(".story-product")), len(captured)

    seller = PartnerFactory()
    products = [ProductImageFactory(product=ProductFactory(seller=seller)).product for _ in range(6)]
    cards_small, queries_small = measure(publish_story(products[0], slug="mot-san-pham"))
    cards_large, queries_large = measure(publish_story(*products, slug="sau-san-pham"))

    assert (cards_small, cards_large) == (1, 6)
    assert queries_large == queries_small


@pytest.fixture
def union_editor(client):
    editor = UserFactory(email="bientap@example.vn", is_staff=True)
    editor.groups.add(Group.objects.get(name="Union editor"))
    client.force_login(editor)
    return editor


@pytest.mark.django_db
def test_chooser_lists_only_products_buyers_can_see(client, union_editor, product):
    ProductFactory(title="Miến dong ẩn", is_public=False)
    ProductFactory(title="Miến dong chờ duyệt", seller=PartnerFactory(status="applied"))

    response = client.get(reverse("product_chooser:choose"))

    assert response.status_code == 200
    html = response.json()["html"]
    assert "Thạch đen Cao Bằng" in html
    assert "Miến dong ẩn" not in html
    assert "Miến dong chờ duyệt" not in html


@pytest.mark.django_db
def test_chooser_finds_products_by_an_accent_free_search(client, union_editor, product):
    ProductFactory(title="Miến dong Nguyên Bình")

    response = client.get(reverse("product_chooser:choose_results"), {"q": "mien dong"})

    text = text_of(response)
    assert "Miến dong Nguyên Bình" in text
    assert "Thạch đen Cao Bằng" not in text
