"""Every main page and form speaks one language: Vietnamese with no English left, English with no Vietnamese left.

The pages of buyers, sellers and union staff are opened with Django's test client, through the real templates
and a real database, their forms sent with mistakes so that their errors show; the words they show are read the
way tests/words.py tells (the test's own data aside). A failure names the page and the phrases in the wrong language.
"""

import os
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.urls import reverse
from django.utils.text import slugify
from oscar.core.loading import get_model
from wagtail.models import Page

from cms.models import HomePage, StandardPage, StoryIndexPage, StoryPage
from tests.factories import (
    PASSWORD,
    PartnerFactory,
    ProductFactory,
    ProductReviewFactory,
    UserFactory,
    place_order,
    union_staff,
)
from tests.pages import ENGLISH, VIETNAMESE
from tests.shopping import PREVIEW_URL, check_out, delivery_address, fill_basket, go_to_preview
from tests.words import Words, report
from vietnam.banks import BANKS
from vietnam.geography import home_wards, provinces

Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
Category = get_model("catalogue", "Category")
Partner = get_model("partner", "Partner")
UserAddress = get_model("address", "UserAddress")
ShippingAddress = get_model("order", "ShippingAddress")
ProductReview = get_model("reviews", "ProductReview")
Country = get_model("address", "Country")

LOGIN_URL = "/shop/accounts/login/"
ADDRESS_URL = "/shop/checkout/shipping-address/"
QUERY = "Thạch đen"
NOTHING_FOUND = "zzqxw"

# name: (how the page is opened: a function of the client and the world), filled by @page below.
PAGES = {}


def page(name):
    def register(opener):
        PAGES[name] = opener
        return opener

    return register


@pytest.fixture
def world(db, customer, seller, seller_owner, product, category):
    """A small marketplace: two sellers' products, a review, a story, the menu's pages, the home's figures,
    an order of the customer's, and a union editor."""
    food = ProductClass.objects.get(slug="thuc-pham")  # a kind every instance has (catalog/kinds.py)
    product.product_class = food
    product.save()
    chestnut_seller = PartnerFactory(name="Cơ sở Hạt dẻ Đàm Thủy", owner_name="Đàm Thị Thủy", ethnic_group="Tày")
    chestnuts = ProductFactory(
        title="Hạt dẻ Trùng Khánh",
        seller=chestnut_seller,
        product_class=food,
        stockrecords__price=Decimal("180000"),
        categories=[category],
    )
    ProductReviewFactory(product=product, user=UserFactory(email="thu@example.vn", first_name="Thu"))
    home = HomePage.objects.live().first() or Page.objects.get(depth=2).specific
    home.figures = [("figure", {"number": "850", "label": "lớp tập huấn", "label_en": "training classes"})]
    home.save_revision().publish()
    index = home.add_child(
        instance=StoryIndexPage(title="Câu chuyện", title_en="Stories", slug="cau-chuyen", show_in_menus=True)
    )
    index.save_revision().publish()
    story = index.add_child(
        instance=StoryPage(
            title="Mùa thạch đen ở Phục Hòa", seller=seller, intro="Chị Mai nấu thạch đen từ cây thạch phơi khô."
        )
    )
    story.save_revision().publish()
    programme = home.add_child(
        instance=StandardPage(
            title="Về chương trình",
            title_en="About the programme",
            slug="ve-chuong-trinh",
            body="<p>Hỗ trợ phụ nữ khởi nghiệp.</p>",
            show_in_menus=True,
        )
    )
    programme.save_revision().publish()
    order = place_order(customer, (product, 2), chestnuts)
    return SimpleNamespace(
        customer=customer,
        seller=seller,
        seller_owner=seller_owner,
        product=product,
        chestnuts=chestnuts,
        category=category,
        story=story,
        order=order,
        editor=union_staff("Union editor", "bien.tap@example.vn"),
    )


