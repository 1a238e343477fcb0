import re

import pytest
from playwright.sync_api import expect

from tests.factories import PASSWORD, PartnerFactory, union_staff


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_union_officer_reads_the_figures_on_her_phone_with_small_groups_hidden(live_server, phone):
    # Given six Tày sellers and two Nùng sellers who agreed to be counted, and a Mông seller who did not
    for group, count in (("Tày", 6), ("Nùng", 2)):
        for _ in range(count):
            PartnerFactory(ethnic_group=group, count_ethnic_group=True)
    PartnerFactory(ethnic_group="Mông")
    union_staff("Union officer", "can.bo.so.lieu@example.vn")
    page = phone
    asked = []
    page.on("request", lambda request: asked.append((request.resource_type, request.url)))

    # When the officer signs in and opens the figures from the admin's menu
    page.goto(live_server.url + "/cms/")
    page.locator("#id_username").fill("can.bo.so.lieu@example.vn")
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page).to_have_url(re.compile(r"/cms/$"))
    link = page.locator('a[href="/cms/figures/"]').first
    expect(link).to_be_attached()
    page.goto(live_server.url + link.get_attribute("href"))

    # Then the ethnic groups show the Tày count, hide the Nùng one and leave out the Mông seller
    table = page.get_by_role("table", name=re.compile("consented|đồng ý", re.IGNORECASE))
    expect(table.get_by_role("row", name=re.compile(r"^Tày 6"))).to_be_visible()
    expect(table.get_by_role("row", name=re.compile(r"^Nùng <5"))).to_be_visible()
    expect(table).not_to_contain_text("Mông")
    # And the charts are drawn in the page, no wider than her phone, with no script, style or font from another
    # site (Wagtail's menu asks Gravatar for her picture: an image, and not the figures')
    chart = page.locator("svg.pygal-chart").first
    chart.scroll_into_view_if_needed()
    assert chart.bounding_box()["width"] <= 360
    elsewhere = [
        url for kind, url in asked if kind in ("script", "stylesheet", "font") and not url.startswith(live_server.url)
    ]
    assert elsewhere == []
