"""Every page sends a Content-Security-Policy: strict on the storefront and the seller portal, what the
staff's admin areas need in Wagtail's admin, Oscar's dashboard and Django's admin."""

import json
import logging

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Page

from cms.models import StoryIndexPage, StoryPage
from tests.factories import ProductImageFactory, UserFactory, place_order
from tests.pages import soup_of
from tests.shopping import delivery_address, fill_basket, place_order_as_shown

HEADER = "Content-Security-Policy"
# <script> elements that hold data, not code: the policy does not run them.
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}


def policy_of(response, header=HEADER):
    """The response's policy as {directive: [sources]}."""
    assert header in response, f"{getattr(response, 'request', {}).get('PATH_INFO')} sends no {header}"
    directives = (part.split() for part in response[header].split(";") if part.strip())
    return {name: sources for name, *sources in directives}


def assert_strict(response):
    """The policy runs only the site's scripts and styles and the inline ones with this response's nonce,
    and the page has no inline script, style or event handler that the policy would block."""
    path = response.request["PATH_INFO"]
    assert response.status_code == 200, path
    policy = policy_of(response)
    [nonce] = [source[len("'nonce-") : -1] for source in policy["script-src"] if source.startswith("'nonce-")]
    for directive in ("script-src", "style-src"):
        assert "'unsafe-inline'" not in policy[directive], (path, directive)
        assert "'unsafe-eval'" not in policy[directive], (path, directive)
        assert f"'nonce-{nonce}'" in policy[directive], (path, directive)
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["default-src"] == ["'self'"]
    assert policy["connect-src"] == ["'self'"]

    page = soup_of(response)
    for script in page.find_all("script"):
        if script.get("src") or script.get("type") in DATA_SCRIPT_TYPES:
            continue
        assert script.get("nonce") == nonce, f"{path}: an inline script without the nonce: {str(script)[:200]}"
    for style in page.find_all("style"):
        assert style.get("nonce") == nonce, f"{path}: a <style> without the nonce: {str(style)[:200]}"
    for element in page.find_all(True):
        handlers = [name for name in element.attrs if name.lower().startswith("on")]
        assert not handlers, f"{path}: an inline event handler on <{element.name} {handlers}>"
        assert "style" not in element.attrs, f"{path}: a style attribute on {str(element)[:200]}"
        for link in ("href", "src", "action", "formaction"):
            assert not str(element.get(link, "")).strip().lower().startswith("javascript:"), path
    return policy


