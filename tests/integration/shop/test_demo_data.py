"""`manage.py load_demo_data`: a full marketplace to show, loaded as often as one likes."""

import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import transaction
from oscar.core.loading import get_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision
from wagtail.permission_policies.pages import PagePermissionPolicy

from cms.models import HomePage, StoryPage
from tests.pages import soup_of, text_of
from vietnam.phones import format_phone

User = get_user_model()
Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")
ProductImage = get_model("catalogue", "ProductImage")
Category = get_model("catalogue", "Category")

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
    sellers = Partner.objects.all()
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
