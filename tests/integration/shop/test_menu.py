"""The pages editors show in menus, in every page's header: read from the cache, and changed as soon as an
editor publishes, unpublishes or deletes one."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.models import HomePage, StandardPage
from tests.pages import ENGLISH, open_page, soup_of

pytestmark = pytest.mark.django_db


def menu_titles(response):
    return [a.get_text(strip=True) for a in soup_of(response).select("header .header-nav a, header nav a")]


def test_a_page_published_in_menus_shows_in_the_header_at_once_and_leaves_when_unpublished(client):
    open_page(client, "/shop/catalogue/", ENGLISH)  # the menu is cached without the page
    page = HomePage.objects.get().add_child(
        instance=StandardPage(title="Chương trình", slug="chuong-trinh", show_in_menus=True)
    )
    page.save_revision().publish()

    assert "Chương trình" in menu_titles(open_page(client, "/shop/catalogue/", ENGLISH))

    page.unpublish()
    assert "Chương trình" not in menu_titles(open_page(client, "/shop/catalogue/", ENGLISH))

    page.save_revision().publish()
    page.delete()
    assert "Chương trình" not in menu_titles(open_page(client, "/shop/catalogue/", ENGLISH))


def test_a_page_reads_the_menu_from_the_cache(client):
    HomePage.objects.get().add_child(
        instance=StandardPage(title="Chương trình", slug="chuong-trinh", show_in_menus=True)
    )
    open_page(client, "/shop/catalogue/", ENGLISH)

    with CaptureQueriesContext(connection) as page:
        response = open_page(client, "/shop/catalogue/", ENGLISH)

    assert "Chương trình" in menu_titles(response)
    assert not [q["sql"] for q in page.captured_queries if "wagtailcore_" in q["sql"]]
