"""The storefront, the seller portal and the staff's admin areas work under their Content-Security-Policy:
their scripts run, and the browser blocks nothing on them (the `phone` fixture fails on any violation)."""

import re

import pytest
from playwright.sync_api import expect
from wagtail.models import Page

from cms.models import StoryIndexPage, StoryPage
from tests.browser.conftest import another_window
from tests.factories import PASSWORD, ProductImageFactory, UserFactory
from tests.photos import sideways_phone_jpeg


def log_in(page, live_server, username):
    page.goto(live_server.url + "/shop/accounts/login/")
    page.locator("#id_login-username").fill(username)
    page.locator("#id_login-password").fill(PASSWORD)
    page.locator("button[name=login_submit]").click()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_buyer_seller_and_editor_pages_run_their_scripts_with_nothing_blocked(
    live_server, phone, product, seller_owner, tmp_path
):
    # Given a product with a photo, and a story with its card
    ProductImageFactory(product=product)
    home = Page.objects.get(depth=2, slug="home")
    index = home.add_child(instance=StoryIndexPage(title="Câu chuyện", slug="cau-chuyen"))
    body = [("product", {"product": product})]
    story = index.add_child(instance=StoryPage(title="Thạch đen của chị Mai", seller=product.seller, body=body))
    story.save_revision().publish()

    # When a buyer reads the story and opens the product from its card, and adds it to her basket
    phone.goto(live_server.url + story.url)
    phone.locator(".story-product").get_by_role("link").first.click()
    expect(phone.locator("h1")).to_have_text(product.title)
    phone.locator("#add_to_basket_form").get_by_role("button", name=re.compile("Thêm vào giỏ")).click()
    expect(phone.locator(".basket-count")).to_have_text("1")

    # Then the basket's script (shop/js/storefront.js, started by the nonced inline script) opens the voucher form
    phone.goto(live_server.url + "/shop/basket/")
    expect(phone.locator("#voucher_form_container")).to_be_hidden()
    phone.locator("#voucher_form_link a").click()
    expect(phone.locator("#voucher_form_container")).to_be_visible()

    # And the catalogue's filters leave empty fields out of the address they send
    phone.goto(live_server.url + "/shop/catalogue/")
    phone.locator(".filters-toggle").click()
    phone.get_by_role("button", name="Xem kết quả").click()
    expect(phone).to_have_url(re.compile(r"/shop/catalogue/\?sort=[^&]+$"))

    # When the seller, in another phone, picks a photo for a new product in her portal
    photo = tmp_path / "IMG_0042.JPG"
    photo.write_bytes(sideways_phone_jpeg(800, 600).read())
    with another_window(phone, viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True) as seller:
        log_in(seller, live_server, "0987 654 321")
        expect(seller).to_have_url(re.compile(r"/seller/$"))
        seller.get_by_role("link", name="Thêm sản phẩm").click()
        seller.get_by_text("Chọn ảnh có sẵn").locator("..").locator("input[type=file]").set_input_files(photo)

        # Then the picker's listener marks it chosen
        expect(seller.get_by_text("Chọn ảnh có sẵn").locator("..")).to_have_attribute("data-chosen", "1")

    # When a union officer of the Women's Union opens her desk, the story's editor, the dashboard and Django's admin
    UserFactory(email="van.hanh@example.vn", is_staff=True, is_superuser=True)
    with another_window(phone, viewport={"width": 1280, "height": 900}) as desk:
        log_in(desk, live_server, "van.hanh@example.vn")
        expect(desk).to_have_url(re.compile(r"/cms/$"))
        desk.goto(live_server.url + f"/cms/pages/{story.pk}/edit/")
        # Then Wagtail's editor has drawn the story's blocks (its scripts ran)
        expect(desk.locator("[data-streamfield-stream-container]").first).to_be_visible()
        expect(desk.locator("#id_title")).to_have_value("Thạch đen của chị Mai")
        # And its preview shows the story, in the editor's frame
        desk.locator("[data-side-panel-toggle=preview]").click()
        preview = desk.frame_locator("#w-preview-iframe")
        expect(preview.locator("h1")).to_have_text("Thạch đen của chị Mai")
        desk.goto(live_server.url + "/cms/images/multiple/add/")
        expect(desk.locator("#fileupload")).to_be_attached()
        desk.goto(live_server.url + f"/shop/dashboard/catalogue/products/{product.pk}/")
        expect(desk.locator(".tox-tinymce").first).to_be_visible()
        desk.goto(live_server.url + "/django-admin/")
        expect(desk.locator("#site-name")).to_be_visible()
