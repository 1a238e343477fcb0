"""Where each page type may live in the tree."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page, Site

from cms.models import EventIndexPage, HomePage, StandardPage, StoryIndexPage, StoryPage


@pytest.fixture
def home(db):
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def story_index(home):
    return home.add_child(instance=StoryIndexPage(title="Câu chuyện", slug="cau-chuyen"))


@pytest.fixture
def standard_page(home):
    return home.add_child(instance=StandardPage(title="Chương trình", slug="chuong-trinh"))


@pytest.mark.django_db
def test_home_page_is_the_sites_root(home):
    assert isinstance(home, HomePage)
    assert home.get_parent().depth == 1
    assert HomePage.can_create_at(Page.get_first_root_node())
    assert not HomePage.can_create_at(home)


def test_home_page_holds_the_story_index_and_standard_pages(home):
    assert set(home.specific_class.allowed_subpage_models()) == {StoryIndexPage, EventIndexPage, StandardPage}
    assert StoryIndexPage.can_create_at(home)
    assert StandardPage.can_create_at(home)
    assert not StoryPage.can_create_at(home)


def test_story_index_lives_only_under_the_home_page(story_index, standard_page):
    assert StoryIndexPage.allowed_parent_page_models() == [HomePage]
    assert not StoryIndexPage.can_create_at(Page.get_first_root_node())
    assert not StoryIndexPage.can_create_at(story_index)
    assert not StoryIndexPage.can_create_at(standard_page)


def test_stories_live_only_under_the_story_index(story_index, standard_page):
    assert StoryPage.can_create_at(story_index)
    assert not StoryPage.can_create_at(standard_page)
    assert StoryPage.allowed_subpage_models() == []
    assert StoryIndexPage.allowed_subpage_models() == [StoryPage]


def test_standard_pages_nest_under_home_and_each_other(story_index, standard_page):
    assert StandardPage.can_create_at(standard_page)
    assert not StandardPage.can_create_at(story_index)


def test_admin_refuses_a_story_directly_under_the_home_page(client, home, story_index):
    client.force_login(get_user_model().objects.create_superuser(email="quan.tri@example.vn", password="x"))

    # Wagtail's admin answers a refused page with a redirect to its dashboard
    refused_form = client.get(f"/cms/pages/add/cms/storypage/{home.pk}/")
    refused_post = client.post(f"/cms/pages/add/cms/storypage/{home.pk}/", {"title": "Lạc chỗ", "slug": "lac-cho"})
    allowed_form = client.get(f"/cms/pages/add/cms/storypage/{story_index.pk}/")

    assert (refused_form.status_code, refused_form.url) == (302, "/cms/")
    assert (refused_post.status_code, refused_post.url) == (302, "/cms/")
    assert not StoryPage.objects.exists()
    assert allowed_form.status_code == 200
