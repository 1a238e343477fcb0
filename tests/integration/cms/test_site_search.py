"""Site search finds the makers' stories as well as products, typed with or without accents."""

import json
from importlib import import_module
from urllib.parse import quote

import factory
import pytest
from django.apps import apps as django_apps
from wagtail.models import Page, PageViewRestriction

from cms.models import StoryIndexPage, StoryPage
from tests.factories import PartnerFactory, ProductFactory
from tests.pages import ENGLISH, VIETNAMESE, open_page, soup_of
from vietnam.showing import forget_kept

MAX_SEARCH_QUERIES = 26


@pytest.fixture
def story_index(db):
    home = Page.objects.get(depth=2, slug="home")
    return home.add_child(instance=StoryIndexPage(title="Câu chuyện", slug="cau-chuyen"))


def add_story(index, title, *, seller=None, intro="", paragraph="", publish=True):
    """A story under `index`, published as an editor does (or left a draft)."""
    body = json.dumps([{"type": "paragraph", "value": f"<p>{paragraph}</p>"}]) if paragraph else "[]"
    story = index.add_child(instance=StoryPage(title=title, seller=seller, intro=intro, body=body, live=False))
    if publish:
        story.save_revision().publish()
    return story


def portrait():
    return factory.django.ImageField(width=60, height=60, color="green", filename="chan-dung.jpg")


def search(client, query, language=VIETNAMESE):
    return open_page(client, f"/shop/search/?q={quote(query)}", language)


def story_titles_on(response):
    return [title.get_text(strip=True) for title in soup_of(response).select(".search-stories .story-card h3")]


@pytest.mark.django_db
def test_an_accent_free_query_finds_the_story_beside_the_products(client, story_index):
    # Given a story about the noodles and a product of the same maker
    hoa = PartnerFactory(name="Cơ sở Nông Thị Hoa")
    ProductFactory(title="Miến dong Phia Đén 500g", seller=hoa)
    story = add_story(story_index, "Mùa đông trên giàn phơi miến", seller=hoa, intro="Sợi miến phơi trong gió lạnh.")
    add_story(story_index, "Thạch đen Phục Hòa", intro="Lá thạch đen nấu cả ngày.")

    # When a buyer types without accents (reading the site in English, to see the section's name)
    response = search(client, "mua dong tren gian phoi", ENGLISH)

    # Then the story shows, under its heading, linking to it
    soup = soup_of(response)
    assert story_titles_on(response) == ["Mùa đông trên giàn phơi miến"]
    assert soup.select_one("#search-stories-title").get_text(strip=True) == "Stories"
    assert soup.select_one(".search-stories a")["href"] == story.url


@pytest.mark.django_db
def test_one_search_shows_products_and_stories_together(client, story_index):
    hoa = PartnerFactory(name="Cơ sở Nông Thị Hoa")
    ProductFactory(title="Miến dong Phia Đén 500g", seller=hoa)
    add_story(story_index, "Mùa đông trên giàn phơi", seller=hoa, paragraph="Chị Hoa làm <b>miến dong</b> từ năm 2015.")

    response = search(client, "Miến dong")

    titles = [title.get_text(strip=True) for title in soup_of(response).select(".product-card-title")]
    assert titles == ["Miến dong Phia Đén 500g"]
    # found by the words of its body, and by the maker's name
    assert story_titles_on(response) == ["Mùa đông trên giàn phơi"]
    assert story_titles_on(search(client, "nong thi hoa")) == ["Mùa đông trên giàn phơi"]


@pytest.mark.django_db
def test_an_unpublished_story_is_not_shown(client, story_index):
    add_story(story_index, "Mùa đông trên giàn phơi miến", publish=False)

    assert story_titles_on(search(client, "mua dong tren gian phoi")) == []


@pytest.mark.django_db
def test_a_draft_does_not_change_what_the_live_story_is_found_by(client, story_index):
    # Given a published story whose editor saves a retitled draft without publishing it
    story = add_story(story_index, "Mùa đông trên giàn phơi miến")
    story.title = "Hạt dẻ Trùng Khánh"
    story.save_revision()

    # Then search still finds the published words, not the draft's
    assert story_titles_on(search(client, "mua dong")) == ["Mùa đông trên giàn phơi miến"]
    assert story_titles_on(search(client, "hat de trung khanh")) == []


@pytest.mark.django_db
def test_at_most_three_stories_newest_first(client, story_index):
    for number in range(1, 6):
        add_story(story_index, f"Miến dong, mùa thứ {number}")

    assert story_titles_on(search(client, "mien dong")) == [
        "Miến dong, mùa thứ 5",
        "Miến dong, mùa thứ 4",
        "Miến dong, mùa thứ 3",
    ]


@pytest.mark.django_db
def test_search_queries_do_not_grow_with_the_stories(client, story_index, django_assert_max_num_queries):
    def stories_and_queries():
        search(client, "mien dong")  # the first request makes the thumbnails and caches site roots
        with django_assert_max_num_queries(MAX_SEARCH_QUERIES) as captured:
            response = search(client, "mien dong")
        return len(story_titles_on(response)), len(captured)

    # Given one matching story, then five, each about a maker with a photo
    add_story(story_index, "Miến dong số 0", seller=PartnerFactory(photo=portrait()), intro="Miến")
    small = stories_and_queries()
    for number in range(1, 5):
        add_story(story_index, f"Miến dong số {number}", seller=PartnerFactory(photo=portrait()))
    large = stories_and_queries()

    assert (small[0], large[0]) == (1, 3)
    assert large[1] <= small[1]


@pytest.mark.django_db
def test_stories_written_before_search_knew_stories_are_found_after_the_migration(client, story_index):
    # Given a published story whose folded text was never filled in
    add_story(story_index, "Mùa đông trên giàn phơi miến", paragraph="Gió lạnh Nguyên Bình.")
    StoryPage.objects.update(search_text="")
    assert story_titles_on(search(client, "mua dong")) == []

    # When the migration's data step runs
    migration = import_module("cms.migrations.0004_story_search_text")
    migration.fold_existing_stories(django_apps, None)

    # Then the story is found, by its title and by its body
    assert story_titles_on(search(client, "mua dong")) == ["Mùa đông trên giàn phơi miến"]
    assert story_titles_on(search(client, "gio lanh nguyen binh")) == ["Mùa đông trên giàn phơi miến"]


@pytest.fixture
def kept_parts(settings):
    """What pages keep drawn in memory (catalog.cards), as in production: the story texts search reads among them."""
    settings.CARD_CACHE_SECONDS = 600
    forget_kept()
    yield
    forget_kept()


@pytest.mark.django_db
def test_a_story_published_unpublished_or_made_private_is_found_or_not_at_once(client, story_index, kept_parts):
    add_story(story_index, "Miến dong mùa đầu")
    assert story_titles_on(search(client, "mien dong")) == ["Miến dong mùa đầu"]

    # Published after the stories were read for an earlier search: found at once
    newer = add_story(story_index, "Miến dong mùa sau")
    assert story_titles_on(search(client, "mien dong")) == ["Miến dong mùa sau", "Miến dong mùa đầu"]

    # Made private (logged-in visitors only): gone from search at once
    PageViewRestriction.objects.create(page=newer, restriction_type=PageViewRestriction.LOGIN)
    assert story_titles_on(search(client, "mien dong")) == ["Miến dong mùa đầu"]

    # Unpublished: gone too
    Page.objects.get(title="Miến dong mùa đầu").specific.unpublish()
    assert story_titles_on(search(client, "mien dong")) == []
