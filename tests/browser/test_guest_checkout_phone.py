"""A guest buys on a phone (360×740) with only her phone number, and follows her order on the same phone."""

import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from tests.factories import PartnerFactory, ProductFactory, ProductImageFactory

NBSP = "\xa0"
SCREEN = 740
TAP = 44
# What she taps on the basket and checkout pages: buttons, links styled as buttons, and the small text links.
TAPPABLE = (
    "main button:not([hidden]), main a.btn, main .basket-line-actions a, main .checkout-steps a,"
    " main .checkout-gateway-login a, #messages a, #messages button"
)


def too_small_to_tap(page):
    """The visible things to tap on the page smaller than 44×44 px: [(text, width, height)]."""
    page.wait_for_load_state("load")  # not laid out before its stylesheet arrives
    boxes = page.eval_on_selector_all(
        TAPPABLE,
        """els => els.filter(e => e.offsetParent !== null).map(e => {
            const r = e.getBoundingClientRect();
            return [e.textContent.trim().replace(/\\s+/g, " ").slice(0, 40), Math.round(r.width), Math.round(r.height)];
        })""",
    )
    assert boxes, "nothing to tap was found"
    return [box for box in boxes if box[1] < TAP or box[2] < TAP]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_guest_checks_out_by_phone_number_and_follows_her_order_on_the_same_phone(live_server, phone):
    # Given a seller's product with its photo
    seller = PartnerFactory(name="Hợp tác xã Miến dong Phia Đén")
    product = ProductFactory(title="Miến dong Phia Đén", seller=seller, stockrecords__price=Decimal("65000"))
    ProductImageFactory(product=product)

    # When a guest adds it to her basket from its page
    phone.goto(live_server.url + product.get_absolute_url())
    title_top = phone.locator("h1").bounding_box()["y"]
    phone.locator("#add_to_basket_form").get_by_role("button", name=re.compile("Thêm vào giỏ")).click()

    # Then one short notice says so, with the way to the basket, and the product moves down one line only
    notices = phone.locator("#messages .alert")
    expect(notices).to_have_count(1)
    phone.wait_for_load_state("load")
    expect(notices.first).to_have_text(re.compile(r"^\s*×?\s*Đã thêm vào giỏ\s*·\s*Xem giỏ hàng\s*$"))
    assert notices.first.bounding_box()["height"] <= 60
    assert phone.locator("h1").bounding_box()["y"] - title_top <= 90  # Oscar's two notices: about 300
    assert too_small_to_tap(phone) == []

    # When she opens her basket from the notice
    notices.first.get_by_role("link", name="Xem giỏ hàng").click()
    expect(phone).to_have_url(re.compile(r"/shop/basket/$"))
    assert too_small_to_tap(phone) == []
    phone.get_by_role("link", name="Tiến hành đặt hàng").click()

    # Then checkout asks for her phone number, an email only if she wants, with a small link to log in
    expect(phone.locator("h1")).to_have_text("Mua không cần tài khoản")
    expect(phone.get_by_role("link", name="Đăng nhập").last).to_be_visible()
    expect(phone.get_by_text("Bạn là ai?")).to_have_count(0)
    assert too_small_to_tap(phone) == []

    # When she mistypes her number, she is told in Vietnamese and keeps what she typed
    phone.get_by_label("Số điện thoại di động của bạn").fill("09123")
    phone.get_by_role("button", name="Tiếp tục").click()
    expect(phone.locator("main")).to_contain_text("Số điện thoại di động Việt Nam không hợp lệ")
    expect(phone.get_by_label("Số điện thoại di động của bạn")).to_have_value("09123")

    # When she gives only her phone number, then her address, which starts with that number
    phone.get_by_label("Số điện thoại di động của bạn").fill("0912 345 678")
    phone.get_by_role("button", name="Tiếp tục").click()
    expect(phone.locator("h1")).to_have_text("Địa chỉ nhận hàng")
    assert phone.locator("h2").first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)") < phone.locator(
        "h1"
    ).evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    expect(phone.get_by_label("Số điện thoại người nhận")).to_have_value("0912 345 678")
    phone.get_by_label("Họ và tên người nhận").fill("Nông Thị Lan")
    phone.get_by_label("Tỉnh hoặc thành phố").select_option(label="Cao Bằng")
    phone.get_by_label("Xã/phường").select_option(label="Phường Thục Phán")
    phone.get_by_label("Số nhà, đường, thôn xóm").fill("Số 12, tổ 3")
    assert too_small_to_tap(phone) == []
    phone.get_by_role("button", name="Tiếp tục").click()

    # And keeps cash on delivery, reviews and places her order
    expect(phone.get_by_label(re.compile("Thanh toán khi nhận hàng"))).to_be_checked()
    assert too_small_to_tap(phone) == []
    phone.get_by_role("button", name="Tiếp tục").click()
    expect(phone.locator("h1")).to_have_text("Xem lại đơn hàng")
    assert too_small_to_tap(phone) == []
    phone.get_by_role("button", name="Đặt hàng").click()

    # Then the confirmation tells, within about two screens, her parcel in her words, what to pay, and when
    expect(phone).to_have_url(re.compile(r"/shop/checkout/thank-you/$"))
    phone.wait_for_load_state("load")
    main = phone.locator("main")
    expect(main).to_contain_text("Chờ người bán xác nhận")
    expect(main).not_to_contain_text("Mới")
    expect(main).to_contain_text(f"Trả người giao hàng của Hợp tác xã Miến dong Phia Đén: 83.000{NBSP}₫")
    expect(main).to_contain_text("Dự kiến nhận hàng chậm nhất ngày")
    expect(phone.locator(".thank-you .parcel")).to_have_count(1)
    expect(main.get_by_text("Miến dong Phia Đén", exact=False).filter(has_text="1 ×")).to_have_count(1)
    follow = phone.get_by_role("link", name="Theo dõi đơn hàng")
    expect(follow).to_have_count(1)
    box = follow.bounding_box()
    assert box["y"] + box["height"] + phone.evaluate("scrollY") <= 2 * SCREEN
    assert too_small_to_tap(phone) == []

    # When she follows it, her order opens on this phone without asking who she is
    follow.click()
    expect(phone).to_have_url(re.compile(r"/shop/accounts/order-status/\d+/"))
    expect(phone.locator("h1")).to_contain_text("Đơn hàng #")
    expect(phone.locator(".parcel")).to_have_count(1)
    expect(phone.locator("input[name=contact]")).to_have_count(0)
