import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from tests.factories import PartnerFactory, ProductFactory, ProductImageFactory

NBSP = "\xa0"


def add_to_basket_from_home_page(page, home_url, title):
    """Tap a product's card on the home page, then "Thêm vào giỏ" on its page."""
    page.goto(home_url)
    page.locator(".product-card", has_text=title).get_by_role("link").first.click()
    expect(page.locator("h1")).to_have_text(title)
    page.locator("#add_to_basket_form").get_by_role("button", name=re.compile("Thêm vào giỏ")).click()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_customer_on_a_phone_fills_one_basket_from_two_sellers_and_sees_the_total_in_dong(live_server, phone, tmp_path):
    # Given two sellers' products, with photos
    thach_den = PartnerFactory(name="Hợp tác xã Thạch đen Phục Hòa")
    hat_de = PartnerFactory(name="Cơ sở Hạt dẻ Đàm Thủy")
    for title, price, seller in [
        ("Thạch đen Cao Bằng", "125000", thach_den),
        ("Miến dong Nguyên Bình", "60000", thach_den),
        ("Hạt dẻ Trùng Khánh", "180000", hat_de),
    ]:
        product = ProductFactory(title=title, seller=seller, stockrecords__price=Decimal(price))
        ProductImageFactory(product=product)
    home = live_server.url + "/"

    # When she taps the black grass jelly on the home page
    phone.goto(home)
    expect(phone.locator("header")).to_contain_text("Chợ OCOP Cao Bằng")
    phone.locator(".product-card", has_text="Thạch đen Cao Bằng").get_by_role("link").first.click()

    # Then its page shows its price in đồng
    expect(phone.locator("h1")).to_have_text("Thạch đen Cao Bằng")
    expect(phone.locator("main")).to_contain_text(f"125.000{NBSP}₫")

    # When she adds it to her basket, and then the chestnuts of the other seller
    phone.locator("#add_to_basket_form").get_by_role("button", name=re.compile("Thêm vào giỏ")).click()
    expect(phone.locator(".basket-count")).to_have_text("1")
    add_to_basket_from_home_page(phone, home, "Hạt dẻ Trùng Khánh")
    expect(phone.locator(".basket-count")).to_have_text("2")

    # And opens the basket from the header
    phone.locator(".basket-count").click()

    # Then the basket holds both, and the total is 125.000 ₫ + 180.000 ₫, without decimals
    expect(phone).to_have_url(re.compile(r"/shop/basket/$"))
    basket = phone.locator("main")
    expect(basket).to_contain_text("Thạch đen Cao Bằng")
    expect(basket).to_contain_text("Hạt dẻ Trùng Khánh")
    expect(basket).not_to_contain_text("Miến dong Nguyên Bình")
    expect(phone.locator("#basket_totals")).to_contain_text(f"305.000{NBSP}₫")
    expect(basket).not_to_contain_text(",00")
    screenshot = tmp_path / "basket-on-a-phone.png"
    phone.screenshot(path=screenshot, full_page=True)
    assert screenshot.stat().st_size > 0


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_guest_on_a_phone_buys_from_two_sellers_cash_on_delivery_and_sees_two_shipments(live_server, phone, tmp_path):
    # Given two sellers' products
    thach_den = PartnerFactory(name="Hợp tác xã Thạch đen Phục Hòa")
    hat_de = PartnerFactory(name="Cơ sở Hạt dẻ Đàm Thủy")
    for title, seller in [("Thạch đen Cao Bằng", thach_den), ("Hạt dẻ Trùng Khánh", hat_de)]:
        ProductImageFactory(product=ProductFactory(title=title, seller=seller, stockrecords__price=Decimal("150000")))
    home = live_server.url + "/"

    # When a guest puts one of each in her basket and goes to checkout
    add_to_basket_from_home_page(phone, home, "Thạch đen Cao Bằng")
    add_to_basket_from_home_page(phone, home, "Hạt dẻ Trùng Khánh")
    phone.goto(live_server.url + "/shop/basket/")
    phone.get_by_role("link", name=re.compile("Tiến hành đặt hàng")).first.click()

    # And gives her phone number and email as a guest, then her address: province, then her ward from its list
    phone.locator("#id_phone").fill("0912 345 678")
    phone.locator("#id_email").fill("lan@example.vn")
    phone.get_by_role("button", name="Tiếp tục").click()
    phone.get_by_label("Họ và tên người nhận").fill("Nông Thị Lan")
    expect(phone.get_by_label("Số điện thoại người nhận")).to_have_value("0912 345 678")
    phone.get_by_label("Tỉnh hoặc thành phố").select_option(label="Thành phố Hà Nội")
    phone.get_by_label("Xã/phường").select_option(label="Phường Hoàn Kiếm")
    phone.get_by_label("Số nhà, đường, thôn xóm").fill("Số 18 phố Hàng Bài")
    phone.get_by_role("button", name="Tiếp tục").click()

    # And keeps cash on delivery, and places the order
    expect(phone.get_by_label(re.compile("Thanh toán khi nhận hàng"))).to_be_checked()
    phone.get_by_role("button", name="Tiếp tục").click()
    # (the button and the total sit at the bottom of the first screen, without scrolling)
    place_order = phone.get_by_role("button", name="Đặt hàng")
    expect(place_order).to_be_in_viewport()
    expect(phone.locator(".place-order")).to_contain_text(f"364.000{NBSP}₫")  # 2 × 150.000 + 2 × 32.000 to Hà Nội
    place_order.click()

    # Then the confirmation shows one shipment from each seller, and cash on delivery
    expect(phone).to_have_url(re.compile(r"/shop/checkout/thank-you/$"))
    shipments = phone.locator(".thank-you .parcel")
    expect(shipments).to_have_count(2)
    expect(shipments.filter(has_text="Hợp tác xã Thạch đen Phục Hòa")).to_contain_text("Thạch đen Cao Bằng")
    expect(shipments.filter(has_text="Cơ sở Hạt dẻ Đàm Thủy")).to_contain_text("Hạt dẻ Trùng Khánh")
    expect(phone.locator("main")).to_contain_text(re.compile("khi nhận hàng", re.IGNORECASE))
    # and what to hand each seller's delivery person: her product and her fee, 150.000 + 32.000
    for seller in ("Hợp tác xã Thạch đen Phục Hòa", "Cơ sở Hạt dẻ Đàm Thủy"):
        expect(phone.locator(".payment-box")).to_contain_text(f"{seller}: 182.000{NBSP}₫")
    expect(phone.locator("main")).not_to_contain_text(f"chuẩn bị 364.000{NBSP}₫")
    phone.screenshot(path=str(tmp_path / "confirmation-on-a-phone.png"), full_page=True)
