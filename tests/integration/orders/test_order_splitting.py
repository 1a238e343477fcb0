"""An order from several sellers becomes one shipment per seller, and each seller hears of her part only."""

from decimal import Decimal

import pytest
from django.core import mail
from oscar.core.loading import get_model

from orders.placing import split_order_by_seller
from tests.factories import PartnerFactory, ProductFactory, UserFactory, place_order
from tests.pages import soup_of
from tests.shopping import check_out

Order = get_model("order", "Order")
Shipment = get_model("order", "Shipment")


@pytest.fixture
def thach_den(db):
    """A seller whose owner reads email, with black grass jelly at 125.000 ₫."""
    seller = PartnerFactory(name="Hợp tác xã Thạch đen Phục Hòa")
    seller.users.add(UserFactory(email="mai@thachden.example.vn"))
    return ProductFactory(title="Thạch đen Cao Bằng", seller=seller, stockrecords__price=Decimal("125000"))


@pytest.fixture
def hat_de(db):
    """Another seller with an email, with Trùng Khánh chestnuts at 180.000 ₫."""
    seller = PartnerFactory(name="Cơ sở Hạt dẻ Đàm Thủy")
    seller.users.add(UserFactory(email="hoa@hatde.example.vn"))
    return ProductFactory(title="Hạt dẻ Trùng Khánh", seller=seller, stockrecords__price=Decimal("180000"))


def check_out_as_guest(client, *purchases):
    """Buy (product, quantity) pairs through the storefront as a guest, up to the thank-you page."""
    return check_out(client, *purchases)


def email_to(address):
    [message] = [message for message in mail.outbox if address in message.to]
    return message


@pytest.mark.django_db
def test_checkout_from_two_sellers_makes_a_shipment_and_an_email_for_each_with_only_her_lines(
    client, thach_den, hat_de, django_capture_on_commit_callbacks
):
    # When a guest buys two jellies and one bag of chestnuts in one basket
    with django_capture_on_commit_callbacks(execute=True):
        response = check_out_as_guest(client, (thach_den, 2), (hat_de, 1))

    # Then there is one order with one new shipment for each seller
    assert response.status_code == 302, soup_of(response).select(".alert, .errorlist")
    order = Order.objects.get()
    shipments = {shipment.seller: shipment for shipment in order.shipments.all()}
    assert set(shipments) == {thach_den.seller, hat_de.seller}
    assert {shipment.status for shipment in shipments.values()} == {Shipment.Status.NEW}

    # And each seller got one email about her own products and her own total, with the link to her order
    jelly = email_to("mai@thachden.example.vn")
    assert order.number in jelly.subject
    assert "Thạch đen Cao Bằng" in jelly.body
    assert "250.000" in jelly.body
    assert "Hạt dẻ Trùng Khánh" not in jelly.body
    assert "430.000" not in jelly.body
    assert f"/seller/don-hang/{shipments[thach_den.seller].pk}/" in jelly.body
    chestnuts = email_to("hoa@hatde.example.vn")
    assert "Hạt dẻ Trùng Khánh" in chestnuts.body
    assert "180.000" in chestnuts.body
    assert "Thạch đen Cao Bằng" not in chestnuts.body
    assert f"/seller/don-hang/{shipments[hat_de.seller].pk}/" in chestnuts.body


@pytest.mark.django_db
def test_a_seller_who_logs_in_by_phone_only_gets_no_email_but_a_waiting_order(
    client, thach_den, django_capture_on_commit_callbacks
):
    # Given a seller whose only account has a phone and no email address
    by_phone = PartnerFactory(name="Chị Nông Thị Hoa")
    by_phone.users.add(UserFactory(email=None, phone="0987 654 321"))
    mien_dong = ProductFactory(title="Miến dong Nguyên Bình", seller=by_phone)

    # When a guest buys from her and from a seller with an email
    with django_capture_on_commit_callbacks(execute=True):
        check_out_as_guest(client, (mien_dong, 1), (thach_den, 1))

    # Then she has a new shipment waiting, and only the other seller was emailed
    assert Shipment.objects.of(by_phone).waiting().count() == 1
    seller_emails = [message for message in mail.outbox if "/seller/don-hang/" in message.body]
    assert [message.to for message in seller_emails] == [["mai@thachden.example.vn"]]


@pytest.mark.django_db
def test_an_order_rolled_back_at_placement_leaves_no_order_and_emails_no_seller(
    client, thach_den, hat_de, django_capture_on_commit_callbacks, monkeypatch
):
    # Given placing an order fails after the sellers were to be told, inside the order's transaction
    from orders import placing

    notify = placing.notify_sellers_of_order
    placed = []

    def notify_then_fail(order):
        notify(order)
        placed.append(order.number)
        raise RuntimeError("the database went away")

    monkeypatch.setattr(placing, "notify_sellers_of_order", notify_then_fail)

    # When a guest places an order
    with django_capture_on_commit_callbacks(execute=True):
        check_out_as_guest(client, (thach_den, 1), (hat_de, 1))

    # Then the order had been written and the sellers queued, but nothing was kept and no seller was emailed
    assert len(placed) == 1
    assert not Order.objects.exists()
    assert not Shipment.objects.exists()
    assert thach_den.stockrecords.get().num_allocated in (0, None)
    assert not [message for message in mail.outbox if "/seller/don-hang/" in message.body]


@pytest.mark.django_db
def test_splitting_an_order_again_makes_no_second_shipment(thach_den, hat_de):
    order = place_order(None, (thach_den, 1), hat_de)

    split_order_by_seller(order)

    assert order.shipments.count() == 2


@pytest.mark.django_db
def test_place_order_allocates_stock_and_gives_each_seller_her_lines(thach_den, hat_de):
    order = place_order(UserFactory(), (thach_den, 3), hat_de)

    jelly = order.shipments.get(seller=thach_den.seller)
    assert [(line.title, line.quantity) for line in jelly.lines] == [("Thạch đen Cao Bằng", 3)]
    assert thach_den.stockrecords.get().num_allocated == 3
    assert order.shipping_address.phone_number.as_e164 == "+84912345678"
