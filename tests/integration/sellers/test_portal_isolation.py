"""A seller can never see or change another seller's products, photos, stock, orders, lines, buyers or money;
a visitor is sent to log in and a union officer is refused, at every URL of the portal.

Every URL of the seller portal is found in the URLconf, not listed by hand: a new view is
covered the day it is added, and a new kind of id in a URL fails here until it is mapped to
another seller's object below.
"""

import datetime
from decimal import Decimal

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.urls import URLPattern, URLResolver, reverse
from django.utils import timezone

import sellers.portal.urls
from ledger.models import Entry
from ledger.payouts import mark_payout_paid, open_payout_run
from tests.factories import (
    PartnerFactory,
    ProductFactory,
    ProductImageFactory,
    UserFactory,
    create_category,
    place_order,
)
from tests.integration.ledger.helpers import deliver, prepaid_order
from tests.pages import text_of

# What a URL's id names, and how to find Hoa's object of that kind (see `hoas_shop`).
OBJECT_OF_KWARG = {
    "product_pk": lambda shop: shop["product"].pk,
    "photo_pk": lambda shop: shop["photo"].pk,
    "shipment_pk": lambda shop: shop["shipment"].pk,
}


def every_field(shop):
    """A POST valid for every portal form on Hoa's things, so a 404 is not hiding a form error."""
    product = shop["product"]
    return {
        "title": "Đã đổi tên",
        "product_class": product.product_class_id,
        "category": shop["category"].pk,
        "price": "99.000",
        "stock": "99",
        "description": "Đã đổi",
        "is_public": "",
        "public": "0",
        "change": "1",
        "carrier": "viettel-post",
        "tracking_code": "VTP123",
        "lines": [shop["line"].pk],
        "reason": "sold-out",
    }


def portal_urls(patterns=sellers.portal.urls.urlpatterns, converters=None):
    """(name, kwarg names) of every URL of the portal, includes followed."""
    for entry in patterns:
        found = {**(converters or {}), **entry.pattern.converters}
        if isinstance(entry, URLResolver):
            yield from portal_urls(entry.url_patterns, found)
        elif isinstance(entry, URLPattern):
            yield entry.name, sorted(found)


PORTAL_URLS = list(portal_urls())
URLS_WITH_IDS = [(name, kwargs) for name, kwargs in PORTAL_URLS if kwargs]
URLS_WITHOUT_IDS = [name for name, kwargs in PORTAL_URLS if not kwargs]


@pytest.fixture
def hoas_shop(seller):
    """Hoa's shop: a product with a photo; an order shared with Mai (`seller`), and one of hers alone."""
    hoa = PartnerFactory(
        name="Cơ sở Miến dong Hoa Thám", bank_bin="970418", bank_account_number="8800123456", bank_account_holder="HOA"
    )
    category = create_category("Đặc sản > Miến dong")
    product = ProductFactory(
        title="Miến dong Hoa Thám", seller=hoa, stockrecords__num_in_stock=10, categories=[category]
    )
    photo = ProductImageFactory(product=product)
    jelly = ProductFactory(title="Thạch đen Phục Hòa", seller=seller)
    shared = place_order(UserFactory(first_name="Bế Thị", last_name="Xuân"), (product, 2), jelly)
    hers_alone = place_order(UserFactory(first_name="Vi Thị", last_name="Thu"), product)
    return {
        "seller": hoa,
        "category": category,
        "product": product,
        "photo": photo,
        "shared_order": shared,
        "order": hers_alone,
        "shipment": shared.shipments.get(seller=hoa),
        "line": shared.lines.get(partner=hoa),
    }


@pytest.fixture
def hoas_money(hoas_shop):
    """Hoa's money: the order of hers alone delivered (cash), a transfer order delivered, and a payout made."""
    hoa = hoas_shop["seller"]
    deliver(hoas_shop["order"].shipments.get())
    noodles = ProductFactory(title="Miến dong Hoa Thám loại 1", seller=hoa, stockrecords__price=Decimal("777000"))
    paid = prepaid_order(UserFactory(first_name="Vi Thị", last_name="Thu"), noodles)
    deliver(paid.shipments.get())
    treasurer = UserFactory(is_staff=True)
    today = timezone.localdate()
    run = open_payout_run(period_start=today - datetime.timedelta(days=7), period_end=today, by=treasurer)
    mark_payout_paid(run.payouts.get(seller=hoa), bank_reference="FT-HOA-777", by=treasurer)
    assert Entry.objects.filter(seller=hoa).count() >= 5
    return {**hoas_shop, "paid_order": paid}


def url_of(name, kwargs, shop):
    return reverse(f"seller-portal:{name}", kwargs={kwarg: OBJECT_OF_KWARG[kwarg](shop) for kwarg in kwargs})


def assert_nothing_of_hoas_changed(shop, entries_before):
    product, shipment = shop["product"], shop["shipment"]
    product.refresh_from_db()
    shipment.refresh_from_db()
    assert product.title == "Miến dong Hoa Thám"
    assert product.is_public
    assert product.images.count() == 1
    assert shipment.status == shipment.Status.NEW
    assert shop["line"].__class__.objects.get(pk=shop["line"].pk).status == shop["line"].status
    assert Entry.objects.filter(seller=shop["seller"]).count() == entries_before


@pytest.fixture
def officer(db):
    """A union officer who may also pay sellers: staff who reads sellers, orders and payouts, and sells nothing."""
    user = UserFactory(email="can.bo@example.vn", is_staff=True)
    user.groups.add(Group.objects.get(name="Union officer"))
    user.user_permissions.add(Permission.objects.get(codename="pay_sellers"))
    return user


