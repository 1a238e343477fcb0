import pytest

from tests.factories import PartnerFactory, ProductFactory, ProductImageFactory
from tests.pages import soup_of

MAX_SELLER_PAGE_QUERIES = 20


def give_products(seller, count):
    for _ in range(count):
        ProductImageFactory(product=ProductFactory(seller=seller))


@pytest.mark.django_db
def test_seller_page_queries_do_not_grow_with_her_products(cards_and_queries):
    # Given a seller with 2 products, then 8
    seller = PartnerFactory()
    give_products(PartnerFactory(), 3)  # another seller's, not shown
    give_products(seller, 2)
    cards_small, queries_small = cards_and_queries(seller.get_absolute_url(), MAX_SELLER_PAGE_QUERIES)
    give_products(seller, 6)
    cards_large, queries_large = cards_and_queries(seller.get_absolute_url(), MAX_SELLER_PAGE_QUERIES)

    # Then her page shows them all for the same number of queries
    assert (cards_small, cards_large) == (2, 8)
    assert queries_large <= queries_small


@pytest.mark.django_db
def test_seller_page_does_not_show_unpublished_products(client, seller):
    ProductFactory(title="Thạch đen đóng hộp", seller=seller)
    ProductFactory(title="Thạch đen chưa duyệt", seller=seller, is_public=False)

    response = client.get(seller.get_absolute_url())

    titles = [card.get_text(" ", strip=True) for card in soup_of(response).select(".product-card")]
    assert len(titles) == 1
    assert "Thạch đen đóng hộp" in titles[0]


LONG_STORY = " ".join(["Chị Hạnh sinh ra và lớn lên dưới chân núi Phia Oắc, nơi sương phủ trắng nương dong."] * 8)


@pytest.mark.django_db
def test_her_products_come_before_her_whole_story_which_a_few_lines_lead_to(client):
    from cms.models import HomePage, StoryIndexPage, StoryPage

    seller = PartnerFactory(name="Hợp tác xã Miến dong Phia Đén", kind="cooperative", members=None, story=LONG_STORY)
    ProductFactory(title="Miến dong Phia Đén gói 500g", seller=seller)
    index = HomePage.objects.get().add_child(instance=StoryIndexPage(title="Câu chuyện", slug="cau-chuyen"))
    index.add_child(instance=StoryPage(title="Mùa đông trên giàn phơi miến", slug="mua-dong", seller=seller))

    page = soup_of(client.get(seller.get_absolute_url()))

    # A few lines of her story and a link to the rest, in her page's header
    intro = page.select_one(".seller-hero .seller-intro")
    assert len(intro.p.get_text().split()) <= 25
    assert intro.a.get_text(strip=True) == "Đọc tiếp câu chuyện"
    assert intro.a["href"] == "#her-story"
    # Her products, then the whole story and her stories as cards
    sections = page.select(".seller-page > section")
    assert [" ".join(section["class"]) for section in sections] == ["seller-products", "seller-story-section"]
    assert "Miến dong Phia Đén gói 500g" in sections[0].select_one(".product-card").get_text()
    story = page.select_one("#her-story")
    assert story.h2.get_text(strip=True) == "Câu chuyện của chị"
    assert LONG_STORY in story.select_one(".seller-story").get_text(" ", strip=True)
    card = story.select_one(".story-card a")
    assert card["href"].endswith("/cau-chuyen/mua-dong/")
    assert "Mùa đông trên giàn phơi miến" in card.get_text()
    # Her kind of business alone is not a line of its own: it is in her name
    assert page.select_one(".seller-facts") is None
    assert "Hợp tác xã" not in page.select_one(".seller-hero").get_text(" ").replace(seller.name, "")
