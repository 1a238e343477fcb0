"""My products in the seller portal: her list, adding and editing with phone photos, and the quick buttons."""

import os
import time

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from oscar.core.loading import get_model

from sellers.listing import description_html, description_text, keep_photo, kept_photo
from sellers.portal.product_forms import PriceInDongField
from tests.factories import PartnerFactory, ProductFactory, ProductImageFactory, UserFactory, place_order
from tests.pages import ENGLISH, VIETNAMESE, open_page, soup_of, text_of
from tests.photos import BLUE, RED, colour_at, photo_file, sideways_phone_jpeg, stored, two_halves

Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
StockRecord = get_model("partner", "StockRecord")

LIST_URL = "/seller/san-pham/"
ADD_URL = "/seller/san-pham/them/"


def edit_url(product):
    return reverse("seller-portal:product-edit", kwargs={"product_pk": product.pk})


def button_url(name, product, photo=None):
    kwargs = {"product_pk": product.pk} | ({"photo_pk": photo.pk} if photo else {})
    return reverse(f"seller-portal:{name}", kwargs=kwargs)


@pytest.fixture
def seller_client(client, seller_owner):
    """The client, logged in as the woman who runs the `seller` fixture."""
    client.force_login(seller_owner)
    return client


@pytest.fixture
def food():
    return ProductClass.objects.get(name="Thực phẩm")


@pytest.fixture
def listing_data(food, category):
    """What she types in the form for a new product, as a browser sends it."""
    return {
        "title": "Thạch đen Phục Hòa",
        "product_class": str(food.pk),
        "category": str(category.pk),
        "price": "125.000",
        "stock": "12",
        "description": "Thạch đen nấu từ cây thạch đen phơi khô.\nKhông phẩm màu.",
        "weight_grams": "500",
        "is_public": "on",
    }


def jpeg(width=640, height=480, name="IMG_20260105.jpg"):
    return photo_file(two_halves(width, height), "JPEG", name)


def heic(width=64, height=48):
    return photo_file(two_halves(width, height), "HEIF", "IMG_0047.HEIC")


def not_a_photo():
    return SimpleUploadedFile("danh-sach.jpg", b"Thach den 125.000\n", content_type="image/jpeg")


def field_of(response, name):
    """The .field block of the form field `name` on a page."""
    element = soup_of(response).select_one(f".product-form [name={name}]")
    return element.find_parent(class_="field")


def shop_titles(client):
    """The titles of the product cards buyers see in the shop's catalogue."""
    page = soup_of(open_page(client, "/shop/catalogue/", VIETNAMESE))
    return [title.get_text(strip=True) for title in page.select(".product-card-title")]


def her_product(seller, **kwargs):
    return ProductFactory(seller=seller, **kwargs)


def sent_back(page):
    """The hidden fields of the product form on a page, as her browser sends them back with what she types."""
    return {field["name"]: field.get("value", "") for field in page.select(".product-form input[type=hidden]")}


def stock_of(product):
    return StockRecord.objects.filter(product=product).values_list("num_in_stock", "num_allocated").get()


def list_titles(response):
    return [title.get_text(strip=True) for title in soup_of(response).select(".product-row .row-title")]


# The list


@pytest.mark.django_db
def test_her_list_shows_her_products_newest_first_and_no_one_elses(seller_client, seller):
    older = her_product(seller, title="Miến dong Phia Đén")
    newer = her_product(seller, title="Bột thạch đen", is_public=False)
    her_product(PartnerFactory(), title="Hạt dẻ Trùng Khánh")

    response = open_page(seller_client, LIST_URL, VIETNAMESE)

    titles = [title.get_text(strip=True) for title in soup_of(response).select(".product-row .row-title")]
    assert titles == [newer.title, older.title]


@pytest.mark.django_db
def test_her_list_takes_as_many_queries_for_twenty_products_as_for_two(
    seller_client, seller, django_assert_max_num_queries
):
    def queries_of_the_list(expected_rows):
        seller_client.get(LIST_URL)  # the first visit makes the thumbnails
        with django_assert_max_num_queries(12) as captured:
            response = seller_client.get(LIST_URL)
        assert len(soup_of(response).select(".product-row")) == expected_rows
        return len(captured)

    for _number in range(2):
        ProductImageFactory(product=her_product(seller))
    with_two = queries_of_the_list(2)

    for _number in range(18):
        ProductImageFactory(product=her_product(seller))
    with_twenty = queries_of_the_list(20)

    assert with_twenty == with_two


