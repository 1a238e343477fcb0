"""The buyer follows her order: history and order page show each seller's parcel and its progress."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from orders.cancelling import cancel_lines
from orders.fulfilment import accept_shipment, pack_shipment, ship_shipment
from orders.guests import remember_guest_order
from orders.paying import payment_source
from orders.status import OrderStatus
from payments.methods import VIETQR
from tests.factories import PASSWORD, UserFactory, place_order
from tests.pages import ENGLISH, VIETNAMESE, open_page, soup_of, text_of

ORDERS = "/shop/accounts/orders/"


def words(tag):
    """A tag's text with runs of whitespace made one space (a no-break space stays, as prices have one)."""
    return re.sub(r"[ \t\n\r\f\v]+", " ", tag.get_text(" ")).strip()


def order_url(order):
    return reverse("customer:order", kwargs={"order_number": order.number})


@pytest.fixture
def signed_in(client, customer):
    client.force_login(customer)
    return client


def test_order_page_shows_each_sellers_parcel_with_her_lines_fee_and_progress(signed_in, order, seller, hat_de):
    # Given the chestnut seller has sent her parcel and the jelly seller is preparing hers
    chestnuts = order.shipments.get(seller=hat_de.stockrecords.get().partner)
    accept_shipment(chestnuts)
    pack_shipment(chestnuts)
    ship_shipment(chestnuts, carrier="Viettel Post", tracking_code="VTP0912345678")
    accept_shipment(order.shipments.get(seller=seller))

    # When the buyer opens her order
    response = open_page(signed_in, order_url(order), ENGLISH)

    # Then she sees two parcels, each with its seller, lines, fee and state
    assert response.status_code == 200
    parcels = soup_of(response).select(".parcel")
    assert len(parcels) == 2
    jelly, nuts = (words(parcel) for parcel in parcels)
    assert "Hợp tác xã Thạch đen Phục Hòa" in jelly
    assert "Thạch đen Cao Bằng" in jelly
    assert "2 × 125.000\xa0₫" in jelly
    assert "30.000\xa0₫" in jelly
    assert "The seller is preparing it" in jelly
    assert "Cơ sở Hạt dẻ Đàm Thủy" in nuts
    assert "Hạt dẻ Trùng Khánh" in nuts
    assert "45.000\xa0₫" in nuts
    assert "On its way" in nuts
    assert "Viettel Post" in nuts
    assert "VTP0912345678" in nuts
    text = text_of(response)
    assert "Being prepared" in text  # the order's own status (orders.status.OrderStatus)
    # and, each parcel coming with its own carrier, what to pay each: her lines and her fee
    cash = words(soup_of(response).select_one(".payment-box"))
    assert "pay each delivery person for that parcel only" in cash
    assert "Pay the delivery person of Hợp tác xã Thạch đen Phục Hòa: 280.000\xa0₫" in cash
    assert "Pay the delivery person of Cơ sở Hạt dẻ Đàm Thủy: 225.000\xa0₫" in cash
    assert "505.000" not in cash
    assert "Pay the delivery person 280.000\xa0₫" in jelly
    assert "Pay the delivery person 225.000\xa0₫" in nuts
    assert "Phường Thục Phán" in text


def test_order_page_speaks_vietnamese(signed_in, order):
    response = open_page(signed_in, order_url(order), VIETNAMESE)

    text = text_of(response)
    assert f"Đơn hàng #{order.number}" in text
    cash = words(soup_of(response).select_one(".payment-box"))
    assert "Thanh toán khi nhận hàng" in cash
    assert "280.000\xa0₫" in cash
    assert "225.000\xa0₫" in cash
    assert "Phí vận chuyển" in text


def test_a_parcel_its_seller_cancelled_shows_why(signed_in, order, seller):
    shipment = order.shipments.get(seller=seller)
    cancel_lines(shipment, list(shipment.lines), "Hết hàng vì mưa lũ", notify_buyer=False)

    response = open_page(signed_in, order_url(order), ENGLISH)

    jelly = soup_of(response).select(".parcel")[0].get_text(" ")
    assert "Cancelled" in jelly
    assert "Hết hàng vì mưa lũ" in jelly


def test_order_page_of_a_transfer_shows_the_vietqr_code_and_the_same_details_as_text(signed_in, order):
    order.status = OrderStatus.PENDING_PAYMENT
    order.save(update_fields=["status"])
    payment_source(order, VIETQR)

    response = open_page(signed_in, order_url(order), ENGLISH)

    box = soup_of(response).select_one(".payment-box")
    assert box.select_one("svg.vietqr-code") is not None
    details = words(box)
    assert "8300205000000" in details
    assert "HOI LHPN TINH CAO BANG" in details
    assert "505.000\xa0₫" in details
    assert f"CHOOCOP {order.number}" in details
    assert "goes to the sellers when the Union receives the money" in details
    # Until it is paid, the parcels wait for the money, not for the sellers
    assert all("Waiting for your payment" in parcel.get_text() for parcel in soup_of(response).select(".parcel"))


