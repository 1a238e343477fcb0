"""The header on a 360 px phone: every main section is on screen and a tap away, the shop's name on one line, the
search hint whole; a seller's products start within the first screen and a half of her page."""

import re

import pytest
from playwright.sync_api import expect

from cms.models import HomePage, StandardPage, StoryIndexPage, StoryPage
from tests.browser.conftest import another_window
from tests.factories import PartnerFactory, ProductFactory, ProductImageFactory, create_category, ward_code

WIDTH, HEIGHT = 360, 740
# A screen and a half of a 740 px phone: where a seller's first product card must start at the latest.
SELLER_PRODUCTS_BY = 1110
LONG_STORY = "\n\n".join(
    [
        "Chị Nông Thị Hạnh sinh ra và lớn lên dưới chân núi Phia Oắc, nơi mùa đông sương phủ trắng những nương dong.",
        "Từ tháng Mười một đến tháng Giêng, hợp tác xã của chị lọc bột, tráng bánh rồi phơi miến trên giàn tre.",
        "Năm 2019, chị được Hội Liên hiệp Phụ nữ tỉnh hỗ trợ vốn vay và học lớp khởi nghiệp, nhờ đó mua được máy.",
        "Hôm nay hợp tác xã có mười hai thành viên, phần lớn là chị em người Tày, người Dao trong xã.",
    ]
    * 2
)


@pytest.fixture
def shop():
    """The sections the header leads to, and a seller with a long story and a few products."""
    home = HomePage.objects.get()
    stories = home.add_child(instance=StoryIndexPage(title="Câu chuyện", slug="cau-chuyen", show_in_menus=True))
    home.add_child(instance=StandardPage(title="Về chương trình", slug="ve-chuong-trinh", show_in_menus=True))
    seller = PartnerFactory(
        name="Hợp tác xã Miến dong Phia Đén",
        owner_name="Nông Thị Hạnh",
        kind="cooperative",
        members=12,
        commune_code=ward_code("Xã Thành Công"),
        story=LONG_STORY,
    )
    category = create_category("Đặc sản > Miến dong")
    for title in ("Miến dong Phia Đén gói 500g", "Miến dong sợi nhỏ 300g", "Bột dong riềng 500g"):
        ProductImageFactory(product=ProductFactory(title=title, seller=seller, categories=[category]))
    stories.add_child(instance=StoryPage(title="Mùa đông trên giàn phơi miến", slug="mua-dong", seller=seller))
    return seller


def box(locator):
    locator.page.wait_for_load_state("load")  # not laid out before its stylesheet arrives
    return locator.bounding_box()


