"""The product page as a buyer reads it: price, stock, certificate, origin, the maker, photos."""

import datetime
import re
from decimal import Decimal

import pytest
from django.core.files.storage import default_storage
from django.utils import timezone
from PIL import Image
from wagtail.models import Page, PageViewRestriction

from cms.models import HomePage, StoryIndexPage, StoryPage
from tests.factories import PartnerFactory, ProductFactory, ProductImageFactory, ProductReviewFactory, UserFactory
from tests.pages import ENGLISH, VIETNAMESE, open_page, soup_of, text_of
from tests.photos import photo_file, two_halves

NBSP = "\xa0"
PHUC_HOA = 1648  # Xã Phục Hòa, Cao Bằng (2025 units)


def dmy(date):
    return date.strftime("%d/%m/%Y")


def add_story(seller, title, live=True):
    """A maker story about `seller` in the stories section (made on first use)."""
    index = StoryIndexPage.objects.first()
    if index is None:
        index = HomePage.objects.get().add_child(instance=StoryIndexPage(title="Câu chuyện", slug="cau-chuyen"))
    slug = f"cau-chuyen-{Page.objects.count()}"
    return index.add_child(instance=StoryPage(title=title, slug=slug, seller=seller, live=live))


@pytest.fixture
def labelled_product(product):
    """The jelly with its label facts and where it comes from."""
    product.origin_code = PHUC_HOA
    product.net_quantity = "500 g"
    product.ingredients = "Thân lá cây thạch đen, nước, bột năng"
    product.shelf_life = "12 tháng"
    product.storage = "Nơi khô ráo, thoáng mát"
    product.weight_grams = 550
    product.save()
    return product


@pytest.mark.django_db
def test_description_keeps_formatting_but_never_runs_a_script(client, product):
    product.description = (
        '<p>Thạch đen <strong>nấu củi</strong></p><script>alert("x")</script><p><img src=x onerror="alert(1)">Ngon</p>'
    )
    product.save()

    page = soup_of(open_page(client, product.get_absolute_url(), VIETNAMESE))

    description = page.select_one(".product-description")
    assert description.select_one("strong").get_text() == "nấu củi"
    assert "Ngon" in description.get_text()
    assert description.select("script, img, [onerror]") == []


@pytest.mark.django_db
def test_product_page_shows_price_stock_origin_and_what_the_label_says(client, labelled_product):
    response = open_page(client, labelled_product.get_absolute_url(), VIETNAMESE)

    page = soup_of(response)
    assert page.select_one("h1").get_text(strip=True) == "Thạch đen Cao Bằng"
    assert page.select_one(".product-price").get_text(strip=True) == f"125.000{NBSP}₫"
    assert page.select_one(".product-stock").get_text(" ", strip=True) == "Còn 20 sản phẩm"
    facts = " ".join(page.select_one(".product-facts").get_text(" ").split())
    assert "Nơi sản xuất Xã Phục Hòa, Cao Bằng" in facts
    assert "Khối lượng tịnh hoặc thể tích 500 g" in facts
    assert "Thành phần Thân lá cây thạch đen, nước, bột năng" in facts
    assert "Hạn sử dụng 12 tháng" in facts
    assert "Bảo quản Nơi khô ráo, thoáng mát" in facts
    assert "Khối lượng khi đóng gói 550 g" in facts


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "heading", "details"),
    [
        (VIETNAMESE, "Sản phẩm OCOP được công nhận 4 sao", ["Số chứng nhận 117/QĐ-UBND", "Năm công nhận 2025"]),
        (ENGLISH, "Certified OCOP product, 4 stars", ["Certificate number 117/QĐ-UBND", "Year awarded 2025"]),
    ],
)
def test_a_current_ocop_certificate_shows_the_badge_and_its_details(client, product, language, heading, details):
    valid_until = timezone.localdate() + datetime.timedelta(days=200)
    product.ocop_stars, product.ocop_certificate_number, product.ocop_year = 4, "117/QĐ-UBND", 2025
    product.ocop_expires_on = valid_until
    product.save()

    page = soup_of(open_page(client, product.get_absolute_url(), language))

    certificate = " ".join(page.select_one(".ocop-certificate").get_text(" ").split())
    assert heading in certificate
    for detail in details:
        assert detail in certificate
    assert dmy(valid_until) in certificate
    assert page.select_one(".product-gallery .ocop-badge").get_text(strip=True) == "OCOP 4"


