"""`manage.py load_demo_data`: a full marketplace to show, loaded as often as one likes."""

import re
import shutil
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.db import transaction
from oscar.core.loading import get_model
from PIL import Image
from wagtail.images import get_image_model
from wagtail.models import Page, Revision
from wagtail.permission_policies.pages import PagePermissionPolicy

from cms.models import HomePage, StandardPage, StoryIndexPage, StoryPage
from demo import loading
from demo.datafiles import DATA, PICTURES, DemoDataError, read_demo, referenced_pictures
from tests.pages import soup_of, text_of
from vietnam.phones import format_phone

User = get_user_model()
Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")
ProductImage = get_model("catalogue", "ProductImage")
Category = get_model("catalogue", "Category")
ProductClass = get_model("catalogue", "ProductClass")

COUNTED = {
    "users": User,
    "sellers": Partner,
    "products": Product,
    "stock records": StockRecord,
    "product images": ProductImage,
    "categories": Category,
    "Wagtail pages": Page,
    "Wagtail images": get_image_model(),
    "revisions": Revision,
}
ACCOUNTS = {
    "customer": "khachhang@example.com",
    "union editor": "bientap@example.com",
    "union officer": "canbo@example.com",
    "operator": "vanhanh@example.com",
}

pytestmark = pytest.mark.django_db