def data_of_the_test():
    """What the test's pages may show in either language: what the test wrote in the database."""
    from django.contrib.auth import get_user_model

    texts = []
    for product in Product.objects.all():
        texts += [product.title, product.description, product.upc]
    for partner in Partner.objects.all():
        texts += [partner.name, partner.owner_name, partner.story, partner.ethnic_group, partner.what_she_makes]
    texts += Category.objects.values_list("name", flat=True)
    for user in get_user_model().objects.all():
        texts += [user.get_full_name(), f"{user.last_name} {user.first_name}", user.first_name, user.last_name]
    for model in (UserAddress, ShippingAddress):
        for address in model.objects.all():
            texts += [address.first_name, address.last_name, address.line1, address.line2, address.line3]
            texts += [address.line4, address.state, address.notes]
    for review in ProductReview.objects.all():
        texts += [review.title, review.body]
    for story in StoryPage.objects.all():
        texts += [story.title, story.intro]
    texts += [QUERY, NOTHING_FOUND, "Hỗ trợ phụ nữ khởi nghiệp."]
    texts += Country.objects.values_list("printable_name", flat=True)
    # Banks by their official names, in the seller's choice of bank.
    texts += [f"{bank.short_name} — {bank.name}" for bank in BANKS]
    # The search box's examples are products' Vietnamese names, which a buyer types in either language.
    texts += ["miến dong", "hạt dẻ", "thổ cẩm", "miến"]
    for _code, name in [*provinces(), *home_wards()]:
        texts += [name, name.removeprefix("Tỉnh ").removeprefix("Thành phố ")]
    return Words(texts)


def log_in(client, user):
    client.force_login(user)
    return client


# Buyers: the shop


@page("home")
def home(client, world):
    return client.get("/")


@page("catalogue")
def catalogue(client, world):
    return client.get("/shop/catalogue/")


@page("category")
def category_page(client, world):
    return client.get(world.category.get_absolute_url())


@page("search with results")
def search_found(client, world):
    return client.get("/shop/search/", {"q": QUERY})


@page("search without results")
def search_empty(client, world):
    return client.get("/shop/search/", {"q": NOTHING_FOUND})


@page("product page")
def product_page(client, world):
    return client.get(world.product.get_absolute_url())


@page("seller page")
def seller_page(client, world):
    return client.get(world.seller.get_absolute_url())


@page("story index")
def story_index(client, world):
    return client.get(world.story.get_parent().url)


@page("story page")
def story_page(client, world):
    return client.get(world.story.url)


@page("programme page")
def programme_page(client, world):
    return client.get("/ve-chuong-trinh/")


# Buyers: basket and checkout


@page("empty basket")
def empty_basket(client, world):
    return client.get("/shop/basket/")


@page("added to basket")
def added_to_basket(client, world):
    client.post(f"/shop/basket/add/{world.product.pk}/", {"quantity": 2})
    return client.get(world.product.get_absolute_url())


@page("basket with lines")
def basket_with_lines(client, world):
    fill_basket(client, (world.product, 2), world.chestnuts)
    return client.get("/shop/basket/")


@page("basket with a quantity too large")
def basket_quantity_error(client, world):
    fill_basket(client, world.product)
    form = BeautifulSoup(client.get("/shop/basket/").content, "html.parser").select_one("#basket_formset")
    data = {field["name"]: field.get("value", "") for field in form.select("input") if field.get("type") != "checkbox"}
    return client.post("/shop/basket/", {**data, "form-0-quantity": "999"}, follow=True)


@page("basket with a wrong voucher")
def basket_bad_voucher(client, world):
    fill_basket(client, world.product)
    return client.post("/shop/basket/vouchers/add/", {"code": "KHONGCO"}, follow=True)


