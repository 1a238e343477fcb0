import re

import pytest
from django.contrib.auth.models import Group
from oscar.core.loading import get_model
from playwright.sync_api import expect
from wagtail.models import Site

from cms.models import StoryIndexPage, StoryPage
from tests.browser.conftest import another_window
from tests.factories import PASSWORD, PartnerFactory, UserFactory

Partner = get_model("partner", "Partner")


@pytest.fixture
def desktop(phone):
    """A page in a 1280×900 Chromium window, for Wagtail's admin; the `phone` fixture starts the browser."""
    with another_window(phone, viewport={"width": 1280, "height": 900}) as page:
        yield page


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_union_editor_decides_an_application_from_her_home_then_publishes_a_story_with_a_product_card(
    live_server, desktop, product, tmp_path
):
    # Given a union editor, an application to sell waiting, the story index and a product of the shop
    editor = UserFactory(email="bien.tap.hoi@example.vn", first_name="Hoa", last_name="Nông", is_staff=True)
    editor.groups.add(Group.objects.get(name="Union editor"))
    applicant = PartnerFactory(name="Tổ dệt thổ cẩm Phja Đén", status=Partner.Status.APPLIED)
    home = Site.objects.get(is_default_site=True).root_page.specific
    index = home.add_child(instance=StoryIndexPage(title="Câu chuyện", slug="cau-chuyen"))
    page = desktop

    # When she logs in on the shop's login page
    page.goto(live_server.url + "/shop/accounts/login/")
    page.locator("#id_login-username").fill("bien.tap.hoi@example.vn")
    page.locator("#id_login-password").fill(PASSWORD)
    page.locator("button[name=login_submit]").click()

    # Then she lands on her home in the admin, where the application waits
    expect(page).to_have_url(re.compile(r"/cms/$"))
    applications = page.locator("#desk-applications-section")
    expect(applications.locator(".desk-count")).to_have_text("1")
    page.screenshot(path=str(tmp_path / "staff-home.png"), full_page=True)

    # And its link leads to the application, which she approves
    applications.get_by_role("link", name="Tổ dệt thổ cẩm Phja Đén").click()
    expect(page).to_have_url(re.compile(rf"/sellers/don-dang-ky/#application-{applicant.pk}$"))
    page.locator(f"#application-{applicant.pk} form[action$='/duyet/'] button").click()
    expect(page.locator(f"#application-{applicant.pk}")).to_have_count(0)
    applicant.refresh_from_db()
    assert applicant.status == Partner.Status.APPROVED

    # And writes a story with a title and an intro
    page.goto(f"{live_server.url}/cms/pages/add/cms/storypage/{index.pk}/")
    page.locator("#id_title").fill("Thạch đen của chị Mai")
    page.locator("#id_intro").fill("Chị Mai nấu thạch đen ở Phục Hòa.")

    # And adds a product card, choosing the product in the chooser
    page.locator("[data-contentpath=body] button.c-sf-add-button").first.click()
    page.get_by_role("option", name="Thẻ sản phẩm").click()
    page.get_by_role("button", name="Chọn sản phẩm").click()
    modal = page.locator(".modal-dialog")
    modal.get_by_role("link", name="Thạch đen Cao Bằng").click()
    expect(modal).to_be_hidden()
    expect(page.locator("[data-contentpath=body] [data-chooser-title]")).to_have_text("Thạch đen Cao Bằng")

    # And publishes it
    page.get_by_role("button", name="Thao tác khác").click()
    page.get_by_role("button", name="Xuất bản").click()
    expect(page.get_by_text("Đã tạo và xuất bản trang 'Thạch đen của chị Mai'.")).to_be_visible()
    page.screenshot(path=str(tmp_path / "story-published.png"), full_page=True)

    # Then the story is live, holding the card
    story = StoryPage.objects.get(title="Thạch đen của chị Mai")
    assert story.live
    assert [block.value["product"].pk for block in story.body] == [product.pk]

    # And the home page shows it, and it opens with its product card
    page.goto(live_server.url + "/")
    page.get_by_role("link", name=re.compile("Thạch đen của chị Mai")).first.click()
    expect(page.locator("h1")).to_have_text("Thạch đen của chị Mai")
    expect(page.get_by_text("Thạch đen Cao Bằng").first).to_be_visible()
