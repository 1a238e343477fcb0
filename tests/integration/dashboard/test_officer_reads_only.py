"""A union officer reads Oscar's dashboard and changes nothing in it: no order, seller, product or anything else.

Every dashboard URL that takes an id is found in the URLconf, not listed by hand (as the seller
portal's isolation test finds its URLs): a new screen is covered the day it is added, and a new
kind of id fails here until it is mapped to an object below.
"""

import pytest
from django.apps import apps
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from oscar.core.loading import get_model
from oscar.test import factories as oscar_factories

from orders.paying import payment_source
from orders.status import OrderStatus, ShipmentStatus
from payments.methods import VIETQR
from tests.factories import (
    PartnerFactory,
    ProductFactory,
    ProductReviewFactory,
    UserFactory,
    create_category,
    place_order,
)

WeightBased = get_model("shipping", "WeightBased")

# The apps whose rows a dashboard screen could change.
WATCHED_APPS = {
    "order", "partner", "catalogue", "reviews", "offer", "voucher", "shipping", "payment", "flatpages", "users", "auth",
}


def dashboard_urls(patterns=None, namespace=None, converters=None):
    """(name, kwarg names) of every URL in the "dashboard" namespace, includes followed."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        found = {**(converters or {}), **entry.pattern.converters}
        if isinstance(entry, URLResolver):
            yield from dashboard_urls(entry.url_patterns, entry.namespace or namespace, found)
        elif isinstance(entry, URLPattern) and namespace == "dashboard":
            yield entry.name, sorted(found)


URLS_WITH_IDS = sorted({(name, tuple(kwargs)) for name, kwargs in dashboard_urls() if kwargs})

# Which object a `pk` names, by the start of the URL's name (the longest start wins).
PK_OF = {
    "catalogue-product": "product",
    "catalogue-category": "category",
    "catalogue-class": "product_class",
    "catalogue-attribute-option-group": "option_group",
    "catalogue-option": "option",
    "page": "flatpage",
    "partner": "seller",
    "offer": "offer",
    "range": "range",
    "reviews": "review",
    "voucher": "voucher",
    "voucher-set": "voucher_set",
    "shipping-method": "weight_method",
    "shipping-method-band": "band",
}
# What the other ids name.
OBJECT_OF_KWARG = {
    "number": lambda world: world["order"].number,
    "line_id": lambda world: world["line"].pk,
    "note_id": lambda world: world["note"].pk,
    "parent_pk": lambda world: world["product"].pk,
    "parent": lambda world: world["category"].pk,
    "partner_pk": lambda world: world["seller"].pk,
    "user_pk": lambda world: world["seller_user"].pk,
    "method_pk": lambda world: world["weight_method"].pk,
}


def url_kwargs(name, kwargs, world):
    values = {}
    for kwarg in kwargs:
        if kwarg == "pk":
            starts = [start for start in PK_OF if name.startswith(start)]
            assert starts, f"{name} takes a pk: say in PK_OF which object it names"
            values[kwarg] = world[PK_OF[max(starts, key=len)]].pk
        else:
            assert kwarg in OBJECT_OF_KWARG, f"{name} takes {kwarg}: map it to an object in OBJECT_OF_KWARG"
            values[kwarg] = OBJECT_OF_KWARG[kwarg](world)
    return values


def every_field(world):
    """A POST with what the dashboard's forms and actions ask for, so a refusal is not a form error."""
    return {
        "order_action": "change_order_status",
        "new_status": OrderStatus.PLACED,
        "reason": "Thử",
        "action": "change_order_statuses",
        "selected_order": [world["order"].pk],
        "selected_category": [world["category"].pk],
        "selected_product": [world["product"].pk],
        "line_action": "change_line_statuses",
        "selected_line": [world["line"].pk],
        f"selected_line_qty_{world['line'].pk}": "1",
        "message": "Ghi chú của cán bộ",
        "name": "Đã đổi tên",
        "title": "Đã đổi tên",
        "first_name": "Đã đổi",
        "line1": "Số 1 đường mới",
        "line4": "Phường Thục Phán",
        "state": "Cao Bằng",
        "country": "VN",
        "phone_number": "0912345678",
        "status": "1",
        "slug": "da-doi",
        "description": "Đã đổi",
        "url": "/da-doi/",
        "content": "Đã đổi",
        "code": "DADOI",
        "upper_limit": "1000",
        "charge": "1",
        "weight_unit": "1",
        "default_weight": "1",
    }


def snapshot():
    """Every row of the watched apps, as it is now."""
    return {
        model._meta.label: list(model._base_manager.order_by("pk").values())
        for model in apps.get_models()
        if model._meta.app_label in WATCHED_APPS and model._meta.managed and not model._meta.proxy
    }


