"""Union staff record a bank transfer that arrived: the order goes to its sellers."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse

from orders.paying import payment_source
from orders.status import OrderStatus
from payments.methods import VIETQR
from tests.factories import PartnerFactory, ProductFactory, UserFactory, place_order
from tests.pages import ENGLISH, open_page, soup_of, text_of


@pytest.fixture
def transfer_order(customer, seller, product):
    """An order to be paid by bank transfer, not paid yet; its seller has an email address."""
    seller.users.add(UserFactory(email="mai@thachden.example.vn"))
    other = ProductFactory(title="Hạt dẻ Trùng Khánh", seller=PartnerFactory(name="Cơ sở Hạt dẻ Đàm Thủy"))
    other.stockrecords.get().partner.users.add(UserFactory(email="thuy@hatde.example.vn"))
    order = place_order(customer, (product, 2), other)
    order.status = OrderStatus.PENDING_PAYMENT  # as checkout places a transfer order
    order.save(update_fields=["status"])
    payment_source(order, VIETQR)
    return order


@pytest.fixture
def union_editor(db):
    editor = UserFactory(email="bientap@example.vn", is_staff=True)
    editor.groups.add(Group.objects.get(name="Union editor"))
    return editor


def received_url(order):
    return reverse("vietqr:transfer-received", kwargs={"order_number": order.number})


def dashboard_url(order):
    return reverse("dashboard:order-detail", kwargs={"number": order.number})


def test_staff_see_what_to_look_for_and_the_button_on_the_dashboard(client, union_editor, transfer_order):
    client.force_login(union_editor)

    response = open_page(client, dashboard_url(transfer_order), ENGLISH)

    assert response.status_code == 200
    text = text_of(response)
    assert f"CHOOCOP {transfer_order.number}" in text
    assert "Look for a transfer of 415.000\xa0₫" in text
    [form] = soup_of(response).find_all("form", action=received_url(transfer_order))
    assert "Transfer received" in form.get_text()


def test_staff_mark_the_transfer_received_and_the_sellers_are_told(
    client, union_editor, transfer_order, django_capture_on_commit_callbacks
):
    client.force_login(union_editor)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = ENGLISH

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(received_url(transfer_order), {"bank_reference": "FT25123456789"})

    # The order is paid, placed, and each seller hears of it
    assert response.status_code == 302
    assert response.url == dashboard_url(transfer_order)
    transfer_order.refresh_from_db()
    assert transfer_order.status == OrderStatus.PLACED
    source = payment_source(transfer_order, VIETQR)
    assert source.amount_debited == transfer_order.total_incl_tax
    assert "FT25123456789" in source.transactions.get().reference
    seller_emails = sorted(m.to[0] for m in mail.outbox if "mai@" in m.to[0] or "thuy@" in m.to[0])
    assert seller_emails == ["mai@thachden.example.vn", "thuy@hatde.example.vn"]
    assert f"Transfer recorded: order #{transfer_order.number} has gone to its sellers" in text_of(
        client.get(response.url)
    )


def test_a_second_click_records_nothing_more(client, union_editor, transfer_order):
    client.force_login(union_editor)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = ENGLISH
    client.post(received_url(transfer_order))

    response = client.post(received_url(transfer_order), follow=True)

    source = payment_source(transfer_order, VIETQR)
    assert source.amount_debited == transfer_order.total_incl_tax
    assert source.transactions.count() == 1
    assert "was already recorded" in text_of(response)


def test_staff_without_the_order_permission_are_refused(client, transfer_order):
    officer = UserFactory(email="canbo@example.vn", is_staff=True)
    officer.groups.add(Group.objects.get(name="Union officer"))  # may look at orders, not change them
    client.force_login(officer)

    response = client.post(received_url(transfer_order))

    assert response.status_code == 403
    transfer_order.refresh_from_db()
    assert transfer_order.status == OrderStatus.PENDING_PAYMENT


def test_a_customer_is_refused(client, customer, transfer_order):
    client.force_login(customer)

    assert client.post(received_url(transfer_order)).status_code == 403
    transfer_order.refresh_from_db()
    assert transfer_order.status == OrderStatus.PENDING_PAYMENT


def test_a_visitor_is_sent_to_log_in(client, transfer_order):
    response = client.post(received_url(transfer_order))

    assert response.status_code == 302
    assert "login" in response.url
    transfer_order.refresh_from_db()
    assert transfer_order.status == OrderStatus.PENDING_PAYMENT


def test_the_action_takes_no_get(client, union_editor, transfer_order):
    client.force_login(union_editor)

    assert client.get(received_url(transfer_order)).status_code == 405