@pytest.mark.django_db
def test_her_list_shows_stock_left_and_warns_when_low_or_sold_out(seller_client, seller):
    plenty = her_product(seller, stockrecords__num_in_stock=20)
    low = her_product(seller, stockrecords__num_in_stock=5, stockrecords__num_allocated=3)
    out = her_product(seller, stockrecords__num_in_stock=2, stockrecords__num_allocated=2)

    page = soup_of(open_page(seller_client, LIST_URL, VIETNAMESE))

    def row(product):
        element = page.select_one(f"#product-{product.pk}")
        return element.select_one(".stepper-value strong").get_text(), {
            badge for badge in ("is-low", "is-out") if element.select_one(f".badge.{badge}")
        }

    assert row(plenty) == ("20", set())
    assert row(low) == ("2", {"is-low"})
    assert row(out) == ("0", {"is-out"})


@pytest.mark.django_db
def test_an_empty_list_offers_to_add_her_first_product(seller_client):
    page = soup_of(open_page(seller_client, LIST_URL, VIETNAMESE))

    assert page.select_one(".empty")
    assert page.select_one(f"a.btn-primary[href='{ADD_URL}']")


@pytest.mark.django_db
def test_her_list_is_split_into_pages_of_twenty(seller_client, seller):
    for _number in range(21):
        her_product(seller)

    first = soup_of(open_page(seller_client, LIST_URL, VIETNAMESE))
    second = soup_of(open_page(seller_client, LIST_URL + "?page=2", VIETNAMESE))

    assert (len(first.select(".product-row")), len(second.select(".product-row"))) == (20, 1)


# Adding a product


@pytest.mark.django_db
def test_a_product_added_with_phone_photos_is_stored_upright_and_sold_in_the_shop(
    seller_client, seller, listing_data, category
):
    # Given the form filled in, with a big camera photo, a sideways one and an iPhone's HEIC
    photos = [jpeg(3000, 2000), sideways_phone_jpeg(400, 300), heic()]

    # When she saves it
    response = seller_client.post(ADD_URL, {**listing_data, "photos": photos})

    # Then it is hers, from her commune, with its stock record, and its photos stored upright and smaller
    assert response.status_code == 302
    assert response["Location"].startswith(LIST_URL)
    product = Product.objects.get(title="Thạch đen Phục Hòa")
    assert (product.seller, product.origin_code, product.is_public) == (seller, seller.commune_code, True)
    assert product.product_class.name == "Thực phẩm"
    assert list(product.categories.all()) == [category]
    assert product.weight_grams == 500
    assert product.description == "<p>Thạch đen nấu từ cây thạch đen phơi khô.<br>Không phẩm màu.</p>"
    record = product.stockrecords.get()
    assert (record.partner, record.price, record.price_currency, record.num_in_stock) == (seller, 125000, "VND", 12)
    assert record.partner_sku
    big, sideways, iphone = (stored(image.original) for image in product.images.order_by("display_order"))
    assert (big.format, big.size) == ("JPEG", (2000, 1333))
    assert sideways.size == (300, 400)
    assert (colour_at(sideways, 150, 50), colour_at(sideways, 150, 350)) == (RED, BLUE)
    assert (iphone.format, iphone.size) == ("JPEG", (64, 48))
    assert list(product.images.values_list("display_order", flat=True)) == [0, 1, 2]

    # And buyers find it in the shop
    assert "Thạch đen Phục Hòa" in shop_titles(seller_client)


@pytest.mark.django_db
def test_a_file_that_is_not_a_photo_is_refused_and_nothing_she_typed_is_lost(seller_client, listing_data):
    # When she sends a good photo and a file that is not a photo
    response = seller_client.post(ADD_URL, {**listing_data, "photos": [jpeg(), not_a_photo()]})

    # Then nothing is saved; the refusal names the file, next to the photo buttons
    assert response.status_code == 200
    assert not Product.objects.exists()
    errors = soup_of(response).select("#add-photos .field-error")
    assert [error.get_text().split(":")[0] for error in errors] == ["danh-sach.jpg"]
    # and what she typed is still in the form
    page = soup_of(response)
    assert page.select_one("[name=title]")["value"] == "Thạch đen Phục Hòa"
    assert page.select_one("[name=price]")["value"] == "125.000"
    assert page.select_one("[name=stock]")["value"] == "12"
    assert "Không phẩm màu." in page.select_one("textarea[name=description]").get_text()
    # and the good photo is kept, so she need not send it again on a slow connection
    kept = [box["value"] for box in page.select("input[name=kept_photos]")]
    assert len(kept) == 1

    # When she sends the form again without choosing new photos
    response = seller_client.post(ADD_URL, {**listing_data, "kept_photos": kept})

    # Then the product is saved with the photo kept
    assert response.status_code == 302
    assert Product.objects.get().images.count() == 1


