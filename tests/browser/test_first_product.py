"""A new seller adds her first product on her phone in six steps, and her shop's first screen fits a phone.

A step is one thing she must do to add it: open a page by tapping, pick a photo, type into a
field, choose from a list, or tap a button. Counting starts on her portal's first screen, once
she has logged in (logging in is not part of adding a product), and stops at the saved product.
What the form fills in for her (the kind, from the category; one to sell; shown to buyers)
is no step, nor is looking. Before the kind followed from the category it took eight: tap
"Thêm sản phẩm", photo, name, kind, category, price, stock, save.
"""

import re

import pytest
from django.contrib.auth.models import Group
from oscar.core.loading import get_model
from playwright.sync_api import expect

from sellers.onboarding import SELLER_GROUP
from tests.factories import PASSWORD, PartnerFactory, ProductFactory, UserFactory, create_category, place_order
from tests.photos import sideways_phone_jpeg

Product = get_model("catalogue", "Product")

NBSP = "\xa0"
MOST_STEPS = 6


class Steps:
    """What she does, one step each, in the order she does it."""

    def __init__(self):
        self.done = []

    def tap(self, locator, what):
        locator.click()
        self.done.append(f"tap {what}")

    def type(self, locator, text, what):
        locator.fill(text)
        self.done.append(f"type {what}")

    def choose(self, locator, label, what):
        locator.select_option(label=label)
        self.done.append(f"choose {what}")

    def pick_photo(self, input_, path):
        input_.set_input_files(path)
        self.done.append("pick a photo")


def log_in(page, url, username):
    page.goto(url + "/shop/accounts/login/")
    page.locator("#id_login-username").fill(username)
    page.locator("#id_login-password").fill(PASSWORD)
    page.locator("button[name=login_submit]").click()
    expect(page).to_have_url(re.compile(r"/seller/$"))
    # Measured before its stylesheet arrives (a busy machine), the page would be laid out unstyled.
    page.wait_for_load_state("load")


def new_seller(name, owner_name, given_name, phone):
    seller = PartnerFactory(name=name, owner_name=owner_name)
    owner = UserFactory(email=None, first_name=given_name, last_name=owner_name.split()[0], phone=phone)
    owner.groups.add(Group.objects.get(name=SELLER_GROUP))
    seller.users.add(owner)
    return seller


def assert_fully_above_the_tab_bar(page, locator):
    """`locator` is whole on the first screen: inside the window, above the fixed tab bar at its bottom."""
    box = locator.bounding_box()
    tabs = page.locator(".portal-tabs").bounding_box()
    width, height = page.viewport_size["width"], page.viewport_size["height"]
    assert box["x"] >= 0
    assert box["y"] >= 0
    assert box["x"] + box["width"] <= width
    above = page.evaluate(
        """([y]) => [...document.querySelectorAll('main *, .portal-messages *')]
            .filter(e => e.children.length === 0 && e.getBoundingClientRect().bottom <= y && e.innerText)
            .map(e => `${Math.round(e.getBoundingClientRect().top)}: ${e.innerText.trim()}`)""",
        [box["y"]],
    )
    assert box["y"] + box["height"] <= tabs["y"], f"{box} runs under the tab bar at {tabs['y']} px, under: {above}"
    assert tabs["y"] + tabs["height"] <= height + 0.5


