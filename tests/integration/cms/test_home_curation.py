"""The home page that editors curate: featured stories, products and sellers, and the programme in figures."""

import pytest
from oscar.core.loading import get_model

from cms.models import HOME_STORIES, HomePage, StoryIndexPage, StoryPage
from tests.factories import PartnerFactory, ProductFactory, ProductImageFactory, UserFactory
from tests.pages import soup_of, text_of

Partner = get_model("partner", "Partner")

MAX_HOME_PAGE_QUERIES = 30

pytestmark = pytest.mark.django_db


def publish_stories(count, seller):
    index = StoryIndexPage.objects.first() or HomePage.objects.get().add_child(
        instance=StoryIndexPage(title="Câu chuyện", slug="cau-chuyen")
    )
    start = StoryPage.objects.count()
    return [
        index.add_child(instance=StoryPage(title=f"Câu chuyện {n}", slug=f"cau-chuyen-{n}", seller=seller))
        for n in range(start, start + count)
    ]


def feature(stories=(), products=(), sellers=()):
    """Publish the home page featuring these, in this order."""
    home = HomePage.objects.get()
    home.featured_stories = [("story", story) for story in stories]
    home.featured_products = [("product", product) for product in products]
    home.featured_sellers = [("seller", seller) for seller in sellers]
    home.save_revision().publish()
    return home


def titles(response, selector):
    return [element.get_text(" ", strip=True) for element in soup_of(response).select(selector)]


def test_home_page_shows_what_editors_featured_in_their_order(client):
    # Given more stories, products and sellers than the editors featured
    sellers = [PartnerFactory(name=name) for name in ("Chị Ba", "Chị Hai", "Chị Một")]
    products = [ProductFactory(title=f"Sản phẩm {n}", seller=sellers[n % 3]) for n in range(5)]
    stories = publish_stories(4, sellers[0])

    # When they feature two of each, last first
    feature(stories=stories[2::-2], products=products[3::-3], sellers=sellers[2::-2])
    response = client.get("/")

    # Then the page shows those, in that order, and nothing else of theirs (but the newest stories after them)
    assert titles(response, ".story-card h3") == ["Câu chuyện 2", "Câu chuyện 0", "Câu chuyện 3", "Câu chuyện 1"]
    product_titles = titles(response, ".product-card h3")
    assert [t for t in product_titles if t.startswith("Sản phẩm")] == ["Sản phẩm 3", "Sản phẩm 0"]
    assert titles(response, ".seller-grid strong") == ["Chị Một", "Chị Ba"]


def test_home_page_falls_back_to_the_newest_when_nothing_is_featured(client):
    seller = PartnerFactory(name="Hợp tác xã Miến dong Phia Đén")
    ProductFactory(title="Miến dong Phia Đén", seller=seller)
    publish_stories(1, seller)

    text = text_of(client.get("/"))

    assert "Câu chuyện 0" in text
    assert "Miến dong Phia Đén" in text
    assert "Hợp tác xã Miến dong Phia Đén" in text


def test_home_page_leaves_out_a_featured_seller_suspended_and_a_story_unpublished(client):
    shown, suspended = PartnerFactory(name="Chị Lan"), PartnerFactory(name="Chị Hoa")
    live_story, withdrawn_story = publish_stories(2, shown)
    feature(stories=[live_story, withdrawn_story], sellers=[shown, suspended])

    # When an editor unpublishes a story and the union suspends a seller
    withdrawn_story.unpublish()
    Partner.objects.filter(pk=suspended.pk).update(status=Partner.Status.SUSPENDED)
    response = client.get("/")

    assert titles(response, ".story-card h3") == [live_story.title]
    assert titles(response, ".seller-grid strong") == ["Chị Lan"]


def test_home_page_shows_the_programme_in_figures_the_migration_filled(client):
    figures = titles(client.get("/"), ".home-figures li")

    assert figures == [
        "850 lớp tập huấn",
        "60.000 lượt hội viên",
        "hơn 20 tỷ đồng vốn",
        "70 mô hình hoạt động hiệu quả",
    ]


def feature_many(size):
    """Feature `size` stories, products and sellers, each product with a photo."""
    sellers = [PartnerFactory() for _ in range(size)]
    products = [ProductFactory(seller=seller) for seller in sellers]
    for product in products:
        ProductImageFactory(product=product)
    feature(stories=publish_stories(size, sellers[0]), products=products, sellers=sellers)


def test_home_page_queries_do_not_grow_with_featured_items(client, django_assert_max_num_queries):
    counts = {}
    for size in (2, 8):
        # Given `size` stories, products and sellers featured (the first request makes the thumbnails)
        feature_many(size)
        client.get("/")

        with django_assert_max_num_queries(MAX_HOME_PAGE_QUERIES) as captured:
            response = client.get("/")

        # Then all of them show (six stories at most), for no more queries at 8 than at 2
        assert len(soup_of(response).select(".story-card")) == min(size, HOME_STORIES)
        assert len(soup_of(response).select(".product-card")) == size
        assert len(soup_of(response).select(".seller-grid li")) == size
        counts[size] = len(captured)
    assert counts[8] <= counts[2]