@pytest.mark.django_db
def test_a_kept_photo_of_another_seller_is_ignored(seller_client, listing_data):
    other_client = seller_client.__class__()
    other_user = UserFactory()
    PartnerFactory().users.add(other_user)
    other_client.force_login(other_user)
    refused = other_client.post(ADD_URL, {**listing_data, "price": "0", "photos": [jpeg()]})
    token = soup_of(refused).select_one("input[name=kept_photos]")["value"]

    seller_client.post(ADD_URL, {**listing_data, "kept_photos": [token]})

    assert Product.objects.get().images.count() == 0


@pytest.mark.django_db
def test_more_than_five_photos_are_refused(seller_client, listing_data):
    response = seller_client.post(ADD_URL, {**listing_data, "photos": [jpeg(64, 48) for _number in range(6)]})

    assert response.status_code == 200
    assert not Product.objects.exists()
    assert soup_of(response).select("#add-photos .field-error")


@pytest.mark.django_db
def test_photos_added_to_a_product_cannot_bring_it_over_five(seller_client, seller, listing_data):
    product = her_product(seller)
    for order in range(3):
        ProductImageFactory(product=product, display_order=order)

    response = seller_client.post(edit_url(product), {**listing_data, "photos": [jpeg(64, 48) for _n in range(3)]})

    assert response.status_code == 200
    assert soup_of(response).select("#add-photos .field-error")
    assert product.images.count() == 3


@pytest.mark.django_db
def test_a_double_tap_on_save_adds_the_product_once_and_lands_on_her_list(seller_client, listing_data):
    # Given the add form as her phone has it
    page = soup_of(open_page(seller_client, ADD_URL, ENGLISH))
    data = {**listing_data, **sent_back(page)}

    # When the same form arrives twice (she tapped "Save" twice on a slow network)
    first = seller_client.post(ADD_URL, data)
    second = seller_client.post(ADD_URL, data, follow=True)

    # Then one product is made, and the second send lands on her list, where it is shown once
    product = Product.objects.get(title="Thạch đen Phục Hòa")
    assert first["Location"] == f"{LIST_URL}#product-{product.pk}"
    assert second.redirect_chain == [(f"{LIST_URL}#product-{product.pk}", 302)]
    assert list_titles(second) == ["Thạch đen Phục Hòa"]
    assert StockRecord.objects.filter(product__title="Thạch đen Phục Hòa").get().num_in_stock == 12
    assert "“Thạch đen Phục Hòa” is already saved" in text_of(second)


@pytest.mark.django_db
def test_the_add_form_keeps_its_token_when_it_comes_back_with_a_mistake(seller_client, listing_data):
    # Given the add form sent with a price she must correct
    token = sent_back(soup_of(open_page(seller_client, ADD_URL, ENGLISH)))["form_token"]
    refused = seller_client.post(ADD_URL, {**listing_data, "price": "125.5", "form_token": token})
    assert sent_back(soup_of(refused))["form_token"] == token

    # When she corrects it and taps "Save" twice
    for _tap in range(2):
        seller_client.post(ADD_URL, {**listing_data, **sent_back(soup_of(refused))})

    # Then one product is made
    assert Product.objects.filter(title="Thạch đen Phục Hòa").count() == 1


@pytest.mark.django_db
def test_each_add_form_opened_makes_its_own_product(seller_client, listing_data):
    for _form in range(2):
        page = soup_of(open_page(seller_client, ADD_URL, ENGLISH))
        seller_client.post(ADD_URL, {**listing_data, **sent_back(page)})

    assert Product.objects.filter(title="Thạch đen Phục Hòa").count() == 2


@pytest.mark.django_db
def test_an_add_form_without_a_token_from_an_older_page_is_still_saved(seller_client, listing_data):
    response = seller_client.post(ADD_URL, listing_data)

    assert response.status_code == 302
    assert Product.objects.filter(title="Thạch đen Phục Hòa").count() == 1


