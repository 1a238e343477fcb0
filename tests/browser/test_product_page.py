import pytest
from playwright.sync_api import expect

from tests.factories import ProductImageFactory


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_phone_shows_photo_title_price_and_buy_button_without_scrolling(live_server, phone, product):
    # Given a product with two photos and a long Vietnamese name
    product.title = "Thạch đen Phục Hòa nấu củi truyền thống gói 500g"
    product.save()
    for order in range(2):
        ProductImageFactory(product=product, display_order=order, original__width=1200, original__height=1200)

    # When a buyer opens it on a 360 × 740 phone
    phone.goto(live_server.url + product.get_absolute_url())

    # Then the first photo, the name, the price and the buy button are all on the first screen
    for part in (
        phone.locator(".gallery-slide img").first,
        phone.locator("h1"),
        phone.locator(".product-price"),
        phone.locator("#add_to_basket_form button"),
    ):
        expect(part).to_be_in_viewport(ratio=1)
    # And she can swipe to the next photo, which peeks in from the side
    expect(phone.locator(".gallery-slide img").nth(1)).to_be_in_viewport()
    # And the "Log in" link of the reviews is told apart from the text around it by more than its colour
    login = phone.locator("#reviews p a").first
    expect(login).to_have_css("text-decoration-line", "underline")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_photos_of_a_product_can_be_looked_through_with_the_keyboard(live_server, phone, product):
    for order in range(3):
        ProductImageFactory(product=product, display_order=order, original__width=1200, original__height=1200)
    phone.goto(live_server.url + product.get_absolute_url())

    # When the photos take the keyboard's focus and she presses the right arrow
    track = phone.get_by_role("region", name="Ảnh của sản phẩm")
    track.focus()
    expect(track).to_be_focused()
    phone.keyboard.press("ArrowRight")

    # Then the photos scroll to the next one
    expect(phone.locator(".gallery-slide img").nth(1)).to_be_in_viewport(ratio=0.5)
