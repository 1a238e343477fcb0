"""A union officer works on a seller's shop for her, when she agreed; every change staff make to her shop
is in her log, which she reads in her portal as sentences."""

from decimal import Decimal

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from ledger.models import Entry
from orders.paying import payment_source
from orders.status import OrderStatus
from payments.methods import COD
from sellers.audit import recorded
from sellers.models import SellerLogEntry
from sellers.portal.acting import SESSION_KEY
from tests.factories import (
    PartnerFactory,
    ProductFactory,
    ProductImageFactory,
    UserFactory,
    place_order,
    union_staff,
)
from tests.integration.catalog.test_dashboard_product_form import form_data
from tests.integration.sellers.test_portal_isolation import (
    URLS_WITH_IDS,
    URLS_WITHOUT_IDS,
    assert_nothing_of_hoas_changed,
    every_field,
    hoas_shop,  # noqa: F401  (a fixture)
    url_of,
)
from tests.integration.sellers.test_portal_profile import profile_data
from tests.pages import ENGLISH, soup_of, text_of

BANNER = "Union officer Hoàng Thị Thu is working on this shop for Đàm Thị Mai"


@pytest.fixture(autouse=True)
def _in_english(client):
    """Her pages read in English here (the marketplace's language cookie); the log's Vietnamese sentence is
    checked on its own below."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = ENGLISH


@pytest.fixture
def mai(seller):
    """Mai's business (the `seller` fixture), whose owner lets the Union work on her shop."""
    seller.union_may_act = True
    seller.save()
    return seller


@pytest.fixture
def officer(db):
    return union_staff("Union officer", "can.bo@example.vn")  # Hoàng Thị Thu


@pytest.fixture
def acting(client, officer, mai):
    """The officer's browser, acting for Mai."""
    client.force_login(officer)
    response = client.post(reverse("acting-for-seller:start", kwargs={"seller_pk": mai.pk}))
    assert response.status_code == 302
    assert response["Location"] == reverse("seller-portal:home")
    return client


def start_url(seller):
    return reverse("acting-for-seller:start", kwargs={"seller_pk": seller.pk})


def product_form(product, **changes):
    """The portal's product form as the page fills it, with `changes`."""
    record = product.stockrecords.get()
    data = {
        "title": product.title,
        "product_class": product.product_class_id,
        "category": product.categories.first().pk,
        "price": f"{record.price:.0f}",
        "stock": str(record.num_in_stock),
        "description": product.description,
        "is_public": "on",
        "form_token": f"token-{timezone.now().timestamp()}",
    }
    return {**data, **changes}


@pytest.mark.django_db
def test_the_officer_sees_the_sellers_who_agreed_and_only_them(client, officer, mai):
    PartnerFactory(name="Cơ sở Hạt dẻ Đàm Thủy")  # has not agreed
    PartnerFactory(name="Cơ sở chờ duyệt", union_may_act=True, status="applied")
    client.force_login(officer)

    page = text_of(client.get(reverse("acting-for-seller:sellers")))

    assert "Hợp tác xã Thạch đen Phục Hòa" in page
    assert "Hạt dẻ Đàm Thủy" not in page
    assert "chờ duyệt" not in page


@pytest.mark.django_db
def test_acting_shows_her_shop_with_the_banner_on_every_portal_page(acting, hoas_shop, product):  # noqa: F811
    for name in [*URLS_WITHOUT_IDS, "product-edit"]:
        kwargs = {"product_pk": product.pk} if name == "product-edit" else {}
        response = acting.get(reverse(f"seller-portal:{name}", kwargs=kwargs))

        assert response.status_code == 200, name
        page = text_of(response)
        assert BANNER in page, name
        assert "Hợp tác xã Thạch đen Phục Hòa" in page
        assert "Hoa Thám" not in page
        assert soup_of(response).select_one(f".portal-acting form[action='{reverse('acting-for-seller:stop')}']")


@pytest.mark.django_db
def test_the_seller_herself_sees_no_banner(client, mai, seller_owner):
    client.force_login(seller_owner)

    assert "is working on this shop" not in text_of(client.get(reverse("seller-portal:home")))