def start_as_guest(client, phone="0912 345 678", email="lan@example.vn"):
    """Checkout's first step as a guest, whichever form it has: her phone and email, or Oscar's email and option."""
    data = {"phone": phone, "email": email, "username": email, "options": "anonymous"}
    return client.post("/shop/checkout/", data, follow=True)


@page("checkout: who are you")
def checkout_gateway(client, world):
    fill_basket(client, world.product)
    return client.get("/shop/checkout/", follow=True)


@page("checkout: who are you, with a mistake")
def checkout_gateway_error(client, world):
    fill_basket(client, world.product)
    return start_as_guest(client, phone="12345", email="khong-phai-email")


@page("checkout: address form")
def checkout_address(client, world):
    fill_basket(client, world.product)
    start_as_guest(client)
    return client.get(ADDRESS_URL, follow=True)


@page("checkout: address with a wrong phone")
def checkout_address_errors(client, world):
    fill_basket(client, world.product)
    start_as_guest(client)
    return client.post(ADDRESS_URL, delivery_address(phone_number="12345", line1=""), follow=True)


@page("checkout: payment method")
def checkout_payment(client, world):
    fill_basket(client, world.product)
    start_as_guest(client)
    client.post(ADDRESS_URL, delivery_address())
    return client.get("/shop/checkout/shipping-method/", follow=True)


@page("checkout: preview")
def checkout_preview(client, world):
    go_to_preview(client, world.product, world.chestnuts)
    return client.get(PREVIEW_URL)


@page("checkout: preview of a bank transfer")
def checkout_preview_transfer(client, world):
    go_to_preview(client, world.product, method="vietqr")
    return client.get(PREVIEW_URL)


@page("thank-you page")
def thank_you(client, world):
    check_out(client, world.product, world.chestnuts)
    return client.get("/shop/checkout/thank-you/")


@page("thank-you page of a bank transfer")
def thank_you_transfer(client, world):
    check_out(client, world.product, method="vietqr")
    return client.get("/shop/checkout/thank-you/")


def guest_order_url(world):
    order = place_order(None, world.product, world.chestnuts, email="khach@example.vn")
    return reverse("customer:anon-order", kwargs={"order_number": order.number, "hash": order.verification_hash()})


@page("guest order lookup")
def guest_lookup(client, world):
    return client.get(guest_order_url(world), follow=True)


@page("guest order lookup, wrong email")
def guest_lookup_error(client, world):
    form = client.get(guest_order_url(world), follow=True)
    wrong = {"email": "ai-do@example.vn", "number": "999999", "contact": "0900 000 001"}  # Oscar's form, or ours
    return client.post(form.request["PATH_INFO"], wrong, follow=True)


@page("guest order page")
def guest_order(client, world):
    url = guest_order_url(world)
    form = client.get(url, follow=True)
    if form.request["PATH_INFO"] != url:
        client.post(form.request["PATH_INFO"], {"email": "khach@example.vn"})
    return client.get(url, follow=True)


@page("order lookup form")
def order_lookup(client, world):
    return client.get("/shop/accounts/order-status/", follow=True)


# Buyers: accounts


@page("login and registration")
def login_page(client, world):
    return client.get(LOGIN_URL)


@page("login with a wrong password")
def login_wrong_password(client, world):
    data = {"login-username": "0912 345 678", "login-password": "sai-mat-khau", "login_submit": "1"}
    return client.post(LOGIN_URL, data, follow=True)


@page("login with an unknown phone")
def login_wrong_phone(client, world):
    data = {"login-username": "0900 000 001", "login-password": PASSWORD, "login_submit": "1"}
    return client.post(LOGIN_URL, data, follow=True)


@page("registration with mistakes")
def registration_errors(client, world):
    data = {
        "registration-email": "lan.nong@example.vn",
        "registration-phone": "12345",
        "registration-password1": "abc",
        "registration-password2": "abd",
        "registration_submit": "1",
    }
    return client.post(LOGIN_URL, data, follow=True)