def counts():
    return {name: model.objects.count() for name, model in COUNTED.items()}


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo data loaded twice, inside a transaction rolled back after this module."""
    with django_db_blocker.unblock(), transaction.atomic():
        first_output = StringIO()
        call_command("load_demo_data", force=True, stdout=first_output)
        after_first = counts()
        second_output = StringIO()
        call_command("load_demo_data", force=True, stdout=second_output)
        after_second = counts()
        yield {
            "after_first": after_first,
            "after_second": after_second,
            "output": first_output.getvalue() + second_output.getvalue(),
        }
        transaction.set_rollback(True)


def password_in(output, user):
    """The demo password the command printed for this user (the output's format may change)."""
    for word in set(re.split(r"[\s|`'\",:;()\[\]]+", output)):
        if word and user.check_password(word):
            return word
    return None


def test_loading_the_demo_data_again_duplicates_nothing(demo):
    assert demo["after_first"]["products"] > 0
    assert demo["after_second"] == demo["after_first"]


def test_demo_has_at_least_eight_sellers_with_three_to_eight_products_each(demo):
    sellers = Partner.objects.filter(status=Partner.Status.APPROVED)
    assert sellers.count() >= 8
    for seller in sellers:
        products = Product.objects.filter(seller=seller).distinct().count()
        assert 3 <= products <= 8, f"{seller.name} has {products} products"


def test_every_public_demo_product_has_an_image_and_a_price(demo):
    products = Product.objects.browsable().prefetch_related("images", "stockrecords")
    assert products.count() >= 40
    for product in products:
        assert product.images.all(), f"{product.title} has no image"
        prices = [record.price for record in product.stockrecords.all()]
        assert prices, f"{product.title} has no stock record"
        assert all(price and price > 0 for price in prices), f"{product.title} has no price"
        assert {record.price_currency for record in product.stockrecords.all()} == {"VND"}


def test_demo_has_an_account_for_each_role(demo):
    for role, email in ACCOUNTS.items():
        user = User.objects.filter(email=email, is_active=True).first()
        assert user is not None, f"no {role} account {email}"
        assert password_in(demo["output"], user), f"the {role}'s password is not printed"
    policy = PagePermissionPolicy()
    editor = User.objects.get(email=ACCOUNTS["union editor"])
    officer = User.objects.get(email=ACCOUNTS["union officer"])
    assert editor.has_perm("wagtailadmin.access_admin")
    assert officer.has_perm("wagtailadmin.access_admin")
    assert policy.user_has_permission(editor, "publish")
    assert not policy.user_has_permission(officer, "publish")
    assert User.objects.get(email=ACCOUNTS["operator"]).is_superuser
    assert not User.objects.get(email=ACCOUNTS["customer"]).is_staff


def test_every_demo_seller_has_an_account_with_a_mobile_number(demo):
    for seller in Partner.objects.prefetch_related("users"):
        phones = [user.phone for user in seller.users.all() if user.phone]
        assert phones, f"{seller.name} has no account with a phone number"


def test_a_demo_seller_logs_in_with_her_phone_number_as_printed(client, demo):
    # Given a seller's account and the password the command printed
    seller_user = User.objects.filter(partners__isnull=False).exclude(phone=None).order_by("pk").first()
    password = password_in(demo["output"], seller_user)
    assert password, "the seller's password is not printed"

    # When she logs in with her number as she writes it
    response = client.post(
        "/shop/accounts/login/",
        {"login-username": format_phone(seller_user.phone), "login-password": password, "login_submit": "Log In"},
        follow=True,
    )

    # Then she is in
    assert response.context["user"] == seller_user


def test_demo_home_page_shows_stories_products_and_sellers(client, demo):
    home = HomePage.objects.live().get()
    stories = StoryPage.objects.live().public().descendant_of(home)
    assert stories.exists(), "no published story under the home page"

    response = client.get("/")

    text = text_of(response)
    assert stories.order_by("-first_published_at").first().title in text
    assert len(soup_of(response).select(".product-card")) >= 4
    assert Partner.objects.order_by("name").first().name in text


def test_demo_refuses_to_publish_its_passwords_on_a_site_with_debug_off(settings):
    settings.DEBUG = False
    users_before = get_user_model().objects.count()

    with pytest.raises(CommandError, match="--force"):
        call_command("load_demo_data", stdout=StringIO())

    assert get_user_model().objects.count() == users_before


def test_demo_union_staff_can_open_oscars_dashboard_pages(client, demo):
    for email in ("bientap@example.com", "canbo@example.com"):
        client.force_login(get_user_model().objects.get(email=email))
        for url in ("/shop/dashboard/", "/shop/dashboard/catalogue/", "/shop/dashboard/orders/"):
            assert client.get(url).status_code == 200, (email, url)


def test_every_entry_of_the_data_files_is_loaded(demo):
    data = read_demo()
    assert set(ProductClass.objects.values_list("name", flat=True)) >= set(data.catalogue.product_classes)
    leaves = {breadcrumb.split(" > ")[-1] for breadcrumb in data.catalogue.categories}
    assert set(Category.objects.values_list("name", flat=True)) >= leaves
    for seller in data.sellers:
        partner = Partner.objects.get(slug=seller.slug)
        assert (partner.name, partner.commune_code, partner.kind) == (seller.name, seller.ward_code, seller.kind)
        assert partner.photo, f"{seller.slug} has no photo"
        assert partner.users.filter(email=seller.email).exists(), f"{seller.slug} has no login {seller.email}"
        for item in seller.products:
            product = Product.objects.get(upc=item.sku)
            assert (product.title, product.seller) == (item.title, partner)
            assert (product.net_quantity, product.storage) == (item.label.net_quantity, item.label.storage), item.sku
            assert product.ocop_stars == (item.ocop.stars if item.ocop else None), item.sku
            record = product.stockrecords.get()
            assert (record.partner_sku, record.price) == (item.sku, item.price)  # the demo orders took some stock
            captions = [image.caption for image in product.images.order_by("display_order")]
            assert captions == [picture.caption for picture in item.pictures], item.sku
    for account in data.accounts:
        assert User.objects.filter(email=account.email).exists(), account.email
    applied = Partner.objects.filter(status=Partner.Status.APPLIED)
    assert sorted(applied.values_list("name", flat=True)) == sorted(a.name for a in data.applications)
    assert applied.filter(registered_by__email="canbo@example.com").exists()
    home = HomePage.objects.get()
    index = StoryIndexPage.objects.child_of(home).get(slug=data.pages.story_index.slug)
    for story in data.pages.stories:
        page = StoryPage.objects.child_of(index).live().get(slug=story.slug)
        assert [block.block_type for block in page.body] == [block.type for block in story.body], story.slug
    assert StandardPage.objects.child_of(home).live().filter(slug=data.pages.programme_page.slug).exists()
    assert home.hero_title == data.home.hero.title
    assert [figure.value["number"] for figure in home.figures] == [figure.number for figure in data.home.figures]


def test_demo_orders_are_those_of_orders_yaml(demo):
    data = read_demo()
    customer = User.objects.get(email=next(account.email for account in data.accounts if account.role == "customer"))
    placed = customer.orders.order_by("date_placed")
    expected = sorted(data.orders.orders, key=lambda order: -order.days_ago)  # the oldest first
    assert [sorted((line.upc, line.quantity) for line in order.lines.all()) for order in placed] == [
        sorted((line.sku, line.quantity) for line in order.lines) for order in expected
    ]


def test_product_photos_are_stored_as_jpeg_like_sellers_uploads(demo):
    image = ProductImage.objects.order_by("pk").first()
    with image.original.open() as stored, Image.open(stored) as photo:
        assert photo.format == "JPEG"


def test_photos_found_without_their_sizes_are_given_them_by_the_next_load(demo):
    # The first load's tasks wait for a commit that never comes in this module's transaction; the second load
    # finds its photos as those of a database loaded before the sizes were kept, and makes them.
    photos = ProductImage.objects.all()
    assert photos
    assert all(photo.thumbnails.get("of") == photo.original.name for photo in photos)
    assert all(default_storage.exists(photo.thumbnails["card"]["name"]) for photo in photos)


def test_every_picture_the_data_names_is_in_the_pictures_folder_and_every_picture_there_is_used():
    files = {str(path.relative_to(PICTURES)) for path in PICTURES.rglob("*") if path.is_file()}
    assert files == referenced_pictures(read_demo())


def test_demo_pictures_are_small_webp_files():
    paths = [path for path in PICTURES.rglob("*") if path.is_file()]
    for path in paths:
        with Image.open(path) as picture:
            assert picture.format == "WEBP", path.name
            assert max(picture.size) <= 800, path.name
    assert sum(path.stat().st_size for path in paths) < 1.5 * 1024 * 1024


@pytest.fixture
def data_copy(tmp_path):
    """A copy of demo/data/ to spoil, its pictures shared with the real one."""
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy, ignore=shutil.ignore_patterns("pictures"))
    (copy / "pictures").symlink_to(PICTURES)
    return copy