def assert_staff_area(response):
    """What the staff's admin scripts need: inline scripts and styles (without a nonce, which would cancel
    'unsafe-inline'), blob: images, their own frames; still nothing from other sites and no plugins."""
    path = response.request["PATH_INFO"]
    assert response.status_code == 200, path
    policy = policy_of(response)
    assert policy["script-src"][:2] == ["'self'", "'unsafe-inline'"], path
    assert "'unsafe-eval'" not in policy["script-src"], path
    assert not any(source.startswith("'nonce-") for sources in policy.values() for source in sources), path
    assert "blob:" in policy["img-src"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["connect-src"] == ["'self'"]


@pytest.fixture
def story(product):
    """A live story about the product's seller, with a card of the product."""
    home = Page.objects.get(depth=2, slug="home")
    index = home.add_child(instance=StoryIndexPage(title="Câu chuyện", slug="cau-chuyen"))
    body = [
        ("paragraph", "<p>Chị Mai nấu thạch từ lá sương sáo.</p>"),
        ("product", {"product": product, "note": "Nấu theo cách của mẹ chị"}),
    ]
    story = index.add_child(instance=StoryPage(title="Thạch đen của chị Mai", seller=product.seller, body=body))
    story.save_revision().publish()
    return story


@pytest.fixture
def superuser(db):
    return UserFactory(email="van.hanh@example.vn", is_staff=True, is_superuser=True)


@pytest.mark.django_db
def test_storefront_pages_run_only_the_sites_scripts_and_nonced_inline_ones(client, product, story):
    ProductImageFactory(product=product)
    pages = [
        "/",
        "/shop/catalogue/",
        product.get_absolute_url(),
        "/shop/search/?q=thach",
        "/sellers/",
        product.seller.get_absolute_url(),
        "/sellers/dang-ky/",
        story.get_parent().url,
        story.url,
        "/shop/accounts/login/",
    ]
    for url in pages:
        assert_strict(client.get(url))


@pytest.mark.django_db
def test_a_missing_page_has_the_strict_policy_too(client, settings):
    settings.DEBUG = False

    response = client.get("/khong-co-trang-nay/")

    assert response.status_code == 404
    assert policy_of(response)["script-src"][0] == "'self'"


@pytest.mark.django_db
def test_basket_and_every_checkout_step_are_strict(client, product):
    # Given a guest with the product in her basket
    fill_basket(client, product)
    assert_strict(client.get("/shop/basket/"))

    # When she goes through the checkout's steps
    client.post("/shop/checkout/", {"phone": "0912 345 678", "email": "lan@example.vn"})
    assert_strict(client.get("/shop/checkout/shipping-address/"))
    client.post("/shop/checkout/shipping-address/", delivery_address())
    client.get("/shop/checkout/shipping-method/", follow=True)
    assert_strict(client.get("/shop/checkout/payment-method/"))
    client.post("/shop/checkout/payment-method/", {"method": "vietqr"})
    preview = client.get("/shop/checkout/preview/")
    policy = assert_strict(preview)

    # Then "Đặt hàng" may lead on to Stripe's Checkout, and nowhere else off the site
    assert policy["form-action"] == ["'self'", "https://checkout.stripe.com"]
    assert soup_of(preview).select_one("#place_order_form + script")

    # And the thank-you page with the VietQR code and its copy buttons is strict too
    placed = place_order_as_shown(client, follow=True)
    assert placed.request["PATH_INFO"] == "/shop/checkout/thank-you/"
    assert soup_of(placed).select(".payment-box [data-copy]")
    assert_strict(placed)


@pytest.mark.django_db
def test_her_account_and_order_pages_are_strict(client, customer, product):
    order = place_order(customer, product)
    client.force_login(customer)

    for url in [
        "/shop/accounts/profile/",
        "/shop/accounts/profile/edit/",
        "/shop/accounts/change-password/",
        "/shop/accounts/addresses/add/",
        "/shop/accounts/orders/",
        f"/shop/accounts/orders/{order.number}/",
    ]:
        assert_strict(client.get(url))


@pytest.mark.django_db
def test_seller_portal_pages_are_strict(client, seller_owner, product):
    place_order(None, product)
    shipment = product.seller.shipments.get()
    client.force_login(seller_owner)

    for name, kwargs in [
        ("home", {}),
        ("products", {}),
        ("product-create", {}),
        ("product-edit", {"product_pk": product.pk}),
        ("orders", {}),
        ("order-detail", {"shipment_pk": shipment.pk}),
        ("money", {}),
        ("profile", {}),
        ("log", {}),
    ]:
        assert_strict(client.get(reverse(f"seller-portal:{name}", kwargs=kwargs)))


@pytest.mark.django_db
def test_staff_areas_get_what_their_admin_scripts_need(client, superuser, story):
    client.force_login(superuser)

    for url in [
        "/cms/",
        f"/cms/pages/{story.pk}/edit/",
        "/cms/pages/",
        "/shop/dashboard/",
        "/shop/dashboard/catalogue/",
        "/django-admin/",
        "/django-admin/users/user/",
    ]:
        assert_staff_area(client.get(url, follow=True))


@pytest.mark.django_db
def test_wagtails_preview_of_a_story_is_the_admins_and_may_be_framed_by_its_editor(story):
    # Wagtail previews through the middleware on a dummy request for the story's own path
    response = story.make_preview_request()

    assert response.status_code == 200
    policy = policy_of(response)
    assert policy["frame-ancestors"] == ["'self'"]
    assert "'unsafe-inline'" in policy["script-src"]


@pytest.mark.django_db
def test_report_only_sends_the_same_policies_without_enforcing_them(client, settings, superuser):
    # Given the policy is set to report only, as for a first deploy
    settings.CONTENT_SECURITY_POLICY_REPORT_ONLY = settings.CONTENT_SECURITY_POLICY
    settings.CONTENT_SECURITY_POLICY = None

    # Then the storefront and the staff's areas send it as Content-Security-Policy-Report-Only
    home = client.get("/")
    assert HEADER not in home
    assert "'unsafe-inline'" not in policy_of(home, f"{HEADER}-Report-Only")["script-src"]
    client.force_login(superuser)
    cms = client.get("/cms/")
    assert HEADER not in cms
    assert "'unsafe-inline'" in policy_of(cms, f"{HEADER}-Report-Only")["script-src"]


def test_a_browsers_report_is_logged(client, caplog):
    report = {
        "csp-report": {
            "document-uri": "https://cho-ocop.example/shop/basket/",
            "blocked-uri": "inline",
            "effective-directive": "script-src-elem",
        }
    }

    with caplog.at_level(logging.WARNING, logger="shop.csp"):
        response = client.post("/csp-report/", json.dumps(report), content_type="application/csp-report")

    assert response.status_code == 204
    assert [record.getMessage() for record in caplog.records if record.name == "shop.csp"] == [
        "Content-Security-Policy blocked inline on https://cho-ocop.example/shop/basket/ (script-src-elem)"
    ]


def test_a_report_that_is_not_one_is_refused_and_not_logged(client, caplog):
    with caplog.at_level(logging.WARNING, logger="shop.csp"):
        garbled = client.post("/csp-report/", "not json", content_type="application/csp-report")
        long_report = json.dumps({"csp-report": {"blocked-uri": "x" * 9000}})
        too_long = client.post("/csp-report/", long_report, content_type="application/csp-report")

    assert garbled.status_code == 400
    assert too_long.status_code == 413
    assert not [record for record in caplog.records if record.name == "shop.csp"]


def test_the_server_error_page_styles_itself_with_the_nonce(settings, db):
    settings.DEBUG = False
    settings.DEBUG_PROPAGATE_EXCEPTIONS = False
    settings.ROOT_URLCONF = "tests.integration.shop.failing_urls"
    client = Client(raise_request_exception=False)

    response = client.get("/boom/")

    assert response.status_code == 500
    [nonce] = [source for source in policy_of(response)["style-src"] if source.startswith("'nonce-")]
    assert soup_of(response).style["nonce"] == nonce[len("'nonce-") : -1]
