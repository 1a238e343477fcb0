"""My orders in the seller portal: her shipments only, her lines only, and each step to the buyer's door."""

import re
from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse
from oscar.core.loading import get_model

from orders.fulfilment import ship_shipment
from orders.status import LineStatus
from tests.factories import PartnerFactory, ProductFactory, UserFactory, place_order
from tests.pages import soup_of, text_of

Shipment = get_model("order", "Shipment")
OrderNote = get_model("order", "OrderNote")

ORDERS = "/seller/don-hang/"


@pytest.fixture
def mai(seller):
    """The owner of `seller` (black grass jelly, 125.000 ₫), logging in with her email."""
    owner = UserFactory(email="mai@thachden.example.vn", first_name="Mai", last_name="Đàm")
    seller.users.add(owner)
    return owner


@pytest.fixture
def portal(client, mai):
    client.force_login(mai)
    return client


@pytest.fixture
def hat_de(db):
    """Another seller's product: Trùng Khánh chestnuts at 180.000 ₫."""
    seller = PartnerFactory(name="Cơ sở Hạt dẻ Đàm Thủy")
    return ProductFactory(title="Hạt dẻ Trùng Khánh", seller=seller, stockrecords__price=Decimal("180000"))


@pytest.fixture
def mien_dong(seller):
    """A second product of hers, at 60.000 ₫."""
    return ProductFactory(title="Miến dong Nguyên Bình", seller=seller, stockrecords__price=Decimal("60000"))


@pytest.fixture
def order(customer, product, hat_de):
    """Two of her jellies and the other seller's chestnuts: 250.000 ₫ hers, 430.000 ₫ in all."""
    return place_order(customer, (product, 2), hat_de)


@pytest.fixture
def her_shipment(order, seller):
    return order.shipments.get(seller=seller)


def step_url(name, shipment):
    return reverse(f"seller-portal:{name}", kwargs={"shipment_pk": shipment.pk})


def order_numbers_listed(response):
    return [re.search(r"#(\d+)", row.get_text()).group(1) for row in soup_of(response).select(".order-rows li")]


def move_to(shipment, status):
    Shipment.objects.filter(pk=shipment.pk).update(status=status)
    shipment.refresh_from_db()


# The list


@pytest.mark.django_db
def test_her_list_shows_only_her_shipments_with_only_her_totals(portal, order, customer, product, hat_de):
    # Given an order of hers and the other seller's, and an order of the other seller alone
    only_theirs = place_order(customer, hat_de)

    # When she opens her orders
    response = portal.get(ORDERS)

    # Then she sees her shipment with what to collect, her two jellies and her fee, nothing of the other seller's
    assert response.status_code == 200
    assert order_numbers_listed(response) == [order.number]
    row = soup_of(response).select_one(".order-rows li").get_text(" ")
    assert "272.000\xa0₫" in row  # to collect: 250.000 and her fee of 22.000
    assert "430.000" not in row
    assert "180.000" not in row
    assert only_theirs.number not in text_of(response)


@pytest.mark.django_db
def test_the_list_shows_what_needs_her_first_and_the_rest_behind_its_chip(portal, customer, product, seller):
    # Given a new, a sent and a cancelled shipment of hers
    new, sent, cancelled = (place_order(customer, product) for _ in range(3))
    move_to(sent.shipments.get(), Shipment.Status.SHIPPED)
    move_to(cancelled.shipments.get(), Shipment.Status.CANCELLED)

    # Then "to do" (the default), "sent", "cancelled" and "all" each list their own, newest first
    assert order_numbers_listed(portal.get(ORDERS)) == [new.number]
    assert order_numbers_listed(portal.get(ORDERS, {"status": "shipped"})) == [sent.number]
    assert order_numbers_listed(portal.get(ORDERS, {"status": "cancelled"})) == [cancelled.number]
    assert order_numbers_listed(portal.get(ORDERS, {"status": "delivered"})) == []
    assert order_numbers_listed(portal.get(ORDERS, {"status": "all"})) == [cancelled.number, sent.number, new.number]
    current = soup_of(portal.get(ORDERS, {"status": "shipped"})).select('.filters a[aria-current="true"]')
    assert [chip["href"] for chip in current] == ["?status=shipped"]