def lines_of(locator):
    """How many lines a block of text takes on the screen."""
    script = "e => Math.round(e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight))"
    return locator.evaluate(script)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_new_seller_adds_her_first_product_in_six_steps_and_buyers_see_it(live_server, phone, tmp_path):
    # Given an approved seller with no products yet, and the shop's categories
    new_seller("Cơ sở Chè Shan tuyết Phìa Oắc", "Hoàng Thị Thu", "Thu", "0912 345 888")
    create_category("Đặc sản > Thạch đen")
    create_category("Đồ uống > Chè")
    photo = tmp_path / "IMG_0107.JPG"
    photo.write_bytes(sideways_phone_jpeg(800, 600).read())

    # When she logs in on her phone
    log_in(phone, live_server.url, "0912 345 888")

    # Then her shop's first screen offers "Thêm sản phẩm", whole, above the tab bar
    add = phone.get_by_role("link", name="Thêm sản phẩm")
    expect(add).to_be_visible()
    assert_fully_above_the_tab_bar(phone, add)
    phone.screenshot(path=str(tmp_path / "first-screen-of-a-new-seller.png"))

    # When she adds her first product, doing only what the form cannot know
    steps = Steps()
    steps.tap(add, "“Thêm sản phẩm”")
    expect(phone.locator("h1")).to_have_text("Thêm sản phẩm")
    steps.pick_photo(phone.get_by_text("Chọn ảnh có sẵn").locator("..").locator("input[type=file]"), photo)
    steps.type(phone.get_by_label("Tên sản phẩm"), "Chè Shan tuyết Phìa Oắc hộp 200 g", "the name")
    steps.choose(phone.get_by_label("Danh mục"), "Đồ uống › Chè", "the category")
    steps.type(phone.get_by_label("Giá (đồng)"), "150.000", "the price")
    # (the stock starts at 1 and "Cho người mua xem" is ticked: nothing to do for a first product)
    expect(phone.get_by_label("Còn lại")).to_have_value("1")
    expect(phone.get_by_label("Cho người mua xem (đang bán)")).to_be_checked()
    save = phone.get_by_role("button", name="Lưu")
    save.scroll_into_view_if_needed()
    phone.screenshot(path=str(tmp_path / "first-product-filled-in.png"), full_page=True)
    steps.tap(save, "“Lưu”")

    # Then it took six steps
    assert steps.done == [
        "tap “Thêm sản phẩm”",
        "pick a photo",
        "type the name",
        "choose the category",
        "type the price",
        "tap “Lưu”",
    ]
    assert len(steps.done) <= MOST_STEPS

    # And her list shows it with its photo, price and the one to sell
    expect(phone).to_have_url(re.compile(r"/seller/san-pham/"))
    expect(phone.locator(".portal-message")).to_have_text("Đã lưu “Chè Shan tuyết Phìa Oắc hộp 200 g”.")
    row = phone.locator(".product-row", has_text="Chè Shan tuyết Phìa Oắc hộp 200 g")
    expect(row).to_contain_text(f"150.000{NBSP}₫")
    expect(row.locator(".stepper-value")).to_contain_text("1")
    expect(row.locator("img")).to_have_count(1)
    # of the kind its category says, with a SKU made for it
    product = Product.objects.get(title="Chè Shan tuyết Phìa Oắc hộp 200 g")
    assert product.product_class.name == "Đồ uống"
    assert product.stockrecords.get().partner_sku == f"SP-{product.pk}"

    # And buyers see it in the shop straight away (no approval for a product), made by her
    phone.goto(live_server.url + "/shop/search/?q=che+shan+tuyet+phia+oac")
    card = phone.locator(".product-card", has_text="Chè Shan tuyết Phìa Oắc hộp 200 g")
    expect(card).to_contain_text(f"150.000{NBSP}₫")
    card.get_by_role("link").first.click()
    expect(phone.locator("h1")).to_have_text("Chè Shan tuyết Phìa Oắc hộp 200 g")
    expect(phone.locator(".maker-card")).to_contain_text("Cơ sở Chè Shan tuyết Phìa Oắc")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_busy_shops_first_screen_shows_add_a_product_whole_and_names_on_two_lines_at_most(
    live_server, phone, tmp_path
):
    # Given a cooperative with a long name, products with long names running out, and orders waiting
    seller = new_seller(
        "Hợp tác xã Nông nghiệp Miến dong Phia Đén Nguyên Bình", "Nông Thị Hạnh", "Hạnh", "0912 345 777"
    )
    category = create_category("Đặc sản > Miến dong")
    products = [
        ProductFactory(seller=seller, title=title, categories=[category], stockrecords__num_in_stock=stock)
        for title, stock in [
            ("Bột dong riềng nguyên chất Phia Đén túi giấy kraft 500 g", 0),
            ("Miến dong sợi nhỏ làm thủ công từ củ dong riềng Nguyên Bình 300 g", 2),
            ("Hộp quà miến dong Phia Đén ba gói", 40),
        ]
    ]
    buyer = UserFactory()
    place_order(buyer, products[2])
    place_order(buyer, (products[2], 2))

    # When she logs in on her phone
    log_in(phone, live_server.url, "0912 345 777")

    # Then "Thêm sản phẩm" is whole on the first screen, above the tab bar
    add = phone.get_by_role("link", name="Thêm sản phẩm")
    assert_fully_above_the_tab_bar(phone, add)
    expect(phone.locator(".stat").first).to_contain_text("2")

    # And her shop's name and her products' names take two lines at most, cut with an ellipsis
    shop = phone.locator(".portal-brand-shop")
    assert lines_of(shop) <= 2
    titles = phone.locator(".rows .row-title")
    expect(titles).to_have_count(2)
    for index in range(2):
        assert lines_of(titles.nth(index)) <= 2
    assert titles.first.evaluate("element => element.scrollHeight > element.clientHeight")  # cut, not hidden
    phone.screenshot(path=str(tmp_path / "first-screen-of-a-busy-shop.png"))