def assert_on_screen_and_tappable(page, locator, name):
    """Within the 360×740 screen, not clipped by a row that scrolls, the element itself at its centre, 44 px tall."""
    expect(locator).to_be_visible()
    rect = box(locator)
    assert 0 <= rect["x"] <= rect["x"] + rect["width"] <= WIDTH, f"{name} sticks out sideways: {rect}"
    assert 0 <= rect["y"] <= rect["y"] + rect["height"] <= HEIGHT, f"{name} is below the screen: {rect}"
    assert min(rect["height"], rect["width"]) >= 44, f"{name} is a small target: {rect}"
    at_centre = locator.evaluate(
        """element => {
            const r = element.getBoundingClientRect();
            const found = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
            return element === found || element.contains(found);
        }"""
    )
    assert at_centre, f"{name} is covered or scrolled out of its row"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_every_section_is_a_tap_away_in_the_phone_header(live_server, phone, shop):
    home = live_server.url + "/"
    phone.goto(home)
    header = phone.locator(".site-header")

    # The shop's name on one line, beside the actions, not under them
    name = header.locator(".brand-name")
    line = name.evaluate("element => parseFloat(getComputedStyle(element).lineHeight)")
    assert box(name)["height"] <= line * 1.2
    assert box(name)["x"] + box(name)["width"] <= box(header.locator(".header-actions"))["x"]

    # The search hint is whole: its text fits the box's inside
    search = header.get_by_role("searchbox")
    hint, room, needed = search.evaluate(
        """input => {
            const style = getComputedStyle(input);
            const context = document.createElement("canvas").getContext("2d");
            context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
            const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
            return [input.placeholder, room, context.measureText(input.placeholder).width];
        }"""
    )
    assert hint == "Tìm: miến dong, hạt dẻ…"
    assert needed <= room, f"the hint needs {needed} px, the box has {room}"

    # Each section: on screen, tappable, and leads to its page
    sections = [
        ("Sản phẩm", r"/shop/catalogue/$", "Tất cả sản phẩm"),
        ("Người bán", r"/sellers/$", None),
        ("Câu chuyện", r"/cau-chuyen/$", "Câu chuyện"),
        ("Về chương trình", r"/ve-chuong-trinh/$", "Về chương trình"),
        ("Đăng nhập", r"/shop/accounts/login/", None),
        ("Giỏ hàng", r"/shop/basket/$", None),
    ]
    for label, address, heading in sections:
        link = header.get_by_role("link", name=re.compile(rf"^{label}"))
        assert_on_screen_and_tappable(phone, link, label)
        link.click()
        expect(phone).to_have_url(re.compile(address))
        if heading:
            expect(phone.locator("h1")).to_contain_text(heading)
        phone.goto(home)

    # The search: the box and its button are on screen, and a search lands on the results
    assert_on_screen_and_tappable(phone, search, "the search box")
    button = header.get_by_role("button", name="Tìm kiếm")
    assert_on_screen_and_tappable(phone, button, "the search button")
    search.fill("mien dong")
    button.click()
    expect(phone).to_have_url(re.compile(r"/shop/search/\?q=mien\+dong"))
    expect(phone.locator(".product-card").first).to_contain_text("Miến dong")

    # The language: on screen, and the page comes back in English
    phone.goto(home)
    english = header.get_by_role("button", name="English")
    assert_on_screen_and_tappable(phone, english, "English")
    english.click()
    expect(phone.locator("html")).to_have_attribute("lang", re.compile(r"^en"))
    expect(phone.locator(".site-header").get_by_role("link", name="Products", exact=True)).to_be_visible()
    expect(phone.locator(".site-header").get_by_role("button", name="Tiếng Việt")).to_be_visible()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_header_keeps_one_row_of_sections_at_1280(live_server, phone, shop):
    with another_window(phone, viewport={"width": 1280, "height": 800}) as desktop:
        desktop.goto(live_server.url + "/")
        nav = desktop.locator(".main-nav")
        rows = {round(box(link)["y"]) for link in nav.get_by_role("link").all()}
        assert len(rows) == 1
        assert box(nav)["height"] <= 56
        assert box(desktop.locator(".header-bar"))["height"] <= 80


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_sellers_products_start_within_a_screen_and_a_half_of_her_page(live_server, phone, shop):
    phone.goto(live_server.url + shop.get_absolute_url())

    expect(phone.locator("h1")).to_have_text("Hợp tác xã Miến dong Phia Đén")
    first_card = phone.locator(".product-card").first
    expect(first_card).to_be_visible()
    top = first_card.evaluate("card => card.getBoundingClientRect().top + window.scrollY")
    assert top <= SELLER_PRODUCTS_BY, f"her first product starts at {top} px"

    # A few lines of her story lead to the rest, below her products
    phone.get_by_role("link", name="Đọc tiếp câu chuyện").click()
    expect(phone).to_have_url(re.compile(r"#her-story$"))
    story = phone.locator("#her-story")
    expect(story).to_be_in_viewport()
    expect(story).to_contain_text("mười hai thành viên")
    expect(story.locator(".story-card")).to_contain_text("Mùa đông trên giàn phơi miến")