@pytest.mark.django_db
def test_stopping_leaves_her_shop(acting):
    response = acting.post(reverse("acting-for-seller:stop"))

    assert response["Location"] == reverse("acting-for-seller:sellers")
    assert acting.get(reverse("seller-portal:home")).status_code == 403  # a portal for sellers, again


@pytest.mark.django_db
def test_her_consent_switched_off_stops_the_acting_at_the_next_request(acting, client, mai, product, seller_owner):
    # Given Mai switching her consent off in her profile, in her own browser
    mine = client.__class__()
    mine.force_login(seller_owner)
    assert mine.post(reverse("seller-portal:profile"), profile_data(mai)).status_code == 302  # the box unticked
    mai.refresh_from_db()
    assert not mai.union_may_act

    # When the officer sends her next form in Mai's shop
    response = acting.post(reverse("seller-portal:product-edit", kwargs={"product_pk": product.pk}), product_form(
        product, price="1000"
    ))

    # Then she is back on the list of sellers, told why, and nothing changed
    assert response["Location"] == reverse("acting-for-seller:sellers")
    assert SESSION_KEY not in acting.session
    assert product.stockrecords.get().price == Decimal("125000")
    assert acting.get(reverse("seller-portal:home")).status_code == 403


@pytest.mark.django_db
def test_acting_for_her_cannot_change_where_her_money_goes_nor_her_consent(acting, mai):
    mai.bank_bin, mai.bank_account_number, mai.bank_account_holder = "970405", "8300205012345", "DAM THI MAI"
    mai.save()

    data = profile_data(mai, story="Chị Mai làm thạch đen từ năm 2015.", bank_bin="970418")
    data.update(bank_account_number="9999999999", bank_account_holder="NGUOI KHAC")  # and union_may_act unticked
    assert acting.post(reverse("seller-portal:profile"), data).status_code == 302

    mai.refresh_from_db()
    assert mai.story == "Chị Mai làm thạch đen từ năm 2015."
    assert (mai.bank_bin, mai.bank_account_number) == ("970405", "8300205012345")
    assert mai.bank_account_holder == "DAM THI MAI"
    assert mai.union_may_act
    assert "Only she can change this, in her own shop." in text_of(acting.get(reverse("seller-portal:profile")))


def not_acting_for_mai(client):
    """Whatever the person tried, no session acts for Mai and her shop shows nowhere."""
    assert SESSION_KEY not in client.session
    response = client.get(reverse("seller-portal:home"))
    assert "Hợp tác xã Thạch đen Phục Hòa" not in response.content.decode()
    assert "is working on this shop" not in response.content.decode()


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("person", ["guest", "customer", "another seller", "staff without the permission"])
@pytest.mark.django_db
def test_only_union_staff_may_start_acting(client, mai, person, method):
    if person == "customer":
        client.force_login(UserFactory())
    elif person == "another seller":
        owner = UserFactory()
        PartnerFactory(name="Cơ sở Miến dong Hoa Thám").users.add(owner)
        client.force_login(owner)
    elif person == "staff without the permission":
        client.force_login(UserFactory(is_staff=True))

    response = getattr(client, method)(start_url(mai))

    assert response.status_code in (302, 403)
    assert response.get("Location") != reverse("seller-portal:home")
    not_acting_for_mai(client)


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("seller_kind", ["not agreed", "applied", "suspended"])
@pytest.mark.django_db
def test_an_officer_cannot_act_for_a_seller_who_did_not_agree_or_is_not_approved(
    client, officer, seller, seller_kind, method
):
    seller.union_may_act = seller_kind != "not agreed"
    seller.status = {"applied": "applied", "suspended": "suspended"}.get(seller_kind, "approved")
    seller.save()
    client.force_login(officer)

    response = getattr(client, method)(start_url(seller))

    assert response.status_code == 404
    not_acting_for_mai(client)


