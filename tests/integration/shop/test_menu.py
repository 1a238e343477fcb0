"""The pages editors show in menus, in every page's header: read from the cache, and changed as soon as an
editor publishes, unpublishes or deletes one."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.models import HomePage, StandardPage
from tests.factories import UserFactory
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


@pytest.mark.django_db
def test_the_footer_links_applications_for_an_editor_and_asks_a_customer_no_permission(client):
    editor = UserFactory(email="bientap@example.vn", is_staff=True)
    editor.groups.add(Group.objects.get(name="Union editor"))
    client.force_login(editor)
    footer = soup_of(open_page(client, "/shop/catalogue/", ENGLISH)).select_one("footer")
    assert "Applications to sell" in footer.get_text()

    client.force_login(UserFactory(email="khach@example.vn"))
    with CaptureQueriesContext(connection) as captured:
        footer = soup_of(open_page(client, "/shop/catalogue/", ENGLISH)).select_one("footer")
    assert "Applications to sell" not in footer.get_text()
    assert not [query for query in captured.captured_queries if "auth_permission" in query["sql"]]
