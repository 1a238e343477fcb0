"""What a seller collects: her order page, her list and her new-order email say how the buyer pays
and, for cash, exactly what to collect (her lines not cancelled and her fee); nothing once paid ahead."""

import re
from decimal import Decimal

import pytest
from django.core import mail

from orders.cancelling import cancel_lines
from orders.emails import email_seller_about_order
from orders.fulfilment import accept_shipment, deliver_shipment, pack_shipment, ship_shipment
from orders.paying import mark_order_paid, payment_source
from orders.payment_methods import PaymentMethodCode
from orders.status import OrderStatus
from tests.factories import PartnerFactory, ProductFactory, UserFactory, place_order
from tests.pages import ENGLISH, open_page, soup_of

ORDERS = "/seller/don-hang/"


def words(tag):
    return re.sub(r"[ \t\n\r\f\v]+", " ", tag.get_text(" ")).strip()


@pytest.fixture
def portal(client, seller):
    owner = UserFactory(email="mai@thachden.example.vn", first_name="Mai", last_name="Đàm")
    seller.users.add(owner)
    client.force_login(owner)
    return client


@pytest.fixture
def mien_dong(seller):
    """A second product of hers, at 60.000 ₫."""
    return ProductFactory(title="Miến dong Nguyên Bình", seller=seller, stockrecords__price=Decimal("60000"))


@pytest.fixture
def hat_de(db):
    """Another seller's chestnuts, at 180.000 ₫."""
    return ProductFactory(
        title="Hạt dẻ Trùng Khánh", seller=PartnerFactory(name="Cơ sở Hạt dẻ Đàm Thủy"), stockrecords__price=180000
    )


@pytest.fixture
def cash_order(customer, product, mien_dong, hat_de):
    """Two of her jellies (250.000 ₫) and her noodles (60.000 ₫), sent within Cao Bằng for 26.000 ₫, and
    the other seller's chestnuts: hers is 336.000 ₫ of the 534.000 ₫, paid in cash on delivery."""
    return place_order(customer, (product, 2), mien_dong, hat_de)


def paid_ahead(order, method_code):
    order.status = OrderStatus.PENDING_PAYMENT
    order.save(update_fields=["status"])
    payment_source(order, method_code)
    return mark_order_paid(order, amount=order.total_incl_tax, reference="paid", method_code=method_code)


def her_page(portal, order, seller):
    response = open_page(portal, order.shipments.get(seller=seller).get_absolute_url(), ENGLISH)
    assert response.status_code == 200
    return words(soup_of(response).select_one("#her-products").find_parent("section"))


def her_row(portal):
    """Her newest order in her list of all of them."""
    return words(soup_of(open_page(portal, ORDERS + "?status=all", ENGLISH)).select_one(".order-rows li"))


def her_email(order, seller):
    mail.outbox.clear()
    assert email_seller_about_order.call(order.shipments.get(seller=seller).pk, ENGLISH) == 1
    [email] = mail.outbox
    return email.body


@pytest.mark.django_db
def test_for_cash_her_page_says_how_the_buyer_pays_her_fee_and_what_to_collect(portal, cash_order, seller):
    page = her_page(portal, cash_order, seller)

    assert "Shipping fee 26.000\xa0₫" in page
    assert "Collect from the buyer 336.000\xa0₫" in page  # 250.000 + 60.000 + 26.000
    assert "Payment: Cash on delivery" in page
    assert "collect nothing" not in page
    assert "534.000" not in page
    assert "180.000" not in page


@pytest.mark.django_db
def test_for_cash_her_list_and_her_email_say_what_to_collect(portal, cash_order, seller):
    assert "Collect 336.000\xa0₫" in her_row(portal)

    body = her_email(cash_order, seller)
    assert "Shipping fee: 26.000\xa0₫" in body
    assert "Your total: 336.000\xa0₫" in body
    assert "Payment: Cash on delivery" in body
    assert "Collect from the buyer: 336.000\xa0₫" in body
    assert "534.000" not in body


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("method_code", "method"),
    [(PaymentMethodCode.VIETQR, "Bank transfer (VietQR)"), (PaymentMethodCode.CARD, "Card (Visa, Mastercard)")],
)
def test_for_an_order_paid_ahead_she_collects_nothing(
    portal, cash_order, seller, method_code, method, django_capture_on_commit_callbacks
):
    # Given the order was paid by transfer or card before it came to her
    with django_capture_on_commit_callbacks(execute=True):
        order = paid_ahead(cash_order, method_code)

    # Then her page, her list and her email say how it was paid and that she collects nothing
    page = her_page(portal, order, seller)
    assert f"Payment: {method}" in page
    assert "Paid already — collect nothing" in page
    assert "Your total 336.000\xa0₫" in page
    assert "Collect from the buyer" not in page
    row = her_row(portal)
    assert "Paid 336.000\xa0₫" in row
    assert "Collect" not in row
    body = her_email(order, seller)
    assert f"Payment: {method}" in body
    assert "Paid already — collect nothing" in body
    assert "Collect from the buyer" not in body


@pytest.mark.django_db
def test_after_she_cancels_some_lines_what_she_collects_follows(portal, cash_order, seller, product, mien_dong):
    # When she cancels her jellies
    shipment = cash_order.shipments.get(seller=seller)
    cancel_lines(shipment, [cash_order.lines.get(product=product)], "Hết thạch", notify_buyer=False)

    # Then her page, her list and an email about it ask for the noodles and her fee alone
    assert "Collect from the buyer 86.000\xa0₫" in her_page(portal, cash_order, seller)
    assert "Collect 86.000\xa0₫" in her_row(portal)
    assert "Collect from the buyer: 86.000\xa0₫" in her_email(cash_order, seller)

    # And once she cancels the noodles too, her parcel is cancelled and there is nothing to collect
    cancel_lines(shipment, [cash_order.lines.get(product=mien_dong)], "Hết miến", notify_buyer=False)
    page = her_page(portal, cash_order, seller)
    assert "Collect from the buyer" not in page
    assert "Your total 0\xa0₫" in page
    assert "Collect" not in words(soup_of(open_page(portal, ORDERS + "?status=cancelled", ENGLISH)))


@pytest.mark.django_db
def test_once_her_cash_parcel_is_delivered_she_reads_what_was_collected(portal, cash_order, seller):
    shipment = cash_order.shipments.get(seller=seller)
    for step in (accept_shipment, pack_shipment):
        step(shipment)
    ship_shipment(shipment, carrier="Viettel Post")
    deliver_shipment(shipment)

    assert "Collected from the buyer 336.000\xa0₫" in her_page(portal, cash_order, seller)
    assert "Collected 336.000\xa0₫" in her_row(portal)