@pytest.mark.django_db
def test_her_list_costs_as_many_queries_for_twelve_orders_as_for_one(
    portal, customer, product, hat_de, django_assert_max_num_queries
):
    place_order(customer, product, hat_de)
    portal.get(ORDERS)
    with django_assert_max_num_queries(12) as one:
        response = portal.get(ORDERS)
    assert len(order_numbers_listed(response)) == 1

    for _ in range(11):
        place_order(customer, product, hat_de)
    with django_assert_max_num_queries(12) as twelve:
        response = portal.get(ORDERS)
    assert len(order_numbers_listed(response)) == 12
    assert len(twelve) == len(one)


@pytest.mark.django_db
def test_her_list_shows_twenty_orders_a_page(portal, customer, product):
    product.stockrecords.update(num_in_stock=30)
    orders = [place_order(customer, product) for _ in range(21)]

    first = portal.get(ORDERS)
    second = portal.get(ORDERS, {"status": "todo", "page": 2})

    assert len(order_numbers_listed(first)) == 20
    assert order_numbers_listed(second) == [orders[0].number]


# The detail page


@pytest.mark.django_db
def test_her_order_shows_her_lines_and_total_and_never_the_other_sellers(portal, order, her_shipment):
    response = portal.get(her_shipment.get_absolute_url())

    assert response.status_code == 200
    text = text_of(response)
    assert order.number in text
    assert "Thạch đen Cao Bằng" in text
    assert "250.000" in text
    assert "Hạt dẻ Trùng Khánh" not in text
    assert "180.000" not in text
    assert "430.000" not in text


@pytest.mark.django_db
def test_while_her_shipment_is_open_she_sees_whom_to_call_and_where_to_send(portal, her_shipment):
    response = portal.get(her_shipment.get_absolute_url())

    page = soup_of(response)
    assert page.select_one('a[href="tel:+84912345678"]') is not None
    assert "0912 345 678" in text_of(response)
    address = page.select_one("address").get_text(" ")
    assert "Số 12, tổ 3" in address
    assert "Phường Thục Phán" in address
    assert "Gọi trước khi giao" in text_of(response)


@pytest.mark.django_db
def test_once_delivered_she_sees_only_the_buyers_name_and_commune(portal, her_shipment):
    move_to(her_shipment, Shipment.Status.DELIVERED)

    response = portal.get(her_shipment.get_absolute_url())

    text = text_of(response)
    assert "Nông Thị Lan" in text
    assert "Phường Thục Phán" in text
    assert "Số 12" not in text
    assert "0912" not in text
    assert "Gọi trước khi giao" not in text
    assert soup_of(response).select('a[href^="tel:"]') == []


# The steps


@pytest.mark.django_db
def test_she_takes_her_shipment_from_new_to_delivered_and_sending_takes_the_goods_out_of_stock(
    portal, order, her_shipment, product, hat_de
):
    stock = product.stockrecords.get()
    assert (stock.num_in_stock, stock.num_allocated) == (20, 2)

    # When she accepts and packs
    assert portal.post(step_url("order-accept", her_shipment)).url == her_shipment.get_absolute_url() + "#top"
    her_shipment.refresh_from_db()
    assert her_shipment.status == Shipment.Status.ACCEPTED
    assert her_shipment.accepted_at is not None
    portal.post(step_url("order-pack", her_shipment))
    her_shipment.refresh_from_db()
    assert her_shipment.status == Shipment.Status.PACKED

    # And sends it with Viettel Post
    portal.post(step_url("order-ship", her_shipment), {"carrier": "viettel-post", "tracking_code": " VTP123456 "})

    # Then it is sent, with its carrier and code, and the two jellies left her stock and the allocation
    her_shipment.refresh_from_db()
    assert her_shipment.status == Shipment.Status.SHIPPED
    assert (her_shipment.carrier, her_shipment.tracking_code) == ("Viettel Post", "VTP123456")
    stock.refresh_from_db()
    assert (stock.num_in_stock, stock.num_allocated) == (18, 0)

    # When the buyer has it
    portal.post(step_url("order-deliver", her_shipment))

    # Then it is delivered; the other seller's part has not moved, and staff can read each step
    her_shipment.refresh_from_db()
    assert her_shipment.status == Shipment.Status.DELIVERED
    assert order.shipments.get(seller=hat_de.seller).status == Shipment.Status.NEW
    assert hat_de.stockrecords.get().num_allocated == 1
    assert OrderNote.objects.filter(order=order).count() == 4