@pytest.mark.django_db
def test_an_expired_certificate_is_kept_in_the_details_but_not_shown_as_current(client, product):
    expired_on = timezone.localdate() - datetime.timedelta(days=1)
    product.ocop_stars, product.ocop_certificate_number, product.ocop_year = 4, "88/QĐ-UBND", 2022
    product.ocop_expires_on = expired_on
    product.save()

    response = open_page(client, product.get_absolute_url(), VIETNAMESE)

    page = soup_of(response)
    assert page.select(".ocop-certificate, .ocop-badge") == []
    assert "được công nhận" not in text_of(response)
    facts = " ".join(page.select_one(".product-facts").get_text(" ").split())
    assert f"OCOP 4 sao; chứng nhận đã hết hạn ngày {dmy(expired_on)}" in facts


@pytest.mark.django_db
def test_a_certificate_valid_until_today_is_still_current(client, product):
    product.ocop_stars, product.ocop_expires_on = 5, timezone.localdate()
    product.save()

    page = soup_of(open_page(client, product.get_absolute_url(), VIETNAMESE))

    assert "5 sao" in page.select_one(".ocop-certificate").get_text()


@pytest.mark.django_db
def test_maker_card_shows_her_photo_name_commune_and_her_published_stories(client, product, seller):
    # Given her photo, two published stories about her, a draft, and a story about another maker
    seller.photo.save("mai.jpg", photo_file(two_halves(200, 200), "JPEG", "mai.jpg"))
    first = add_story(seller, "Nồi thạch đen nấu bằng củi")
    second = add_story(seller, "Mùa cắt cây thạch đen")
    add_story(seller, "Bản nháp chưa duyệt", live=False)
    add_story(PartnerFactory(), "Chuyện của người khác")

    # When a buyer opens the product
    maker = soup_of(open_page(client, product.get_absolute_url(), VIETNAMESE)).select_one(".maker-card")

    # Then the maker's card names her, shows her photo and commune, and links her page and stories
    text = maker.get_text(" ")
    assert "Hợp tác xã Thạch đen Phục Hòa" in text
    assert "Đàm Thị Mai" in text
    assert "Xã Nguyên Bình" in text
    assert maker.select_one("img[alt='Đàm Thị Mai']") is not None
    links = {a.get_text(" ", strip=True): a["href"] for a in maker.select("a")}
    assert seller.get_absolute_url() in links.values()
    assert links["Nồi thạch đen nấu bằng củi"] == first.url
    assert links["Mùa cắt cây thạch đen"] == second.url
    assert "Bản nháp chưa duyệt" not in text
    assert "Chuyện của người khác" not in text


@pytest.mark.django_db
def test_a_story_in_a_private_section_leaves_her_card_as_soon_as_the_section_is_made_private(client, product, seller):
    # Given a story about her, shown on her product's page
    story = add_story(seller, "Nồi thạch đen nấu bằng củi")
    def titles():
        return soup_of(client.get(product.get_absolute_url())).select_one(".maker-card").get_text(" ")

    assert "Nồi thạch đen nấu bằng củi" in titles()

    # When an editor puts the stories section behind a password
    restriction = PageViewRestriction.objects.create(
        page=story.get_parent(), restriction_type=PageViewRestriction.PASSWORD, password="chi-noi-bo"
    )

    # Then the page no longer shows it, and shows it again once the restriction goes
    assert "Nồi thạch đen nấu bằng củi" not in titles()
    restriction.delete()
    assert "Nồi thạch đen nấu bằng củi" in titles()


@pytest.mark.django_db
def test_other_products_from_her_are_shown_but_not_this_one_nor_unpublished_ones(client, product, seller):
    ProductFactory(title="Thạch đen hộp quà", seller=seller, stockrecords__price=Decimal("180000"))
    ProductFactory(title="Bột thạch đen", seller=seller)
    ProductFactory(title="Thạch đen chưa duyệt", seller=seller, is_public=False)
    ProductFactory(title="Miến dong của người khác")

    page = soup_of(open_page(client, product.get_absolute_url(), VIETNAMESE))

    more = page.select_one(".more-from-maker")
    assert "Sản phẩm khác của Hợp tác xã Thạch đen Phục Hòa" in more.get_text()
    titles = sorted(title.get_text(strip=True) for title in more.select(".product-card-title"))
    assert titles == ["Bột thạch đen", "Thạch đen hộp quà"]
    assert f"180.000{NBSP}₫" in more.get_text()