def test_another_customers_order_is_not_found(client, order):
    client.force_login(UserFactory())

    assert client.get(order_url(order)).status_code == 404


def test_order_history_lists_each_order_with_its_status_and_parcels(signed_in, customer, order, product):
    # Given a second, older order of one parcel that has been delivered
    single = place_order(customer, product)
    shipment = single.shipments.get()
    for step in (accept_shipment, pack_shipment):
        step(shipment)
    ship_shipment(shipment, carrier="VNPost")
    from orders.fulfilment import deliver_shipment

    deliver_shipment(shipment)

    response = open_page(signed_in, ORDERS, ENGLISH)

    rows = [words(row) for row in soup_of(response).select(".order-row")]
    assert len(rows) == 2
    newest, oldest = rows
    assert f"#{single.number}" in newest
    assert "1 parcel" in newest
    assert "Delivered" in newest
    assert f"#{order.number}" in oldest
    assert "2 parcels · 3 items" in oldest
    assert "Placed" in oldest
    assert "505.000\xa0₫" in oldest


def test_order_history_costs_the_same_queries_for_many_orders(
    signed_in, customer, product, hat_de, django_assert_max_num_queries
):
    place_order(customer, product, hat_de)
    signed_in.get(ORDERS)
    with django_assert_max_num_queries(20) as few:
        signed_in.get(ORDERS)
    for _ in range(6):
        place_order(customer, product, hat_de)

    with django_assert_max_num_queries(len(few)):
        response = signed_in.get(ORDERS)

    assert len(soup_of(response).select(".order-row")) == 7


def test_order_page_queries_do_not_grow_with_its_parcels(
    signed_in, customer, product, hat_de, seller, django_assert_max_num_queries
):
    from tests.factories import PartnerFactory, ProductFactory

    small = place_order(customer, product)
    signed_in.get(order_url(small))
    with django_assert_max_num_queries(40) as few:
        signed_in.get(order_url(small))
    others = [ProductFactory(seller=PartnerFactory()) for _ in range(4)]
    large = place_order(customer, product, hat_de, *others)

    with django_assert_max_num_queries(len(few)):
        response = signed_in.get(order_url(large))

    assert len(soup_of(response).select(".parcel")) == 6


def test_guest_follows_her_order_on_the_private_status_page(client, product, hat_de):
    # Given a guest's order, and the private link from her confirmation email
    order = place_order(None, product, hat_de, email="khach@example.vn")
    url = reverse("customer:anon-order", kwargs={"order_number": order.number, "hash": order.verification_hash()})

    # When she opens it on another device, it first asks for the order number and her phone number (once)
    response = client.get(url)
    assert response.status_code == 302
    client.post(response.url, {"number": order.number, "contact": "0912 345 678"})
    response = open_page(client, url, ENGLISH)

    # Then she sees both sellers' parcels and how to pay
    parcels = soup_of(response).select(".parcel")
    assert [words(p.select_one("h2")) for p in parcels] == [
        "Parcel 1 of 2: Hợp tác xã Thạch đen Phục Hòa",
        "Parcel 2 of 2: Cơ sở Hạt dẻ Đàm Thủy",
    ]
    assert "Cash on delivery" in text_of(response)


def test_guest_status_page_needs_the_right_link(client, product):
    order = place_order(None, product, email="khach@example.vn")
    url = reverse("customer:anon-order", kwargs={"order_number": order.number, "hash": "not-the-hash"})
    session = client.session
    remember_guest_order(session, order.number)
    session.save()

    response = client.get(url, follow=True)

    assert not soup_of(response).select(".parcel")


def test_login_needed_for_the_order_history(client, customer):
    response = client.get(ORDERS)

    assert response.status_code == 302
    assert "/login/" in response.url
    assert client.login(username=customer.email, password=PASSWORD)
    assert client.get(ORDERS).status_code == 200


def test_an_order_without_parcels_still_opens(signed_in, customer, product):
    order = place_order(customer, product)
    order.shipments.all().delete()

    response = open_page(signed_in, order_url(order), ENGLISH)

    assert response.status_code == 200
    assert Decimal(order.total_incl_tax) == Decimal("143000.00")  # 125.000 ₫ and 18.000 ₫ of shipping