@pytest.mark.django_db
def test_a_carrier_she_writes_herself_is_kept(portal, her_shipment):
    move_to(her_shipment, Shipment.Status.PACKED)

    portal.post(step_url("order-ship", her_shipment), {"carrier": "ghn", "carrier_other": "Xe khách Thành Đạt"})

    her_shipment.refresh_from_db()
    assert her_shipment.carrier == "Xe khách Thành Đạt"


@pytest.mark.django_db
def test_sending_without_a_carrier_shows_the_error_and_keeps_the_tracking_code(portal, her_shipment, product):
    move_to(her_shipment, Shipment.Status.PACKED)

    response = portal.post(step_url("order-ship", her_shipment), {"tracking_code": "VTP-778899"})

    assert response.status_code == 200
    page = soup_of(response)
    assert page.select_one("[name=tracking_code]")["value"] == "VTP-778899"
    assert page.select_one(".field.has-error [name=carrier]") is not None
    assert page.select_one(".field.has-error .field-error") is not None
    her_shipment.refresh_from_db()
    assert her_shipment.status == Shipment.Status.PACKED
    assert product.stockrecords.get().num_allocated == 2


@pytest.mark.django_db
def test_a_step_out_of_turn_is_refused_with_a_message(portal, her_shipment):
    response = portal.post(step_url("order-deliver", her_shipment), follow=True)

    her_shipment.refresh_from_db()
    assert her_shipment.status == Shipment.Status.NEW
    assert soup_of(response).select(".portal-message.is-error")


@pytest.mark.django_db
def test_a_double_tap_on_accept_accepts_once(portal, her_shipment):
    portal.post(step_url("order-accept", her_shipment))
    response = portal.post(step_url("order-accept", her_shipment), follow=True)

    her_shipment.refresh_from_db()
    assert her_shipment.status == Shipment.Status.ACCEPTED
    assert not soup_of(response).select(".portal-message.is-error")
    assert OrderNote.objects.filter(order=her_shipment.order).count() == 1


@pytest.mark.django_db
def test_sending_more_than_her_stock_figure_still_sends_and_empties_it(her_shipment, product):
    # Given she counted her shelf after the sale and set her stock below what she sends
    product.stockrecords.update(num_in_stock=1)
    move_to(her_shipment, Shipment.Status.PACKED)

    ship_shipment(her_shipment, carrier="VNPost")

    stock = product.stockrecords.get()
    assert (stock.num_in_stock, stock.num_allocated) == (0, 0)


# Cancelling


@pytest.mark.django_db
def test_cancelling_some_lines_puts_their_stock_back_on_sale_and_tells_the_buyer(
    portal, customer, product, mien_dong, hat_de, seller, django_capture_on_commit_callbacks
):
    # Given an order of two jellies and a bag of noodles from her, and chestnuts from another seller
    order = place_order(customer, (product, 2), mien_dong, hat_de)
    shipment = order.shipments.get(seller=seller)
    jelly, noodles = shipment.lines.order_by("pk")
    stock = product.stockrecords.get()
    assert (stock.num_allocated, stock.net_stock_level) == (2, 18)

    # When she cancels the jellies because she ran out
    with django_capture_on_commit_callbacks(execute=True):
        response = portal.post(step_url("order-cancel", shipment), {"lines": [jelly.pk], "reason": "sold-out"})

    # Then the jellies are cancelled and back on sale, and her shipment goes on with the noodles
    assert response.status_code == 302
    jelly.refresh_from_db()
    noodles.refresh_from_db()
    assert (jelly.status, noodles.status) == (LineStatus.CANCELLED, "")
    stock.refresh_from_db()
    assert (stock.num_allocated, stock.net_stock_level) == (0, 20)
    shipment.refresh_from_db()
    assert shipment.status == Shipment.Status.NEW
    assert OrderNote.objects.filter(order=order, message__contains="Thạch đen Cao Bằng").exists()

    # And the buyer is told which products will not come and which still will
    [email] = [message for message in mail.outbox if message.to == [customer.email]]
    assert order.number in email.subject
    cancelled_part, _still = email.body.split("Miến dong Nguyên Bình", 1)
    assert "Thạch đen Cao Bằng" in cancelled_part
    assert "Hạt dẻ Trùng Khánh" not in email.body

    # And her list and page show her new total: the noodles and her fee
    assert "86.000\xa0₫" in soup_of(portal.get(ORDERS)).select_one(".order-rows li").get_text()
    assert soup_of(portal.get(shipment.get_absolute_url())).select_one(".lines del").get_text() == "Thạch đen Cao Bằng"