@page("password reset")
def password_reset(client, world):
    return client.get("/shop/password-reset/")


@page("password reset with a mistake")
def password_reset_error(client, world):
    return client.post("/shop/password-reset/", {"email": "khong-phai"}, follow=True)


@page("account: profile")
def profile(client, world):
    return log_in(client, world.customer).get("/shop/accounts/profile/")


@page("account: profile form with a wrong phone")
def profile_errors(client, world):
    data = {"first_name": "Lan", "last_name": "Nông", "email": "sai", "phone": "12345"}
    return log_in(client, world.customer).post("/shop/accounts/profile/edit/", data, follow=True)


@page("account: orders")
def orders(client, world):
    return log_in(client, world.customer).get("/shop/accounts/orders/")


@page("account: order")
def order_detail(client, world):
    url = reverse("customer:order", kwargs={"order_number": world.order.number})
    return log_in(client, world.customer).get(url)


@page("account: address book")
def address_book(client, world):
    log_in(client, world.customer).post("/shop/accounts/addresses/add/", delivery_address())
    return client.get("/shop/accounts/addresses/")


@page("account: address form with a wrong phone")
def address_form_errors(client, world):
    data = delivery_address(phone_number="12345", line1="")
    return log_in(client, world.customer).post("/shop/accounts/addresses/add/", data, follow=True)


# Sellers: the portal


@page("portal: home")
def portal_home(client, world):
    return log_in(client, world.seller_owner).get("/seller/", follow=True)


@page("portal: products")
def portal_products(client, world):
    return log_in(client, world.seller_owner).get("/seller/san-pham/")


@page("portal: new product")
def portal_product_form(client, world):
    return log_in(client, world.seller_owner).get("/seller/san-pham/them/")


@page("portal: new product with mistakes")
def portal_product_errors(client, world):
    data = {"title": "", "price": "mười nghìn", "stock": "-1", "is_public": "on"}
    return log_in(client, world.seller_owner).post("/seller/san-pham/them/", data, follow=True)


@page("portal: orders")
def portal_orders(client, world):
    return log_in(client, world.seller_owner).get("/seller/don-hang/")


@page("portal: order")
def portal_order(client, world):
    shipment = world.order.shipments.get(seller=world.seller)
    return log_in(client, world.seller_owner).get(f"/seller/don-hang/{shipment.pk}/")


@page("portal: money")
def portal_money(client, world):
    return log_in(client, world.seller_owner).get("/seller/tien/")


@page("portal: profile")
def portal_profile(client, world):
    return log_in(client, world.seller_owner).get("/seller/ho-so/")


@page("portal: profile with mistakes")
def portal_profile_errors(client, world):
    data = {"name": "", "phone": "12345", "zalo": "abc", "bank_account_number": "xyz"}
    return log_in(client, world.seller_owner).post("/seller/ho-so/", data, follow=True)


# Union staff


@page("dashboard: orders")
def dashboard_orders(client, world):
    return log_in(client, world.editor).get("/shop/dashboard/orders/")


@page("dashboard: order")
def dashboard_order(client, world):
    return log_in(client, world.editor).get(f"/shop/dashboard/orders/{world.order.number}/")


def phone_only_guest_order(world):
    """A guest's order placed with her phone number alone: no account, no email."""
    return place_order(None, world.chestnuts, email="")


@page("dashboard: orders with a phone-only guest's")
def dashboard_orders_with_guest(client, world):
    phone_only_guest_order(world)
    return log_in(client, world.editor).get("/shop/dashboard/orders/")


@page("dashboard: orders searched by a guest's phone and a product")
def dashboard_orders_searched(client, world):
    phone_only_guest_order(world)
    search = {"phone": "0912 345 678", "product_title": world.chestnuts.title}
    return log_in(client, world.editor).get("/shop/dashboard/orders/", search)


