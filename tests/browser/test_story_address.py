"""A new story's address, filled in Wagtail's admin as the editor types its title, is ASCII: "đ" is "d", and the
Vietnamese letters Wagtail's own maps lack keep their plain letter (cms/forms.py)."""

import re

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect
from wagtail.models import Site

from cms.models import StoryIndexPage, StoryPage
from tests.browser.conftest import another_window
from tests.factories import PASSWORD, UserFactory


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_admin_fills_a_new_storys_address_in_ascii_from_its_title(live_server, phone):
    editor = UserFactory(email="bien.tap@example.vn", is_staff=True)
    editor.groups.add(Group.objects.get(name="Union editor"))
    home = Site.objects.get(is_default_site=True).root_page.specific
    index = home.add_child(instance=StoryIndexPage(title="Câu chuyện", slug="cau-chuyen"))

    with another_window(phone, viewport={"width": 1280, "height": 900}) as page:
        page.goto(live_server.url + "/shop/accounts/login/")
        page.locator("#id_login-username").fill("bien.tap@example.vn")
        page.locator("#id_login-password").fill(PASSWORD)
        page.locator("button[name=login_submit]").click()
        page.goto(f"{live_server.url}/cms/pages/add/cms/storypage/{index.pk}/")

        # When she types the title of a new story
        page.locator("#id_title").fill("Chị Hoa và nương dong Đông Khê")
        page.locator("#id_intro").fill("Mùa thu hoạch dong riềng.")

        # Then its address is filled in plain letters, and the story is published there
        expect(page.locator("#id_slug")).to_have_value("chi-hoa-va-nuong-dong-dong-khe")
        page.get_by_role("button", name="Thao tác khác").click()
        page.get_by_role("button", name="Xuất bản").click()
        expect(page.get_by_text(re.compile("Đã tạo và xuất bản trang"))).to_be_visible()
        assert StoryPage.objects.get().url == "/cau-chuyen/chi-hoa-va-nuong-dong-dong-khe/"
