import re

import pytest
from playwright.sync_api import expect

from cms.models import HomePage, StoryIndexPage, StoryPage
from tests.factories import PartnerFactory, ProductFactory, ProductImageFactory, ward_code


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_buyer_types_mien_dong_without_accents_and_meets_the_woman_who_makes_it(live_server, phone):
    # Given a seller of arrowroot noodles, with a story about her, and another seller's jelly
    hoa = PartnerFactory(
        name="Hợp tác xã Miến dong Phia Đén", owner_name="Nông Thị Hoa", commune_code=ward_code("Xã Thành Công")
    )
    noodles = ProductFactory(title="Miến dong Phia Đén gói 500g", seller=hoa)
    ProductImageFactory(product=noodles)
    ProductFactory(
        title="Nem cuốn Cao Bằng",
        description="<p>Cuốn bằng miến dong Phia Đén.</p>",
        seller=PartnerFactory(name="Quán Nem Bà Lan"),
    )
    ProductFactory(title="Thạch đen Thạch An", seller=PartnerFactory(name="Cơ sở Thạch đen Lục Duyên"))
    index = HomePage.objects.get().add_child(instance=StoryIndexPage(title="Câu chuyện", slug="cau-chuyen"))
    index.add_child(instance=StoryPage(title="Mùa đông trên giàn phơi miến", slug="mua-dong", seller=hoa))

    # When she types "mien dong", without accents, in the search box of the home page
    phone.goto(live_server.url + "/")
    phone.get_by_role("searchbox").fill("mien dong")
    phone.get_by_role("searchbox").press("Enter")

    # Then the noodles named so come first, a product that only mentions them after, the jelly not at all
    results = phone.locator(".product-card")
    expect(results).to_have_count(2)
    expect(results.first).to_contain_text("Miến dong Phia Đén gói 500g")
    expect(results.nth(1)).to_contain_text("Nem cuốn Cao Bằng")
    expect(phone.locator("main")).not_to_contain_text("Thạch đen Thạch An")

    # When she opens the first result
    results.first.get_by_role("link").first.click()

    # Then she sees the maker's card, and from it reaches her page with her story
    expect(phone.locator("h1")).to_have_text("Miến dong Phia Đén gói 500g")
    maker = phone.locator(".maker-card")
    expect(maker).to_contain_text("Hợp tác xã Miến dong Phia Đén")
    expect(maker).to_contain_text("Nông Thị Hoa")
    maker.get_by_role("link", name=re.compile("Hợp tác xã Miến dong Phia Đén")).click()
    expect(phone).to_have_url(re.compile(r"/sellers/hop-tac-xa-mien-dong-phia-den/$"))
    expect(phone.locator("h1")).to_have_text("Hợp tác xã Miến dong Phia Đén")
    expect(phone.locator("main")).to_contain_text("Mùa đông trên giàn phơi miến")
    expect(phone.locator(".product-card")).to_contain_text("Miến dong Phia Đén gói 500g")