@pytest.mark.parametrize(
    ("typed", "dong"),
    [("125000", 125000), ("125.000", 125000), ("125 000", 125000), ("1.250.000 đ", 1250000), ("125.000₫", 125000)],
)
def test_a_price_is_read_the_way_vietnamese_write_it(typed, dong):
    assert PriceInDongField().clean(typed) == dong


@pytest.mark.parametrize("typed", ["0", "-5", "125.5", "12,50", "125.000,50", "abc", ""])
def test_a_price_of_zero_below_zero_with_decimals_or_not_a_number_is_refused(typed):
    with pytest.raises(ValidationError):
        PriceInDongField().clean(typed)


@pytest.mark.django_db
def test_a_refused_price_is_shown_next_to_the_price_and_nothing_is_saved(seller_client, listing_data):
    response = seller_client.post(ADD_URL, {**listing_data, "price": "125.5"})

    assert response.status_code == 200
    assert field_of(response, "price").select(".field-error")
    assert not field_of(response, "title").select(".field-error")
    assert not Product.objects.exists()


def test_her_description_is_stored_as_escaped_paragraphs_and_comes_back_as_she_typed_it():
    typed = "Thạch đen <ngon> & mát.\nNấu 10 phút.\n\nBảo quản nơi khô ráo."

    html = description_html(typed)

    assert html == "<p>Thạch đen &lt;ngon&gt; &amp; mát.<br>Nấu 10 phút.</p>\n\n<p>Bảo quản nơi khô ráo.</p>"
    assert description_text(html) == typed


# Editing


@pytest.mark.django_db
def test_editing_changes_the_price_and_the_stock_left_to_sell(seller_client, seller, listing_data):
    # Given a product of hers, 2 of whose 10 are held for an order
    product = her_product(seller, stockrecords__num_in_stock=10, stockrecords__num_allocated=2)
    form = soup_of(open_page(seller_client, edit_url(product), VIETNAMESE))
    assert form.select_one("[name=stock]")["value"] == "8"

    # When she changes the price and says 5 are left to sell
    response = seller_client.post(edit_url(product), {**listing_data, "price": "150000", "stock": "5"})

    # Then the price is changed, and what the order holds comes on top of the 5
    assert response.status_code == 302
    record = StockRecord.objects.get(product=product)
    assert (record.price, record.num_in_stock, record.num_allocated) == (150000, 7, 2)
    assert StockRecord.objects.filter(product=product).count() == 1


@pytest.mark.django_db
def test_saving_the_edit_page_after_a_sale_does_not_put_the_sold_units_back(seller_client, seller, listing_data):
    # Given 5 of hers in stock, and her edit page open, saying 5 are left
    product = her_product(seller, stockrecords__num_in_stock=5)
    page = soup_of(open_page(seller_client, edit_url(product), ENGLISH))
    assert page.select_one("[name=stock]")["value"] == "5"

    # When a buyer orders 2 while the page is open, and she saves it without touching the stock
    place_order(UserFactory(), (product, 2))
    response = seller_client.post(edit_url(product), {**listing_data, **sent_back(page), "stock": "5"}, follow=True)

    # Then the 2 ordered stay sold: 3 are left to sell, and she is told so
    assert stock_of(product) == (5, 2)
    assert "3 are left to sell now, not 5" in text_of(response)
    assert "Thạch đen Phục Hòa" in list_titles(response)  # the rest of the form is saved


@pytest.mark.django_db
def test_a_stock_change_made_on_a_stale_page_is_added_to_what_is_left_now(seller_client, seller, listing_data):
    # Given her edit page open, saying 5 are left, and then a buyer orders 2 (3 left)
    product = her_product(seller, stockrecords__num_in_stock=5)
    page = soup_of(open_page(seller_client, edit_url(product), ENGLISH))
    place_order(UserFactory(), (product, 2))

    # When she adds 3 she has made (5 → 8 on her page)
    response = seller_client.post(edit_url(product), {**listing_data, **sent_back(page), "stock": "8"}, follow=True)

    # Then 3 + 3 = 6 are left to sell, and the 2 ordered are still held
    assert stock_of(product) == (8, 2)
    assert "6 are left to sell now, not 8" in text_of(response)


