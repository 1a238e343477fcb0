"""A union officer changes a price in a seller's shop for her, from /cms/; the seller reads it in her log."""

import re
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from playwright.sync_api import expect

from sellers.onboarding import SELLER_GROUP
from tests.browser.conftest import another_window
from tests.factories import PASSWORD, PartnerFactory, ProductFactory, UserFactory, create_category, union_staff

DESKTOP = {"viewport": {"width": 1280, "height": 800}}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_officers_price_change_for_a_seller_is_in_her_log(live_server, phone):
    # Given a seller who lets her officer work on her shop, with her miến dong at 60.000 ₫
    lan = PartnerFactory(name="Cơ sở Miến dong Vi Lan", owner_name="Vi Thị Lan", union_may_act=True)
    owner = UserFactory(email=None, first_name="Lan", last_name="Vi", phone="0912 345 997")
    owner.groups.add(Group.objects.get(name=SELLER_GROUP))
    lan.users.add(owner)
    noodles = ProductFactory(
        title="Miến dong 500g",
        seller=lan,
        stockrecords__price=Decimal("60000"),
        categories=[create_category("Đặc sản > Miến dong")],
    )
    union_staff("Union officer", "can.bo@example.vn")  # Hoàng Thị Thu

    with another_window(phone, **DESKTOP) as office:
        # When the officer logs in to /cms/, opens her list of sellers and works on Lan's shop
        office.goto(live_server.url + reverse("acting-for-seller:sellers"))
        office.locator("#id_username").fill("can.bo@example.vn")
        office.locator("#id_password").fill(PASSWORD)
        office.locator("form button[type=submit]").first.click()
        office.locator(f"form[action='{reverse('acting-for-seller:start', args=[lan.pk])}'] button").click()

        # Then she is in Lan's shop, and the banner says she is working for Lan
        expect(office).to_have_url(re.compile(r"/seller/$"))
        banner = office.locator(".portal-acting")
        expect(banner).to_contain_text("Hoàng Thị Thu")
        expect(banner).to_contain_text("Vi Thị Lan")

        # When she changes the price to 65.000 ₫ and saves, then stops
        office.goto(live_server.url + reverse("seller-portal:product-edit", kwargs={"product_pk": noodles.pk}))
        expect(office.locator(".portal-acting")).to_be_visible()
        office.locator("#id_price").fill("65.000")
        office.locator("form button.btn-go[type=submit]").click()
        expect(office).to_have_url(re.compile(r"/seller/san-pham/(#product-\d+)?$"))
        office.locator(".portal-acting button").click()
        expect(office).to_have_url(re.compile(r"/cms/lam-thay/$"))

    # Then Lan, on her phone, reads in her log who changed the price, from what to what
    phone.goto(live_server.url + "/shop/accounts/login/")
    phone.locator("#id_login-username").fill("0912 345 997")
    phone.locator("#id_login-password").fill(PASSWORD)
    phone.locator("button[name=login_submit]").click()
    phone.goto(live_server.url + reverse("seller-portal:log"))
    entry = phone.locator(".log li").first
    expect(entry).to_contain_text("Hoàng Thị Thu")
    expect(entry).to_contain_text("Miến dong 500g: 60.000\xa0₫ → 65.000\xa0₫")
    expect(phone.locator(".portal-acting")).to_have_count(0)