def spoil(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        ("sellers.yaml", "price: 65000", "prise: 65000", r"sellers\.yaml: .*\[PDN-MIEN-500\]: unknown key 'prise'"),
        ("sellers.yaml", "price: 65000", "price: 65.000đ", r"products\[PDN-MIEN-500\]\.price: expected a whole number"),
        ("sellers.yaml", "category: Đặc sản khô > Miến & bún khô", "category: Miến", r"\[PDN-MIEN-500\]\.category"),
        ("sellers.yaml", "file: products/pdn-mien-500-2.webp", "file: products/pdn-mien-500-3.webp", r"no picture"),
        ("pages.yaml", "product: PDN-MIEN-500", "product: PDN-MIEN-5000", r"stories\[mua-dong-tren-gian-phoi-mien\]"),
        ("pages.yaml", "- heading: Từ củ dong", "- headline: Từ củ dong", r"body\[#1\]: unknown block 'headline'"),
        ("accounts.yaml", "role: officer", "role: oficer", r"accounts\[canbo@example\.com\]\.role"),
        ("orders.yaml", "step: shipped", "step: sent", r"orders\.yaml: orders\[#3\]\.step"),
        ("home.yaml", "stories: 2", "stories: [2", r"home\.yaml: not valid YAML"),
    ],
)
def test_a_mistake_in_a_data_file_is_named_with_its_file_and_entry(data_copy, file, old, new, message):
    spoil(data_copy / file, old, new)

    with pytest.raises(DemoDataError, match=message):
        read_demo(data_copy)


def test_a_mistake_in_a_data_file_stops_the_command_before_it_writes(data_copy, monkeypatch):
    # Given a product with a typo in sellers.yaml
    spoil(data_copy / "sellers.yaml", "weight_grams: 550", "weight: 550")
    monkeypatch.setattr(loading, "read_demo", lambda: read_demo(data_copy))
    users_before = User.objects.count()

    # When the demo is loaded
    with pytest.raises(
        CommandError, match=r"sellers\.yaml: sellers\[htx-mien-dong-phia-den\]\.products\[PDN-MIEN-500\]"
    ):
        call_command("load_demo_data", force=True, stdout=StringIO())

    # Then nothing was written
    assert User.objects.count() == users_before