@pytest.mark.django_db
def test_taking_away_more_than_is_left_now_leaves_none_to_sell_and_says_so(seller_client, seller, listing_data):
    # Given her edit page open, saying 5 are left, and then a buyer orders 4 (1 left)
    product = her_product(seller, stockrecords__num_in_stock=5)
    page = soup_of(open_page(seller_client, edit_url(product), ENGLISH))
    place_order(UserFactory(), (product, 4))

    # When she takes away 3 sold at the market (5 → 2 on her page) and changes the price
    response = seller_client.post(
        edit_url(product), {**listing_data, **sent_back(page), "stock": "2", "price": "150.000"}, follow=True
    )

    # Then none are left to sell, the 4 ordered are still held, the price is saved, and she is told
    assert stock_of(product) == (4, 4)
    assert StockRecord.objects.get(product=product).price == 150000
    assert "none are left to sell now" in text_of(response)


@pytest.mark.django_db
def test_a_double_tap_on_save_of_the_edit_page_changes_the_stock_once(seller_client, seller, listing_data):
    # Given her edit page, saying 5 are left
    product = her_product(seller, stockrecords__num_in_stock=5)
    page = soup_of(open_page(seller_client, edit_url(product), ENGLISH))
    data = {**listing_data, **sent_back(page), "stock": "8"}

    # When she adds 3 and a photo, and the form arrives twice
    seller_client.post(edit_url(product), {**data, "photos": [jpeg(64, 48)]})
    second = seller_client.post(edit_url(product), {**data, "photos": [jpeg(64, 48)]}, follow=True)

    # Then 3 are added once, the photo is added once, and she is told it was already saved
    assert StockRecord.objects.get(product=product).num_in_stock == 8
    assert product.images.count() == 1
    assert second.redirect_chain == [(f"{LIST_URL}#product-{product.pk}", 302)]
    assert "is already saved" in text_of(second)


@pytest.mark.django_db
def test_the_description_is_shown_back_as_plain_text_for_editing(seller_client, seller):
    product = her_product(seller, description="<p>Miến dong &amp; nấm hương.<br>Gói 500 g.</p>")

    form = soup_of(open_page(seller_client, edit_url(product), VIETNAMESE))

    assert form.select_one("textarea[name=description]").get_text().strip() == "Miến dong & nấm hương.\nGói 500 g."


# The quick buttons of the list


@pytest.mark.django_db
def test_hiding_a_product_takes_it_out_of_the_shop_and_showing_it_brings_it_back(seller_client, product):
    response = seller_client.post(button_url("product-published", product), {"public": "0", "page": "2"})

    assert response.status_code == 302
    assert response["Location"] == f"{LIST_URL}?page=2#product-{product.pk}"
    product.refresh_from_db()
    assert not product.is_public
    assert "Thạch đen Cao Bằng" not in shop_titles(seller_client)

    seller_client.post(button_url("product-published", product), {"public": "1"})

    product.refresh_from_db()
    assert product.is_public
    assert "Thạch đen Cao Bằng" in shop_titles(seller_client)


@pytest.mark.django_db
def test_the_switch_sends_the_state_it_asks_for_so_a_double_tap_does_not_undo_it(seller_client, seller):
    product = her_product(seller)

    for _tap in range(2):
        seller_client.post(button_url("product-published", product), {"public": "0"})

    product.refresh_from_db()
    assert not product.is_public


@pytest.mark.django_db
def test_quick_stock_adds_and_takes_one_but_never_below_what_orders_hold(seller_client, seller):
    product = her_product(seller, stockrecords__num_in_stock=3, stockrecords__num_allocated=2)
    stock_url = button_url("product-stock", product)

    def in_stock():
        return StockRecord.objects.get(product=product).num_in_stock

    response = seller_client.post(stock_url, {"change": "-1"})
    assert in_stock() == 2
    assert response["Location"] == f"{LIST_URL}#product-{product.pk}"  # back to its row
    seller_client.post(stock_url, {"change": "-1"})
    assert in_stock() == 2  # both left are held for orders
    seller_client.post(stock_url, {"change": "1"})
    assert in_stock() == 3


@pytest.mark.django_db
def test_quick_stock_never_goes_below_zero(seller_client, seller):
    product = her_product(seller, stockrecords__num_in_stock=0)

    response = seller_client.post(button_url("product-stock", product), {"change": "-1", "page": "1"})

    assert StockRecord.objects.get(product=product).num_in_stock == 0
    # back at the top of her list, where the message says why
    assert response["Location"] == LIST_URL
    assert soup_of(seller_client.get(LIST_URL)).select_one(".portal-message.is-error")