def test_every_footer_shows_the_figures_as_an_editor_last_published_them(client):
    assert "60.000 lượt hội viên" in text_of(client.get("/shop/catalogue/"))

    # When an editor changes a figure and publishes the home page
    home = HomePage.objects.get()
    home.figures = [("figure", {"number": "65.000", "label": "lượt hội viên"})]
    home.save_revision().publish()

    footer = soup_of(client.get("/shop/catalogue/")).select_one(".site-footer").get_text(" ", strip=True)
    assert "65.000 lượt hội viên" in footer
    assert "60.000" not in footer


def test_seller_chooser_offers_only_sellers_buyers_can_see(client):
    PartnerFactory(name="Chị Lan")
    PartnerFactory(name="Chị Hoa", status=Partner.Status.SUSPENDED)
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    response = client.get("/cms/seller-chooser/")

    html = response.json()["html"]
    assert "Chị Lan" in html
    assert "Chị Hoa" not in html


def test_a_story_just_published_follows_the_featured_ones_on_the_home_page(client, settings):
    from wagtail.models import PageViewRestriction

    from vietnam.showing import current_generation

    # Given the editors featured two stories, the older ones
    seller = PartnerFactory(name="Chị Lan")
    first, second, other = publish_stories(3, seller)
    feature(stories=[second, first])
    assert titles(client.get("/"), ".story-card h3") == ["Câu chuyện 1", "Câu chuyện 0", "Câu chuyện 2"]

    # When an officer's new story is published, and a draft and a private story wait beside it
    settings.PAGE_CACHE_SECONDS = 600
    client.get("/")  # the home page is kept for anonymous visitors
    generation = current_generation()
    index = StoryIndexPage.objects.get()
    new = index.add_child(instance=StoryPage(title="Chị Hoa và nương dong", live=False))
    new.save_revision().publish()
    index.add_child(instance=StoryPage(title="Bản nháp chưa xuất bản", live=False))
    private = index.add_child(instance=StoryPage(title="Câu chuyện riêng tư"))
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    # Then the kept pages are renewed, and the home page shows it after the featured ones, each story once
    assert current_generation() != generation
    assert titles(client.get("/"), ".story-card h3") == [
        "Câu chuyện 1",
        "Câu chuyện 0",
        "Chị Hoa và nương dong",
        "Câu chuyện 2",
    ]


def test_the_home_page_shows_six_stories_at_most(client):
    seller = PartnerFactory()
    stories = publish_stories(8, seller)
    feature(stories=[stories[0]])

    shown = titles(client.get("/"), ".story-card h3")

    assert len(shown) == HOME_STORIES == 6
    assert shown == ["Câu chuyện 0", "Câu chuyện 7", "Câu chuyện 6", "Câu chuyện 5", "Câu chuyện 4", "Câu chuyện 3"]


def test_the_hero_reads_in_english_when_editors_gave_it_and_in_vietnamese_otherwise(client):
    # Given a hero written in both languages, its button (to the product list) only in Vietnamese
    home = HomePage.objects.get()
    home.hero_title, home.hero_text, home.hero_button_text = "Đặc sản Cao Bằng", "Miến dong Phia Đén", "Xem sản phẩm"
    home.hero_title_en, home.hero_text_en = "Cao Bằng's specialities", "Phia Đén glass noodles"
    home.save_revision().publish()

    # Then a reader of English sees the English title and text, and the button to the products in English
    english = soup_of(client.get("/", HTTP_COOKIE="django_language=en-gb")).select_one(".hero-text")
    assert english.h1.get_text(strip=True) == "Cao Bằng's specialities"
    assert english.p.get_text(strip=True) == "Phia Đén glass noodles"
    assert english.a.get_text(strip=True) == "Shop the products"
    # And a reader of Vietnamese the Vietnamese
    vietnamese = soup_of(client.get("/", HTTP_COOKIE="django_language=vi")).select_one(".hero-text")
    assert (vietnamese.h1.get_text(strip=True), vietnamese.p.get_text(strip=True)) == (
        "Đặc sản Cao Bằng",
        "Miến dong Phia Đén",
    )
    assert vietnamese.a.get_text(strip=True) == "Xem sản phẩm"


def test_the_first_two_stories_show_their_pictures_and_the_newer_ones_follow_as_text(client):
    seller = PartnerFactory(name="Chị Hai", photo="sellers/chi-hai.jpg")
    publish_stories(4, seller)

    cards = soup_of(client.get("/")).select(".story-grid .story-card")

    assert len(cards) == 4
    assert ["is-compact" in card["class"] for card in cards] == [False, False, True, True]
    assert [bool(card.select("img")) for card in cards] == [True, True, False, False]  # the seller's photo stands in
