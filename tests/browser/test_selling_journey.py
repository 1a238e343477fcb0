import re

import pytest
from django.contrib.auth.models import Group
from oscar.core.loading import get_model
from playwright.sync_api import expect

from sellers.onboarding import SELLER_GROUP
from tests.factories import PASSWORD, PartnerFactory, UserFactory, create_category
from tests.photos import sideways_phone_jpeg

Product = get_model("catalogue", "Product")

NBSP = "\xa0"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_seller_on_her_phone_adds_a_product_with_a_photo_and_finds_it_in_the_shop(live_server, phone, tmp_path):
    # Given an approved seller whose account has only a phone number, and the shop's categories
    seller = PartnerFactory(name="Cơ sở Thạch đen Lục Duyên", owner_name="Lục Thị Duyên")
    owner = UserFactory(email=None, first_name="Duyên", last_name="Lục", phone="0912 345 999")
    owner.groups.add(Group.objects.get(name=SELLER_GROUP))
    seller.users.add(owner)
    create_category("Đặc sản > Thạch đen")
    photo = tmp_path / "IMG_0042.JPG"
    photo.write_bytes(sideways_phone_jpeg(800, 600).read())

    # When she logs in with her phone number written as she says it
    phone.goto(live_server.url + "/shop/accounts/login/")
    phone.locator("#id_login-username").fill("0912 345 999")
    phone.locator("#id_login-password").fill(PASSWORD)
    phone.locator("button[name=login_submit]").click()

    # Then she is in her shop
    expect(phone).to_have_url(re.compile(r"/seller/$"))
    expect(phone.locator("h1")).to_have_text("Chào chị Duyên")

    # When she taps "Thêm sản phẩm", picks a photo from her phone and fills in the few fields (the kind follows)
    phone.get_by_role("link", name="Thêm sản phẩm").click()
    phone.get_by_text("Chọn ảnh có sẵn").locator("..").locator("input[type=file]").set_input_files(photo)
    phone.get_by_label("Tên sản phẩm").fill("Thạch đen Lục Duyên túi 1 kg")
    phone.get_by_label("Danh mục").select_option(label="Đặc sản › Thạch đen")
    phone.get_by_label("Giá (đồng)").fill("95.000")
    phone.get_by_label("Còn lại").fill("12")
    phone.get_by_label("Giới thiệu sản phẩm").fill("Thạch đen nấu từ cây sương sáo trồng trên nương.")
    save = phone.get_by_role("button", name="Lưu")
    save.scroll_into_view_if_needed()
    phone.screenshot(path=str(tmp_path / "add-product-on-a-phone.png"), full_page=True)
    save.click()

    # Then her list shows it with its photo, price and stock
    expect(phone).to_have_url(re.compile(r"/seller/san-pham/"))
    assert Product.objects.get(title="Thạch đen Lục Duyên túi 1 kg").product_class.name == "Thực phẩm"
    row = phone.locator(".product-row", has_text="Thạch đen Lục Duyên túi 1 kg")
    expect(row).to_contain_text(f"95.000{NBSP}₫")
    expect(row).to_contain_text("12")
    expect(row.locator("img")).to_have_count(1)

    # And a buyer searching the shop without accents finds it, made by her
    phone.goto(live_server.url + "/shop/search/?q=thach+den+luc+duyen")
    card = phone.locator(".product-card", has_text="Thạch đen Lục Duyên túi 1 kg")
    expect(card).to_contain_text(f"95.000{NBSP}₫")
    card.get_by_role("link").first.click()
    expect(phone.locator("h1")).to_have_text("Thạch đen Lục Duyên túi 1 kg")
    expect(phone.locator(".maker-card")).to_contain_text("Cơ sở Thạch đen Lục Duyên")
    expect(phone.locator(".product-gallery img").first).to_be_visible()