@pytest.mark.parametrize(("name", "kwargs"), URLS_WITH_IDS, ids=[name for name, _ in URLS_WITH_IDS])
@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.django_db
def test_acting_for_mai_never_reaches_another_sellers_rows(acting, hoas_shop, name, kwargs, method):  # noqa: F811
    # Given the officer in Mai's shop, and the address of one of Hoa's things
    url = url_of(name, kwargs, hoas_shop)
    product = hoas_shop["product"]
    stock_before = product.stockrecords.values_list("num_in_stock", "num_allocated", "price").get()
    entries_before = Entry.objects.filter(seller=hoas_shop["seller"]).count()

    # When she opens it, or sends a form to it
    response = acting.post(url, every_field(hoas_shop)) if method == "post" else acting.get(url)

    # Then it is not found, and nothing of Hoa's changed
    assert response.status_code == 404, f"{method.upper()} {url} answered {response.status_code}"
    assert "Hoa Thám" not in response.content.decode()
    assert_nothing_of_hoas_changed(hoas_shop, entries_before)
    assert product.stockrecords.values_list("num_in_stock", "num_allocated", "price").get() == stock_before
    assert not SellerLogEntry.objects.filter(seller=hoas_shop["seller"]).exists()


@pytest.mark.django_db
def test_a_price_changed_for_her_is_in_her_log_as_a_sentence(acting, client, mai, product, seller_owner):
    # Given the officer changing the jelly's price in Mai's shop
    response = acting.post(
        reverse("seller-portal:product-edit", kwargs={"product_pk": product.pk}), product_form(product, price="65.000")
    )
    assert response.status_code == 302
    assert product.stockrecords.get().price == Decimal("65000")

    # When Mai reads her log
    acting.post(reverse("acting-for-seller:stop"))
    client.force_login(seller_owner)
    page = text_of(client.get(reverse("seller-portal:log")))

    # Then she reads who changed what, from and to, and when in Cao Bằng's time
    entry = SellerLogEntry.objects.get(seller=mai, content_type__model="stockrecord")
    at = timezone.localtime(entry.timestamp)
    assert (
        f"Union officer Hoàng Thị Thu changed the price of Thạch đen Cao Bằng: 125.000\xa0₫ → 65.000\xa0₫, "
        f"{at:%H:%M} on {at.day}/{at.month}"
    ) in page
    assert entry.on_behalf
    assert "for you, in your shop" in page

    # And in Vietnamese, as she reads it by default
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = settings.LANGUAGE_CODE
    page = text_of(client.get(reverse("seller-portal:log")))
    assert (
        f"Cán bộ Hội Hoàng Thị Thu đã đổi giá Thạch đen Cao Bằng: 125.000\xa0₫ → 65.000\xa0₫, "
        f"{at:%H:%M} ngày {at.day}/{at.month}"
    ) in page


@pytest.mark.django_db
def test_her_own_changes_and_her_buyers_are_not_in_her_log(client, mai, product, seller_owner):
    client.force_login(seller_owner)

    client.post(reverse("seller-portal:product-edit", kwargs={"product_pk": product.pk}), product_form(
        product, price="99.000"
    ))

    assert product.stockrecords.get().price == Decimal("99000")
    assert not SellerLogEntry.objects.exists()


@pytest.mark.django_db
def test_an_editors_change_in_the_dashboard_is_in_her_log(client, mai, product, seller_owner):
    # Given a union editor changing the jelly's price and title in Oscar's dashboard
    editor = union_staff("Union editor", "bien.tap@example.vn")
    client.force_login(editor)
    url = f"/shop/dashboard/catalogue/products/{product.pk}/"
    data = form_data(client.get(url), "create_update_product_form")
    data.update({"title": "Thạch đen Phục Hòa 500g", "stockrecords-0-price": "130000"})
    assert client.post(url, data).status_code == 302

    # When Mai reads her log
    client.force_login(seller_owner)
    page = text_of(client.get(reverse("seller-portal:log")))

    # Then both changes are there, not marked as done in her shop
    assert "Union officer Hoàng Thị Thu renamed Thạch đen Cao Bằng to Thạch đen Phục Hòa 500g" in page
    assert "changed the price of Thạch đen Phục Hòa 500g: 125.000\xa0₫ → 130.000\xa0₫" in page
    assert not SellerLogEntry.objects.filter(on_behalf=True).exists()
    assert "search_text" not in str(list(SellerLogEntry.objects.values_list("changes", flat=True)))


