"""New stories' addresses are ASCII (/cau-chuyen/chi-hoa-va-.../), whether the editor's browser filled the slug from
the title, she typed one with accents, or left it empty."""

import json

import pytest
from wagtail.models import Page

from cms.models import StoryIndexPage, StoryPage
from tests.factories import UserFactory
from tests.integration.cms.test_staff_workflow import story_form
from tests.pages import soup_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def story_index():
    home = Page.objects.get(depth=2, slug="home")
    return home.add_child(instance=StoryIndexPage(title="Câu chuyện", slug="cau-chuyen"))


@pytest.fixture
def editor(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))


def add_story(client, index, title, slug):
    data = story_form(title, slug, **{"action-publish": "Publish"})
    response = client.post(f"/cms/pages/add/cms/storypage/{index.pk}/", data)
    assert response.status_code == 302, response.context["form"].errors
    return StoryPage.objects.get(title=title)


def test_a_story_added_in_the_admin_without_a_slug_gets_an_ascii_address(client, editor, story_index):
    story = add_story(client, story_index, "Chị Hoa và nương dong Đông Khê", "")

    assert story.slug == "chi-hoa-va-nuong-dong-dong-khe"
    assert story.url == "/cau-chuyen/chi-hoa-va-nuong-dong-dong-khe/"
    assert client.get(story.url).status_code == 200


def test_a_slug_typed_with_accents_is_saved_without_them(client, editor, story_index):
    story = add_story(client, story_index, "Mùa đông", "mùa-đông-ở-phia-đén")

    assert story.slug == "mua-dong-o-phia-den"


def test_a_page_made_in_code_without_a_slug_is_given_an_ascii_one(story_index):
    story = story_index.add_child(instance=StoryPage(title="Đông về trên đèo Mã Phục"))
    again = story_index.add_child(instance=StoryPage(title="Đông về trên đèo Mã Phục"))

    assert (story.slug, again.slug) == ("dong-ve-tren-deo-ma-phuc", "dong-ve-tren-deo-ma-phuc-2")


def test_the_admin_fills_the_slug_from_the_title_in_ascii(client, editor, story_index, settings):
    page = soup_of(client.get(f"/cms/pages/add/cms/storypage/{story_index.pk}/"))

    # Wagtail's autofill transliterates (no Unicode slugs), and is told the Vietnamese letters its maps lack
    slug = page.select_one("input#id_slug")
    assert settings.WAGTAIL_ALLOW_UNICODE_SLUGS is False
    assert slug["data-controller"] == "w-slug"
    assert slug.get("data-w-slug-allow-unicode-value") in (None, "false", "False")
    replaced = {plain: pattern for (pattern, _flags), plain in json.loads(slug["data-w-slug-formatters-value"])}
    assert "đ" in replaced["d"]
    assert "Đ" in replaced["d"]
    assert all(letter in replaced["a"] for letter in "ạăắâầẬ")
    assert all(letter in replaced["i"] for letter in "ịỉ")


def test_an_older_storys_accented_address_stays_when_she_edits_it(client, editor, story_index):
    # Given a story published before addresses were ASCII
    story = story_index.add_child(instance=StoryPage(title="Chị Hoa", slug="chị-hoa"))

    # When an editor fixes a typo in its title, and then changes its address
    data = story_form("Chị Hoà", "chị-hoa", **{"action-publish": "Publish"})
    assert client.post(f"/cms/pages/{story.pk}/edit/", data).status_code == 302
    kept = StoryPage.objects.get(pk=story.pk)
    data = story_form("Chị Hoà", "chị-hoà-ở-đông-khê", **{"action-publish": "Publish"})
    assert client.post(f"/cms/pages/{story.pk}/edit/", data).status_code == 302

    # Then the typo's fix keeps its address, and the address she changed is written in ASCII
    assert (kept.title, kept.slug) == ("Chị Hoà", "chị-hoa")
    assert StoryPage.objects.get(pk=story.pk).slug == "chi-hoa-o-dong-khe"