@page("dashboard: a phone-only guest's order")
def dashboard_guest_order(client, world):
    order = phone_only_guest_order(world)
    return log_in(client, world.editor).get(f"/shop/dashboard/orders/{order.number}/")


@page("admin: home")
def admin_home(client, world):
    return log_in(client, world.editor).get("/cms/")


def open_in(client, world, name, language):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = PAGES[name](client, world)
    assert response.status_code == 200, f"“{name}” answered {response.status_code}"
    assert f'lang="{language}"' in response.content.decode()[:2000], f"“{name}” is not in {language}"
    html = response.content.decode()
    if os.environ.get("WORDS_PAGES_DIR"):  # to read the pages a failure names: WORDS_PAGES_DIR=/tmp/pages pytest …
        folder = Path(os.environ["WORDS_PAGES_DIR"])
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{slugify(name)}.{language}.html").write_text(html)
    return html


@pytest.mark.django_db
@pytest.mark.parametrize("name", PAGES)
def test_the_vietnamese_page_has_no_english_left(client, world, name):
    html = open_in(client, world, name, VIETNAMESE)

    findings = data_of_the_test().english_in(html)

    assert not findings, report(name, findings, VIETNAMESE)


@pytest.mark.django_db
@pytest.mark.parametrize("name", PAGES)
def test_the_english_page_has_no_vietnamese_left(client, world, name):
    html = open_in(client, world, name, ENGLISH)

    findings = data_of_the_test().vietnamese_in(html)

    assert not findings, report(name, findings, "en")


@pytest.mark.django_db
def test_the_programme_figures_the_site_starts_with_read_in_english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = ENGLISH

    page = BeautifulSoup(client.get("/").content, "html.parser")

    figures = [" ".join(item.get_text(" ").split()) for item in page.select(".home-figures li")]
    assert figures == [
        "850 training classes",
        "60,000 member visits",
        "over 20 billion đồng in loans",
        "70 thriving businesses",
    ]
    assert [" ".join(item.get_text(" ").split()) for item in page.select("footer .figures li")] == figures


# The test can fail: it finds what the issue found.


def test_english_left_in_a_vietnamese_page_is_found():
    html = """<html lang="vi"><body><h1>Thạch đen Cao Bằng</h1>
        <div class="alert">Your basket total is now 130.000 ₫</div>
        <form><input placeholder="Tìm sản phẩm"><button>Thêm vào giỏ hàng</button>
        <input type="submit" value="Submit"><a href="/" title="Go to the home page">Trang chủ</a></form>
        <p>Liên hệ lan@example.vn, 0912 345 678, thanh toán qua VietQR hoặc Visa.</p></body></html>"""

    findings = Words(["Thạch đen Cao Bằng"]).english_in(html)

    assert [finding.phrase for finding in findings] == [
        "Your basket total is now 130.000 ₫",
        "Submit",
        "Go to the home page",
    ]
    assert findings[0].words == ["Your", "basket", "total", "is", "now"]


def test_vietnamese_left_in_an_english_page_is_found():
    html = """<html lang="en"><body><h1>Thạch đen Cao Bằng</h1>
        <dl><dt>Product type</dt><dd>Thực phẩm</dd></dl>
        <p>Sold by Hợp tác xã Thạch đen Phục Hòa, Cao Bằng</p>
        <select><option>Phường Thục Phán</option></select><a aria-label="Giỏ hàng">Basket</a></body></html>"""

    findings = Words(["Thạch đen Cao Bằng", "Hợp tác xã Thạch đen Phục Hòa", "Cao Bằng"]).vietnamese_in(html)

    assert [finding.phrase for finding in findings] == ["Thực phẩm", "Giỏ hàng"]


def test_vietnamese_words_without_marks_are_not_taken_for_english():
    html = """<p>Thanh toan khi nhan hang</p><p>Con hang</p><p>Mua ngay</p><p>Trang chu</p>"""

    assert Words().english_in(html) == []