@pytest.fixture
def world(db, customer):
    """One of each thing a dashboard screen names by id: an unpaid transfer order of a seller, her product…"""
    seller = PartnerFactory(name="Hợp tác xã Miến dong Hoa Thám")
    seller_user = UserFactory(email="hoa@miendong.example.vn")
    seller.users.add(seller_user)
    category = create_category("Miến dong")  # a top category: the category list's bulk actions act on those
    product = ProductFactory(title="Miến dong Hoa Thám", seller=seller, categories=[category])
    order = place_order(customer, (product, 2))
    order.status = OrderStatus.PENDING_PAYMENT
    order.save(update_fields=["status"])
    payment_source(order, VIETQR)
    flatpage = FlatPage.objects.create(url="/gioi-thieu/", title="Giới thiệu", content="Chợ OCOP")
    flatpage.sites.add(Site.objects.get_current())
    weight_method = WeightBased.objects.create(name="Theo cân nặng", code="theo-can-nang")
    range_ = oscar_factories.RangeFactory(name="Đặc sản khô")
    return {
        "seller": seller,
        "seller_user": seller_user,
        "category": category,
        "product": product,
        "product_class": product.product_class,
        "option_group": oscar_factories.AttributeOptionGroupFactory(name="Khối lượng"),
        "option": oscar_factories.OptionFactory(name="Gói quà"),
        "order": order,
        "line": order.lines.get(),
        "note": order.notes.create(message="Chờ chuyển khoản", note_type="Info"),
        "flatpage": flatpage,
        "offer": oscar_factories.ConditionalOfferFactory(
            name="Giảm giá Tết", benefit__range=range_, condition__range=range_
        ),
        "range": range_,
        "review": ProductReviewFactory(product=product),
        "voucher": oscar_factories.VoucherFactory(name="Mã Tết", code="TET2026"),
        "voucher_set": oscar_factories.VoucherSetFactory(name="Mã hội chợ", count=1),
        "weight_method": weight_method,
        "band": weight_method.bands.create(upper_limit=1, charge=20000),
    }


def test_the_dashboard_has_urls_with_ids_to_check():
    names = {name for name, _kwargs in URLS_WITH_IDS}
    assert {"order-detail", "order-shipping-address", "partner-manage", "catalogue-product"} <= names


@pytest.mark.parametrize(("name", "kwargs"), URLS_WITH_IDS, ids=[name for name, _ in URLS_WITH_IDS])
def test_an_officer_posting_to_a_dashboard_screen_changes_nothing(client, officer, world, name, kwargs):
    # Given a union officer, and the address of one of the dashboard's screens about a real object
    client.force_login(officer)
    url = reverse(f"dashboard:{name}", kwargs=url_kwargs(name, kwargs, world))
    before = snapshot()

    # When she sends a form to it
    response = client.post(url, every_field(world))

    # Then she is refused (or the screen only reads), and no row of anything changed
    assert response.status_code in (403, 405), f"POST {url} answered {response.status_code}"
    assert snapshot() == before
    order = world["order"]
    order.refresh_from_db()
    assert order.status == OrderStatus.PENDING_PAYMENT
    assert set(order.shipments.values_list("status", flat=True)) == {ShipmentStatus.NEW}


LISTS = ["order-list", "partner-list", "catalogue-product-list", "catalogue-category-list"]
# The bulk action of each list that would change something (an order's status, a category's visibility…).
BULK_ACTIONS = ["change_order_statuses", "make_non_public", "make_products_non_public"]


@pytest.mark.parametrize("action", BULK_ACTIONS)
@pytest.mark.parametrize("name", LISTS)
def test_an_officer_posting_to_a_dashboard_list_changes_nothing(client, officer, world, name, action):
    client.force_login(officer)
    before = snapshot()

    response = client.post(reverse(f"dashboard:{name}"), {**every_field(world), "action": action})

    assert response.status_code in (403, 405)
    assert snapshot() == before


def test_an_officer_downloads_the_orders_she_reads(client, officer, world):
    client.force_login(officer)
    before = snapshot()

    response = client.post(
        reverse("dashboard:order-list"), {"action": "download_selected_orders", "selected_order": [world["order"].pk]}
    )

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert world["order"].number in response.content.decode()
    assert snapshot() == before


READABLE = [("order-detail", ["number"]), ("partner-manage", ["pk"]), ("order-line-detail", ["line_id", "number"])]


@pytest.mark.parametrize(("name", "kwarg_names"), READABLE)
def test_an_officer_still_reads_what_she_may_read(client, officer, world, name, kwarg_names):
    client.force_login(officer)

    response = client.get(reverse(f"dashboard:{name}", kwargs=url_kwargs(name, kwarg_names, world)))

    assert response.status_code == 200


def test_the_same_forms_work_for_an_editor(client, editor, world):
    # Given an editor, who may change orders and sellers
    client.force_login(editor)
    order, seller = world["order"], world["seller"]

    # When she sends the forms the officer was refused: renaming the seller, a note, cancelling
    client.post(reverse("dashboard:partner-manage", kwargs={"pk": seller.pk}), every_field(world))
    client.post(
        reverse("dashboard:order-detail", kwargs={"number": order.number}),
        {"order_action": "change_order_status", "new_status": OrderStatus.CANCELLED, "reason": "Thử"},
    )

    client.post(reverse("dashboard:catalogue-category-list"), {**every_field(world), "action": "make_non_public"})

    # Then they work: the refusals above were the officer's, not her forms'
    seller.refresh_from_db()
    order.refresh_from_db()
    world["category"].refresh_from_db()
    assert seller.name == "Đã đổi tên"
    assert order.status == OrderStatus.CANCELLED
    assert not world["category"].is_public