@pytest.mark.django_db
def test_a_sold_out_product_offers_a_guest_an_email_alert_instead_of_the_basket(client, seller):
    sold_out = ProductFactory(title="Hạt dẻ Trùng Khánh", seller=seller, stockrecords__num_in_stock=0)

    page = soup_of(open_page(client, sold_out.get_absolute_url(), VIETNAMESE))

    assert page.select_one(".product-stock").get_text(strip=True) == "Hết hàng"
    assert page.select_one("#add_to_basket_form") is None
    alert = page.select_one("#alert_form")
    assert "Nhận email khi có hàng trở lại" in alert.get_text()
    assert alert.select_one("input[type=email][name=email]") is not None
    assert alert.select_one("button").get_text(strip=True) == "Báo khi có hàng"


@pytest.mark.django_db
def test_gallery_offers_webp_and_jpeg_at_several_widths_and_loads_only_the_first_photo_at_once(client, product):
    for order in range(3):
        ProductImageFactory(product=product, display_order=order, original__width=1500, original__height=1500)

    page = soup_of(open_page(client, product.get_absolute_url(), VIETNAMESE))

    pictures = page.select(".product-gallery picture")
    assert len(pictures) == 3
    for number, picture in enumerate(pictures):
        webp = picture.select_one("source[type='image/webp']")
        img = picture.select_one("img")
        assert re.findall(r" (\d+)w", webp["srcset"]) == ["400", "800", "1200"]
        assert re.findall(r"\.jpg (\d+)w", img["srcset"]) == ["400", "800", "1200"]
        assert webp["sizes"] == img["sizes"]
        assert (img["width"], img["height"]) == ("800", "800")
        assert img.get("loading") == (None if number == 0 else "lazy")
        assert img.get("fetchpriority") == ("high" if number == 0 else None)
    first_webp = pictures[0].select_one("source")["srcset"].split()[0]
    with default_storage.open(first_webp.removeprefix("/media/")) as thumbnail:
        assert Image.open(thumbnail).format == "WEBP"


@pytest.mark.django_db
def test_a_small_photo_is_not_blown_up_to_the_larger_widths(client, product):
    ProductImageFactory(product=product)  # 60 × 60

    img = soup_of(open_page(client, product.get_absolute_url(), VIETNAMESE)).select_one(".product-gallery img")

    assert re.findall(r" (\d+)w", img["srcset"]) == ["60"]
    assert (img["width"], img["height"]) == ("60", "60")


# The product page's queries for a guest and for a logged-in customer (whose alerts,
# purchases and own review are looked up too).
MAX_PRODUCT_PAGE_QUERIES = {"guest": 23, "customer": 35}


@pytest.mark.django_db
@pytest.mark.parametrize("visitor", ["guest", "customer"])
def test_product_page_queries_do_not_grow_with_photos_stories_reviews_or_her_other_products(
    client, django_assert_max_num_queries, product, seller, visitor
):
    if visitor == "customer":
        client.force_login(UserFactory())

    def measure():
        client.get(product.get_absolute_url())  # makes the thumbnails
        with django_assert_max_num_queries(MAX_PRODUCT_PAGE_QUERIES[visitor]) as captured:
            response = client.get(product.get_absolute_url())
        page = soup_of(response)
        parts = (".gallery-slide", ".maker-stories li", ".review", ".product-card")
        shown = [len(page.select(selector)) for selector in parts]
        return shown, len(captured)

    def add(photos, stories, reviews, products):
        for _ in range(photos):
            ProductImageFactory(product=product)
        for n in range(stories):
            add_story(seller, f"Câu chuyện {n}")
        for _ in range(reviews):
            ProductReviewFactory(product=product)
        for _ in range(products):
            ProductImageFactory(product=ProductFactory(seller=seller))

    # Given one of each, then many of each
    add(photos=1, stories=1, reviews=1, products=1)
    shown_small, queries_small = measure()
    add(photos=5, stories=4, reviews=7, products=6)
    shown_large, queries_large = measure()

    # Then the page shows more (up to its limits) for no more queries
    assert shown_small == [1, 1, 1, 1]
    assert shown_large == [6, 3, 5, 4]
    assert queries_large <= queries_small


@pytest.mark.django_db
def test_an_attribute_staff_gave_the_product_shows_in_its_details(client, product):
    ProductAttribute = product.product_class.attributes.model
    colour = ProductAttribute.objects.create(
        product_class=product.product_class, name="Màu thổ cẩm", code="mau", type=ProductAttribute.TEXT
    )
    assert "Màu thổ cẩm" not in text_of(open_page(client, product.get_absolute_url(), VIETNAMESE))

    colour.productattributevalue_set.create(product=product, value_text="Chàm")

    details = soup_of(open_page(client, product.get_absolute_url(), VIETNAMESE)).get_text(" ")
    assert "Màu thổ cẩm" in details
    assert "Chàm" in details