@pytest.fixture
def mai(client, seller_owner):
    """Mai (the `seller` fixture), another approved seller, logged in to her own portal."""
    client.force_login(seller_owner)
    return client


def test_the_portal_has_urls_with_ids_to_check():
    names = {name for name, _kwargs in URLS_WITH_IDS}
    assert {"product-edit", "order-detail"} <= names
    assert "money" in URLS_WITHOUT_IDS


@pytest.mark.parametrize(("name", "kwargs"), URLS_WITH_IDS, ids=[name for name, _ in URLS_WITH_IDS])
@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.django_db
def test_seller_gets_not_found_for_another_sellers_object(mai, hoas_shop, name, kwargs, method):
    # Given the address of one of Hoa's things
    unknown = set(kwargs) - set(OBJECT_OF_KWARG)
    assert not unknown, f"{name} takes {unknown}: map it to another seller's object in OBJECT_OF_KWARG"
    url = url_of(name, kwargs, hoas_shop)
    product = hoas_shop["product"]
    stock_before = product.stockrecords.values_list("num_in_stock", "num_allocated", "price").get()
    entries_before = Entry.objects.filter(seller=hoas_shop["seller"]).count()

    # When Mai opens it, or sends a form to it
    response = mai.post(url, every_field(hoas_shop)) if method == "post" else mai.get(url)

    # Then it is not found, and nothing of Hoa's changed
    assert response.status_code == 404, f"{method.upper()} {url} answered {response.status_code}"
    assert "Hoa Thám" not in response.content.decode()
    assert_nothing_of_hoas_changed(hoas_shop, entries_before)
    assert product.stockrecords.values_list("num_in_stock", "num_allocated", "price").get() == stock_before


@pytest.mark.parametrize("name", URLS_WITHOUT_IDS)
@pytest.mark.django_db
def test_seller_pages_show_nothing_of_another_sellers_shop(mai, hoas_money, name):
    for query in ("", "?status=all", "?status=shipped", "?status=cancelled"):
        response = mai.get(reverse(f"seller-portal:{name}") + query)

        assert response.status_code == 200
        page = text_of(response)
        assert "Hoa Thám" not in page
        assert hoas_money["order"].number not in page
        assert hoas_money["paid_order"].number not in page
        assert "777.000" not in page  # her transfer order, and what it made hers
        assert "FT-HOA-777" not in page  # the reference of her payout
        assert "Vi Thị" not in page  # Vi Thị Thu, Hoa's buyer ("Thu" alone is Vietnamese for "collect")


@pytest.mark.parametrize(("name", "kwargs"), PORTAL_URLS, ids=[name for name, _ in PORTAL_URLS])
@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.django_db
def test_a_visitor_is_sent_to_log_in_from_every_portal_url(client, hoas_shop, name, kwargs, method):
    url = url_of(name, kwargs, hoas_shop)
    entries_before = Entry.objects.filter(seller=hoas_shop["seller"]).count()

    response = client.post(url, every_field(hoas_shop)) if method == "post" else client.get(url)

    assert response.status_code == 302, f"{method.upper()} {url} answered {response.status_code}"
    assert response["Location"].startswith(f"{settings.LOGIN_URL}?next=")
    assert_nothing_of_hoas_changed(hoas_shop, entries_before)


@pytest.mark.parametrize(("name", "kwargs"), PORTAL_URLS, ids=[name for name, _ in PORTAL_URLS])
@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.django_db
def test_a_union_officer_is_refused_every_portal_url(client, officer, hoas_shop, name, kwargs, method):
    # Given a union officer, who may read sellers and pay them, but sells nothing herself
    client.force_login(officer)
    url = url_of(name, kwargs, hoas_shop)
    entries_before = Entry.objects.filter(seller=hoas_shop["seller"]).count()

    # When she opens a portal page or sends a form to it
    response = client.post(url, every_field(hoas_shop)) if method == "post" else client.get(url)

    # Then she is told the portal is for sellers, and sees and changes nothing of Hoa's
    assert response.status_code == 403, f"{method.upper()} {url} answered {response.status_code}"
    assert "Hoa Thám" not in response.content.decode()
    assert_nothing_of_hoas_changed(hoas_shop, entries_before)


@pytest.mark.django_db
def test_seller_sees_only_her_lines_of_an_order_shared_with_another_seller(mai, hoas_shop, seller):
    her_shipment = hoas_shop["shared_order"].shipments.get(seller=seller)

    page = text_of(mai.get(reverse("seller-portal:order-detail", kwargs={"shipment_pk": her_shipment.pk})))

    assert "Thạch đen Phục Hòa" in page
    assert "Hoa Thám" not in page


@pytest.mark.django_db
def test_the_forms_data_of_the_isolation_test_is_valid_for_the_owner(client, hoas_shop):
    # Given Hoa herself, logged in
    owner = UserFactory()
    hoas_shop["seller"].users.add(owner)
    client.force_login(owner)
    data = every_field(hoas_shop)

    # When she sends the same forms that Mai was refused
    client.post(reverse("seller-portal:product-edit", kwargs={"product_pk": hoas_shop["product"].pk}), data)
    client.post(reverse("seller-portal:order-cancel", kwargs={"shipment_pk": hoas_shop["shipment"].pk}), data)

    # Then they work: the 404s above are the portal refusing Mai, not her forms being wrong
    hoas_shop["product"].refresh_from_db()
    hoas_shop["shipment"].refresh_from_db()
    assert hoas_shop["product"].title == "Đã đổi tên"
    assert hoas_shop["shipment"].status == hoas_shop["shipment"].Status.CANCELLED