@pytest.mark.django_db
def test_cancelling_all_her_lines_cancels_her_shipment_with_the_reason_she_wrote(
    portal, order, her_shipment, product, django_capture_on_commit_callbacks
):
    [line] = her_shipment.lines

    with django_capture_on_commit_callbacks(execute=True):
        portal.post(
            step_url("order-cancel", her_shipment),
            {"lines": [line.pk], "reason": "sold-out", "reason_other": "Mưa lũ, đường bị sạt lở"},
        )

    her_shipment.refresh_from_db()
    assert her_shipment.status == Shipment.Status.CANCELLED
    assert her_shipment.cancel_reason == "Mưa lũ, đường bị sạt lở"
    assert her_shipment.cancelled_at is not None
    assert product.stockrecords.get().num_allocated == 0
    [email] = [message for message in mail.outbox if message.to == [order.email]]
    assert "Mưa lũ, đường bị sạt lở" in email.body
    assert order.shipments.exclude(pk=her_shipment.pk).get().status == Shipment.Status.NEW


@pytest.mark.django_db
def test_cancelling_without_a_reason_shows_the_error_and_keeps_her_ticks(portal, customer, product, mien_dong, seller):
    order = place_order(customer, product, mien_dong)
    shipment = order.shipments.get(seller=seller)
    jelly, noodles = shipment.lines.order_by("pk")

    response = portal.post(step_url("order-cancel", shipment), {"lines": [noodles.pk]})

    assert response.status_code == 200
    page = soup_of(response)
    assert page.select_one(".field.has-error [name=reason]") is not None
    ticked = {int(box["value"]) for box in page.select("[name=lines][checked]")}
    assert ticked == {noodles.pk}
    assert page.select_one("details.cancel-box").has_attr("open")
    assert set(shipment.lines.values_list("status", flat=True)) == {""}


@pytest.mark.django_db
def test_she_cannot_cancel_once_it_is_sent(portal, her_shipment, product):
    move_to(her_shipment, Shipment.Status.SHIPPED)
    [line] = her_shipment.lines

    response = portal.post(step_url("order-cancel", her_shipment), {"lines": [line.pk], "reason": "sold-out"})

    assert response.status_code == 302
    line.refresh_from_db()
    assert line.status == ""
    assert product.stockrecords.get().num_allocated == 2
    her_shipment.refresh_from_db()
    assert her_shipment.status == Shipment.Status.SHIPPED
    assert soup_of(portal.get(her_shipment.get_absolute_url())).select("details.cancel-box") == []


@pytest.mark.django_db
def test_she_cannot_cancel_another_sellers_line_through_her_shipment(portal, order, her_shipment, hat_de):
    theirs = order.lines.get(partner=hat_de.seller)

    response = portal.post(step_url("order-cancel", her_shipment), {"lines": [theirs.pk], "reason": "sold-out"})

    assert response.status_code == 200
    assert soup_of(response).select_one(".field.has-error [name=lines]") is not None
    theirs.refresh_from_db()
    assert theirs.status == ""
    assert hat_de.stockrecords.get().num_allocated == 1


# Isolation (the full matrix is in test_portal_isolation.py)


@pytest.mark.django_db
def test_another_sellers_shipment_is_not_found_to_read_or_to_move(portal, order, hat_de):
    theirs = order.shipments.get(seller=hat_de.seller)

    assert portal.get(theirs.get_absolute_url()).status_code == 404
    assert portal.post(theirs.get_absolute_url()).status_code == 404
    assert portal.get(step_url("order-ship", theirs)).status_code == 404
    assert portal.post(step_url("order-accept", theirs)).status_code == 404
    line = order.lines.get(partner=hat_de.seller)
    assert portal.post(step_url("order-cancel", theirs), {"lines": [line.pk], "reason": "sold-out"}).status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == Shipment.Status.NEW
