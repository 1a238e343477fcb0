"""The staff's home in /cms/: a panel for each pile of work, with its count, its oldest items and links,
for union editors and officers, at a fixed number of queries; Oscar's dashboard one menu item away."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from oscar.core.loading import get_model
from wagtail.models import Site

from cms.models import StoryIndexPage, StoryPage
from orders.paying import payment_source
from orders.status import OrderStatus
from payments.methods import CARD, VIETQR
from tests.factories import (
    PartnerFactory,
    ProductFactory,
    ProductReviewFactory,
    UserFactory,
    place_order,
)
from tests.pages import soup_of

Partner = get_model("partner", "Partner")
ProductReview = get_model("reviews", "ProductReview")
PANELS = ("applications", "stories", "reviews", "transfers", "certificates")


def panel(response, name):
    """The panel `name` of the home, or None when the page has none."""
    return soup_of(response).select_one(f"#desk-{name}-section")


def count_of(section):
    return int(section.select_one(".desk-count").get_text(strip=True))


def titles_in(section):
    return [item.get_text(strip=True) for item in section.select(".desk-item__title")]


def links_in(section):
    return [link["href"] for link in section.select(".desk-item__title[href]")]


def see_all(section):
    link = section.select_one(".desk-more a")
    return link["href"] if link else None


@pytest.fixture
def story_index(db):
    home = Site.objects.get(is_default_site=True).root_page.specific
    return home.add_child(instance=StoryIndexPage(title="Câu chuyện", slug="cau-chuyen"))


def applications(count, officer=None):
    return [PartnerFactory(status=Partner.Status.APPLIED, registered_by=officer) for _ in range(count)]


def submitted_stories(story_index, officer, count):
    stories = []
    for n in range(story_index.get_children_count(), story_index.get_children_count() + count):
        story = story_index.add_child(instance=StoryPage(title=f"Chị Mai làm miến {n}", slug=f"mai-{n}", live=False))
        story.save_revision(user=officer)
        story.get_workflow().start(story, officer)
        stories.append(story)
    return stories


def reviews_to_moderate(count):
    product = ProductFactory(title="Thạch đen Phục Hòa")
    return [ProductReviewFactory(product=product, status=ProductReview.FOR_MODERATION) for _ in range(count)]


def orders_waiting_for(method_code, count):
    product = ProductFactory(title="Miến dong Nguyên Bình")
    orders = []
    for _ in range(count):
        order = place_order(None, product)
        order.status = OrderStatus.PENDING_PAYMENT
        order.save(update_fields=["status"])
        payment_source(order, method_code)
        orders.append(order)
    return orders


def certified(title, expires_in_days):
    today = timezone.localdate()
    return ProductFactory(
        title=title,
        ocop_stars=4,
        ocop_expires_on=today + timedelta(days=expires_in_days),
        seller__name=f"Người bán {title}",
    )


def some_of_everything(story_index, officer, count):
    applications(count, officer)
    submitted_stories(story_index, officer, count)
    reviews_to_moderate(count)
    orders_waiting_for(VIETQR, count)
    for n in range(count):
        certified(f"Hạt dẻ {n}", expires_in_days=10 + n)


def test_editor_sees_the_applications_waiting_oldest_first_with_the_way_to_decide(client, union_editor, union_officer):
    # Given seven applications, one of them already approved
    waiting = applications(7, officer=union_officer)
    PartnerFactory(name="Hợp tác xã đã duyệt", status=Partner.Status.APPROVED)
    client.force_login(union_editor)

    # When she opens her home
    section = panel(client.get("/cms/"), "applications")

    # Then it counts the seven and lists the five sent first, each leading to its card on the list to decide
    assert count_of(section) == 7
    assert titles_in(section) == [seller.name for seller in waiting[:5]]
    assert links_in(section) == [f"/sellers/don-dang-ky/#application-{seller.pk}" for seller in waiting[:5]]
    assert "Hoàng Thị Thu" in section.get_text()  # the officer who registered them
    assert see_all(section) == "/sellers/don-dang-ky/"
    decide = client.get("/sellers/don-dang-ky/")
    assert soup_of(decide).select_one(f"#application-{waiting[0].pk}").select_one("form[action$='/duyet/']")


def test_stories_awaiting_approval_lead_to_their_edit_page(client, union_editor, union_officer, story_index):
    waiting = submitted_stories(story_index, union_officer, 2)
    story_index.add_child(instance=StoryPage(title="Bản nháp chưa gửi", slug="nhap", live=False))
    client.force_login(union_editor)

    response = client.get("/cms/")

    section = panel(response, "stories")
    assert count_of(section) == 2
    assert titles_in(section) == ["Chị Mai làm miến 0", "Chị Mai làm miến 1"]
    assert links_in(section) == [f"/cms/pages/{story.pk}/edit/" for story in waiting]
    assert see_all(section) == "/cms/reports/workflow/?status=in_progress"
    # Wagtail's own moderation panels gave way to this one
    assert not soup_of(response).select(
        "#workflow_objects_to_moderate-section, #user_objects_in_workflow_moderation-section"
    )
    assert not soup_of(response).find(string=lambda text: text and "Awaiting your review" in text)


def test_reviews_awaiting_moderation_lead_to_oscars_review_page(client, union_editor):
    waiting = reviews_to_moderate(2)
    ProductReviewFactory(status=ProductReview.APPROVED)
    client.force_login(union_editor)

    section = panel(client.get("/cms/"), "reviews")

    assert count_of(section) == 2
    assert titles_in(section) == ["Thạch đen Phục Hòa"] * 2
    assert links_in(section) == [f"/shop/dashboard/reviews/{review.pk}/" for review in waiting]
    assert see_all(section) == f"/shop/dashboard/reviews/?status={ProductReview.FOR_MODERATION}"


def test_vietqr_orders_waiting_for_their_transfer_lead_to_the_transfer_received_button(client, union_editor):
    # Given a VietQR order waiting, one paid, and a card order waiting
    waiting = orders_waiting_for(VIETQR, 1)[0]
    paid = orders_waiting_for(VIETQR, 1)[0]
    paid.status = OrderStatus.PLACED
    paid.save(update_fields=["status"])
    orders_waiting_for(CARD, 1)
    client.force_login(union_editor)

    section = panel(client.get("/cms/"), "transfers")

    assert count_of(section) == 1
    assert links_in(section) == [f"/shop/dashboard/orders/{waiting.number}/"]
    assert waiting.number in titles_in(section)[0]
    order_page = client.get(links_in(section)[0])
    assert soup_of(order_page).select_one(f"form[action='/payments/vietqr/{waiting.number}/received/']")
    assert see_all(section) == "/shop/dashboard/orders/?status=Pending+payment&payment_method=vietqr"


def test_certificates_running_out_in_60_days_name_the_product_and_its_seller(client, union_editor):
    soon, later = certified("Hạt dẻ Trùng Khánh", 10), certified("Miến dong", 59)
    certified("Thạch đen", 61)
    certified("Pì Pất", -1)  # expired already: its badge is gone, it is not "running out"
    ProductFactory(title="Không chứng nhận")
    client.force_login(union_editor)

    section = panel(client.get("/cms/"), "certificates")

    assert count_of(section) == 2
    assert titles_in(section) == ["Hạt dẻ Trùng Khánh", "Miến dong"]
    assert links_in(section) == [f"/shop/dashboard/catalogue/products/{p.pk}/" for p in (soon, later)]
    assert "Người bán Hạt dẻ Trùng Khánh" in section.get_text()
    assert soon.ocop_expires_on.strftime("%d/%m/%Y") in section.get_text()
    assert see_all(section) == "/cms/desk/certificates/"
    full = client.get("/cms/desk/certificates/")
    rows = [row.select_one("td").get_text(strip=True) for row in soup_of(full).select(".desk-table tbody tr")]
    assert rows == ["Hạt dẻ Trùng Khánh", "Miến dong"]


def test_an_empty_home_shows_every_panel_at_zero(client, union_editor):
    client.force_login(union_editor)

    response = client.get("/cms/")

    for name in PANELS:
        section = panel(response, name)
        assert count_of(section) == 0, name
        assert section.select_one(".desk-none"), name


def test_the_home_costs_the_same_queries_with_one_or_seven_of_everything(
    client, union_editor, union_officer, story_index
):
    client.force_login(union_editor)
    client.get("/cms/")  # Wagtail's and Django's caches (content types, the site) filled once

    some_of_everything(story_index, union_officer, 1)
    with CaptureQueriesContext(connection) as small:
        client.get("/cms/")
    some_of_everything(story_index, union_officer, 6)
    with CaptureQueriesContext(connection) as large:
        response = client.get("/cms/")

    assert [count_of(panel(response, name)) for name in PANELS] == [7] * 5
    assert len(large) == len(small), "\n".join(query["sql"] for query in large.captured_queries)


def test_an_officer_sees_her_piles_but_not_reviews_nor_the_decision(client, union_officer, story_index):
    applications(1, officer=union_officer)
    submitted_stories(story_index, union_officer, 1)
    client.force_login(union_officer)

    response = client.get("/cms/")

    assert response.status_code == 200
    assert [name for name in PANELS if panel(response, name)] == [
        "applications",
        "stories",
        "transfers",
        "certificates",
    ]
    section = panel(response, "applications")
    assert count_of(section) == 1
    assert not links_in(section)
    assert see_all(section) is None
    assert section.select_one(".desk-none")  # says an editor decides


@pytest.mark.parametrize("who", ["guest", "customer", "seller"])
def test_only_staff_reach_the_home(client, db, who):
    if who != "guest":
        user = UserFactory(email=f"{who}@example.vn")
        if who == "seller":
            PartnerFactory().users.add(user)
        client.force_login(user)

    response = client.get("/cms/")

    assert response.status_code == 302
    assert response["Location"].startswith("/cms/login/")


def test_oscars_dashboard_is_in_the_menu_of_staff_it_lets_in(client, union_editor):
    client.force_login(union_editor)

    response = client.get("/cms/")

    assert b'"/shop/dashboard/"' in response.content


def test_oscars_dashboard_is_not_in_the_menu_of_someone_it_would_refuse(client, db):
    # An editor who is not staff enters Wagtail's admin (by her group) but not Oscar's dashboard
    editor = UserFactory(email="khong.phai.nhan.vien@example.vn")
    editor.groups.add(get_model("auth", "Group").objects.get(name="Union editor"))
    client.force_login(editor)

    response = client.get("/cms/")

    assert response.status_code == 200
    assert b'"/shop/dashboard/"' not in response.content


def test_the_home_reads_in_vietnamese_for_union_staff(client, union_editor):
    client.force_login(union_editor)

    response = client.get("/cms/")

    assert soup_of(response).html["lang"] == "vi"
    assert "Bảng điều khiển" in soup_of(response).title.get_text()  # Wagtail's "Dashboard"