@pytest.mark.django_db
def test_an_editors_cancel_of_an_order_in_the_dashboard_is_in_each_sellers_log(client, mai, product, seller_owner):
    # Given a cash order of Mai's jelly and Hoa's noodles, which an editor cancels in Oscar's dashboard
    hoa = PartnerFactory(name="Cơ sở Miến dong Hoa Thám")
    order = place_order(UserFactory(), product, ProductFactory(title="Miến dong Hoa Thám", seller=hoa))
    payment_source(order, COD)
    client.force_login(union_staff("Union editor", "bien.tap@example.vn"))
    data = {"order_action": "change_order_status", "new_status": OrderStatus.CANCELLED, "reason": "Khách đặt nhầm"}
    assert client.post(reverse("dashboard:order-detail", kwargs={"number": order.number}), data).status_code == 302

    # When Mai reads her log
    client.force_login(seller_owner)
    page = text_of(client.get(reverse("seller-portal:log")))

    # Then her parcel and her line are cancelled there, and nothing of Hoa's
    assert f"Union officer Hoàng Thị Thu moved order {order.number} to “" in page
    assert f"marked Thạch đen Cao Bằng of order {order.number} “" in page
    assert "Hoa Thám" not in page
    assert SellerLogEntry.objects.filter(seller=hoa, content_type__model="shipment").exists()


@pytest.mark.django_db
def test_her_approval_is_in_her_log(client):
    owner = UserFactory()
    applied = PartnerFactory(name="Cơ sở Thạch đen Lục Khu", status="applied")
    applied.users.add(owner)
    client.force_login(union_staff("Union editor", "bien.tap@example.vn"))

    client.post(reverse("sellers:approve", kwargs={"pk": applied.pk}))

    client.force_login(owner)
    page = text_of(client.get(reverse("seller-portal:log")))
    assert "Union officer Hoàng Thị Thu changed" in page
    assert "of your shop: " in page
    assert SellerLogEntry.objects.get(seller=applied).changes_dict["status"] == ["applied", "approved"]


@pytest.mark.django_db
def test_a_staff_change_to_her_business_in_the_admin_is_in_her_log(client, mai, seller_owner):
    admin = UserFactory(is_staff=True, is_superuser=True, first_name="Nguyễn", last_name="Thị Lan")
    client.force_login(admin)
    url = reverse("admin:partner_partner_change", args=[mai.pk])
    page = client.get(url)
    assert page.status_code == 200

    data = form_data(page, "partner_form")
    data["phone"] = "0912 000 111"
    response = client.post(url, data)
    assert response.status_code == 302, soup_of(response).select(".errorlist")

    client.force_login(seller_owner)
    page = text_of(client.get(reverse("seller-portal:log")))
    assert "Union officer Nguyễn Thị Lan changed" in page
    assert "of your shop: (empty) → 0912 000 111" in page


@pytest.mark.django_db
def test_a_product_deleted_with_its_photo_and_stock_is_in_her_log(client, mai, product, seller_owner):
    # Given staff deleting her product, its photo and stock record with it, outside a request
    ProductImageFactory(product=product)
    with recorded(union_staff("Union editor", "bien.tap@example.vn")):
        product.delete()

    # Then her log says so, once for the product and once for its photo
    client.force_login(seller_owner)
    page = text_of(client.get(reverse("seller-portal:log")))
    assert "Union officer Hoàng Thị Thu deleted the product Thạch đen Cao Bằng" in page
    assert "Union officer Hoàng Thị Thu deleted a photo of" in page


@pytest.mark.parametrize("changes", [2, 40])
@pytest.mark.django_db
def test_her_log_costs_the_same_queries_for_few_entries_as_for_many(
    client, mai, seller_owner, changes, django_assert_max_num_queries
):
    officer = union_staff("Union officer", "can.bo@example.vn")
    products = [ProductFactory(seller=mai, title=f"Miến dong {n}") for n in range(2)]
    for n in range(changes):
        record = products[n % 2].stockrecords.get()
        record.price = Decimal(60000 + n * 1000)
        SellerLogEntry.objects.log_create(record, action=1, changes={"price": ["1", str(record.price)]}, actor=officer)
    client.force_login(seller_owner)

    # session, user, her business, the badge on "Orders", the log's count and its page
    with django_assert_max_num_queries(7):
        response = client.get(reverse("seller-portal:log"))

    assert len(soup_of(response).select(".log li")) == min(changes, 30)