@pytest.mark.django_db
@pytest.mark.parametrize("change", ["5", "-3", "abc", ""])
def test_quick_stock_refuses_any_change_but_one_more_or_one_less(seller_client, seller, change):
    product = her_product(seller, stockrecords__num_in_stock=4)

    response = seller_client.post(button_url("product-stock", product), {"change": change}, follow=True)

    assert StockRecord.objects.get(product=product).num_in_stock == 4
    assert soup_of(response).select_one(".portal-message.is-error")


@pytest.mark.django_db
def test_the_buttons_do_nothing_on_a_get(seller_client, seller):
    product = her_product(seller)

    assert seller_client.get(button_url("product-stock", product)).status_code == 405
    assert seller_client.get(button_url("product-published", product)).status_code == 405


# Photos


@pytest.fixture
def three_photos(seller):
    product = her_product(seller)
    return [ProductImageFactory(product=product, display_order=order) for order in range(3)]


def photo_order(product):
    return list(product.images.order_by("display_order").values_list("pk", "display_order"))


@pytest.mark.django_db
def test_moving_a_photo_up_twice_makes_it_the_main_photo(seller_client, three_photos):
    first, second, third = three_photos
    product = first.product

    for _tap in range(2):
        response = seller_client.post(button_url("photo-move-up", product, third))

    assert response["Location"] == f"{edit_url(product)}#photos"
    assert photo_order(product) == [(third.pk, 0), (first.pk, 1), (second.pk, 2)]


@pytest.mark.django_db
def test_deleting_the_main_photo_makes_the_next_one_main(seller_client, three_photos):
    first, second, third = three_photos
    product = first.product

    seller_client.post(button_url("photo-delete", product, first))

    assert photo_order(product) == [(second.pk, 0), (third.pk, 1)]


@pytest.mark.django_db
def test_her_edit_page_shows_her_photos_in_order_with_the_main_one_first(seller_client, three_photos):
    first, _second, _third = three_photos

    page = soup_of(open_page(seller_client, edit_url(first.product), VIETNAMESE))

    photos = page.select("#photos .photo")
    assert len(photos) == 3
    assert photos[0].select_one(".badge")
    assert not photos[0].select_one(f"form[action='{button_url('photo-move-up', first.product, first)}']")
    assert photos[1].select_one("form[action$='/len/']")


# Another seller's


@pytest.mark.django_db
def test_another_sellers_product_and_photos_are_not_found(seller_client, seller, listing_data):
    theirs = ProductImageFactory(product=her_product(PartnerFactory(), stockrecords__num_in_stock=4))
    mine = her_product(seller)

    assert seller_client.get(edit_url(theirs.product)).status_code == 404
    assert seller_client.post(edit_url(theirs.product), listing_data).status_code == 404
    assert seller_client.post(button_url("product-stock", theirs.product), {"change": "1"}).status_code == 404
    # a GET of a button's address says 404 too, not 405, so it tells nothing about their products
    assert seller_client.get(button_url("product-published", theirs.product)).status_code == 404
    # her own product's id with their photo's id
    assert seller_client.post(button_url("photo-delete", mine, theirs)).status_code == 404

    assert StockRecord.objects.get(product=theirs.product).num_in_stock == 4
    assert theirs.product.images.count() == 1


@pytest.mark.django_db
def test_the_add_form_offers_the_camera_and_the_phones_photos(seller_client):
    form = soup_of(open_page(seller_client, ADD_URL, VIETNAMESE)).select_one("form.product-form")

    assert form["enctype"] == "multipart/form-data"
    camera, gallery = form.select("input[type=file][name=photos]")
    assert (camera["accept"], camera["capture"]) == ("image/*", "environment")
    assert gallery.has_attr("multiple")
    assert form.select_one("[name=price]")["inputmode"] == "numeric"
    assert form.select_one("[name=is_public]").has_attr("checked")


@pytest.mark.django_db
def test_a_kept_photo_left_for_a_day_is_deleted_when_another_is_kept(seller):
    # Given a photo kept two days ago, from a form she gave up on
    old = keep_photo(seller, jpeg(64, 48))
    two_days_ago = time.time() - 2 * 24 * 60 * 60
    os.utime(default_storage.path(old.name), (two_days_ago, two_days_ago))

    # When another photo is kept
    new = keep_photo(seller, jpeg(64, 48))

    # Then the old one is gone, the new one is there
    assert not default_storage.exists(old.name)
    assert kept_photo(seller, old.token) is None
    assert kept_photo(seller, new.token) is not None
