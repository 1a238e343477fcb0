"""Oscar's order screens go through the order's verbs: officers read, editors cancel, no other move is made by hand."""

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import translation

from orders.cancelling import cancel_lines, cancel_order_by_buyer
from orders.fulfilment import accept_shipment, pack_shipment, ship_shipment
from orders.paying import payment_source
from orders.status import LineStatus, OrderStatus, ShipmentStatus
from payments.methods import COD, VIETQR
from tests.factories import PartnerFactory, ProductFactory, UserFactory, place_order
from tests.integration.payments.stripe_double import paid_by_card, place_card_order
from tests.pages import ENGLISH, open_page, soup_of, text_of

REASON = "Người mua gọi điện báo hủy vì đặt nhầm"


def allocated(product):
    return product.stockrecords.get().num_allocated


def in_english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = ENGLISH
    return client


def detail_url(order):
    return reverse("dashboard:order-detail", kwargs={"number": order.number})


def set_status(client, order, status, reason=REASON):
    """What Oscar's status form sends, as the issue's officer sent it."""
    data = {"order_action": "change_order_status", "new_status": status, "reason": reason}
    return client.post(detail_url(order), data)


@pytest.fixture
def sellers_products(db):
    """Two sellers, each with an email address, and a product each."""
    jelly_seller = PartnerFactory(name="Hợp tác xã Thạch đen Phục Hòa", owner_name="Đàm Thị Mai")
    jelly_seller.users.add(UserFactory(email="mai@thachden.example.vn"))
    nut_seller = PartnerFactory(name="Cơ sở Hạt dẻ Đàm Thủy", owner_name="Đàm Thị Thủy")
    nut_seller.users.add(UserFactory(email="thuy@hatde.example.vn"))
    jelly = ProductFactory(title="Thạch đen Cao Bằng", seller=jelly_seller, stockrecords__num_in_stock=10)
    nuts = ProductFactory(title="Hạt dẻ Trùng Khánh", seller=nut_seller, stockrecords__num_in_stock=10)
    return jelly, nuts


@pytest.fixture
def cash_order(customer, sellers_products):
    jelly, nuts = sellers_products
    order = place_order(customer, (jelly, 2), nuts)
    payment_source(order, COD)
    return order


@pytest.fixture
def unpaid_transfer_order(customer, sellers_products):
    """A VietQR order whose money has not come: its sellers do not see it yet."""
    jelly, _nuts = sellers_products
    order = place_order(customer, (jelly, 2))
    order.status = OrderStatus.PENDING_PAYMENT
    order.save(update_fields=["status"])
    payment_source(order, VIETQR)
    return order


# The back door of the issue: an officer's POST to Oscar's status form


@pytest.mark.parametrize("status", [OrderStatus.PLACED, OrderStatus.CANCELLED, OrderStatus.DELIVERED])
def test_an_officer_cannot_release_or_cancel_an_unpaid_transfer_order(client, officer, unpaid_transfer_order, status):
    # Given an officer, who may read orders
    client.force_login(officer)
    order = unpaid_transfer_order
    assert client.get(detail_url(order)).status_code == 200

    # When she sends Oscar's status form, as the issue found she could
    response = set_status(client, order, status)

    # Then she is refused, and the order still waits for its money, unseen by its seller
    assert response.status_code == 403
    order.refresh_from_db()
    assert order.status == OrderStatus.PENDING_PAYMENT
    assert set(order.shipments.values_list("status", flat=True)) == {ShipmentStatus.NEW}
    assert order.sources.get().amount_debited == 0
    assert allocated(order.lines.get().product) == 2
    assert mail.outbox == []


def test_an_officer_reads_an_order_without_a_form_she_cannot_send(client, officer, cash_order):
    client.force_login(officer)

    page = open_page(client, detail_url(cash_order), ENGLISH)

    assert cash_order.number in text_of(page)
    assert "You can read this order; union editors can cancel it." in text_of(page)
    assert not soup_of(page).select("textarea[name=reason], button.btn-danger, #order_note_form")


def test_an_editor_cannot_set_a_status_by_hand(client, editor, unpaid_transfer_order):
    # Given an editor, who may change orders, and an order whose transfer has not come
    in_english(client).force_login(editor)
    order = unpaid_transfer_order

    # When she asks for "Placed" (the order would go to its seller unpaid)
    response = client.post(
        detail_url(order), {"order_action": "change_order_status", "new_status": OrderStatus.PLACED}, follow=True
    )

    # Then she is told why not, and nothing changed
    assert "cannot be set to “Placed” by hand" in text_of(response)
    order.refresh_from_db()
    assert order.status == OrderStatus.PENDING_PAYMENT
    assert set(order.shipments.values_list("status", flat=True)) == {ShipmentStatus.NEW}


# An editor's cancel is the whole cancel


def test_an_editors_cancel_cancels_the_shipments_returns_the_stock_and_tells_everyone(
    client, editor, cash_order, sellers_products, django_capture_on_commit_callbacks
):
    # Given a cash order from two sellers, one of whom has accepted it
    jelly, nuts = sellers_products
    accept_shipment(cash_order.shipments.get(seller=jelly.seller))
    in_english(client).force_login(editor)

    # When an editor cancels it from Oscar's status form, saying why
    with django_capture_on_commit_callbacks(execute=True):
        response = set_status(client, cash_order, OrderStatus.CANCELLED)

    # Then the order, both shipments and every line are cancelled, and the stock is on sale again
    assert response.status_code == 302
    cash_order.refresh_from_db()
    assert cash_order.status == OrderStatus.CANCELLED
    assert set(cash_order.shipments.values_list("status", flat=True)) == {ShipmentStatus.CANCELLED}
    assert set(cash_order.shipments.values_list("cancel_reason", flat=True)) == {REASON}
    assert set(cash_order.lines.values_list("status", flat=True)) == {LineStatus.CANCELLED}
    assert (allocated(jelly), allocated(nuts)) == (0, 0)
    # and staff find who did it and why in the order's history
    assert cash_order.notes.filter(user=editor, message__contains=REASON).exists()
    # and the buyer and both sellers are told why
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == ["lan.nong@example.vn", "mai@thachden.example.vn", "thuy@hatde.example.vn"]
    assert all(REASON in message.body for message in mail.outbox)
    buyer_email = next(message for message in mail.outbox if message.to == ["lan.nong@example.vn"])
    assert f"#{cash_order.number}" in buyer_email.subject
    # and the editor sees it done
    page = text_of(open_page(client, response.url, ENGLISH))
    assert f"Order #{cash_order.number} is cancelled" in page


def test_an_editors_cancel_of_a_card_order_refunds_the_card(
    client, editor, customer, fake_stripe, stripe_keys, django_capture_on_commit_callbacks
):
    # Given an order paid by card
    product = ProductFactory(title="Miến dong Nguyên Bình", stockrecords__num_in_stock=5)
    buyer = client
    buyer.force_login(customer)
    order = place_card_order(customer, (product, 2))
    paid_by_card(buyer, order, fake_stripe)
    order.refresh_from_db()
    assert order.status == OrderStatus.PLACED

    # When an editor cancels it
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        set_status(client, order, OrderStatus.CANCELLED)

    # Then Stripe is asked for the whole payment back, and the payment record shows it refunded
    order.refresh_from_db()
    assert order.status == OrderStatus.CANCELLED
    refunds = [request for request in fake_stripe.requests if request.path == "/v1/refunds"]
    assert [request.params["amount"] for request in refunds] == [str(int(order.total_incl_tax))]
    assert order.sources.get().amount_refunded == order.total_incl_tax
    assert allocated(product) == 0
    # and the buyer is told the money goes back to her card
    [buyer_email] = [message for message in mail.outbox if "đã bị hủy" in message.subject]
    assert "bạn đã trả bằng thẻ đang được hoàn về thẻ của bạn" in buyer_email.body


def test_a_cancel_without_a_reason_is_refused_and_changes_nothing(client, editor, cash_order):
    in_english(client).force_login(editor)

    response = set_status(client, cash_order, OrderStatus.CANCELLED, reason="  ")

    assert "Say why the order is cancelled" in text_of(open_page(client, response.url, ENGLISH))
    cash_order.refresh_from_db()
    assert cash_order.status == OrderStatus.PLACED
    assert set(cash_order.shipments.values_list("status", flat=True)) == {ShipmentStatus.NEW}


def test_an_order_with_a_parcel_on_its_way_cannot_be_cancelled_as_a_whole(client, editor, cash_order, sellers_products):
    # Given an order one of whose sellers has sent her parcel
    jelly, nuts = sellers_products
    shipment = cash_order.shipments.get(seller=jelly.seller)
    accept_shipment(shipment)
    pack_shipment(shipment)
    ship_shipment(shipment, carrier="Viettel Post")
    in_english(client).force_login(editor)

    # When an editor tries to cancel it
    response = set_status(client, cash_order, OrderStatus.CANCELLED)

    # Then she is told why not, the form is not offered, and nothing changed
    page = text_of(open_page(client, response.url, ENGLISH))
    assert "Part of this order has already been sent" in page
    cash_order.refresh_from_db()
    assert cash_order.status == OrderStatus.IN_PROGRESS
    assert allocated(nuts) == 1
    assert cash_order.shipments.get(seller=nuts.seller).status == ShipmentStatus.NEW


def test_the_order_list_moves_no_order_in_bulk(client, editor, cash_order):
    client.force_login(editor)

    client.post(
        reverse("dashboard:order-list"),
        {"action": "change_order_statuses", "selected_order": [cash_order.pk], "new_status": OrderStatus.CANCELLED},
    )

    cash_order.refresh_from_db()
    assert cash_order.status == OrderStatus.PLACED
    assert set(cash_order.shipments.values_list("status", flat=True)) == {ShipmentStatus.NEW}


def test_oscars_line_statuses_and_events_are_not_offered_or_taken(client, editor, cash_order):
    client.force_login(editor)
    line = cash_order.lines.first()
    page = soup_of(client.get(detail_url(cash_order)))
    assert not page.select("input[name=line_action]")

    for action in ("change_line_statuses", "create_shipping_event", "create_payment_event"):
        client.post(
            detail_url(cash_order),
            {
                "line_action": action,
                "selected_line": [line.pk],
                f"selected_line_qty_{line.pk}": line.quantity,
                "new_status": LineStatus.CANCELLED,
                "shipping_event_type": "shipped",
                "payment_event_type": "paid",
            },
        )

    line.refresh_from_db()
    assert line.status == ""
    assert not cash_order.shipping_events.exists()
    assert not cash_order.payment_events.exists()


def test_an_editors_cancel_of_a_paid_transfer_order_tells_staff_and_buyer_the_money_goes_back(
    client, editor, unpaid_transfer_order, django_capture_on_commit_callbacks
):
    # Given a VietQR order whose transfer staff recorded: it went to its seller
    order = unpaid_transfer_order
    in_english(client).force_login(editor)
    client.post(reverse("vietqr:transfer-received", kwargs={"order_number": order.number}))
    order.refresh_from_db()
    assert order.status == OrderStatus.PLACED
    mail.outbox.clear()

    # When an editor cancels it
    with django_capture_on_commit_callbacks(execute=True):
        set_status(client, order, OrderStatus.CANCELLED)

    # Then staff find in its history what to transfer back, and the buyer is told it comes back by transfer
    order.refresh_from_db()
    assert order.status == OrderStatus.CANCELLED
    total = f"{int(order.total_incl_tax):,}".replace(",", ".")
    owed_back = f"In all, {total}\xa0₫ paid by bank transfer is now owed back"
    assert order.notes.filter(message__startswith=owed_back).exists()
    [buyer_email] = [message for message in mail.outbox if message.to == ["lan.nong@example.vn"]]
    # (in the marketplace's language: the buyer's own is not known when staff cancel)
    assert f"Số tiền {total}\xa0₫ bạn đã chuyển khoản sẽ được Chợ OCOP Cao Bằng chuyển trả lại" in buyer_email.body
    assert "thẻ" not in buyer_email.body


def dong(amount):
    return f"{int(amount):,}".replace(",", ".") + "\xa0₫"


def test_the_notes_of_transfer_money_owed_back_never_add_up_to_more_than_was_paid(
    client, editor, customer, sellers_products, django_capture_on_commit_callbacks
):
    # Given a VietQR order of two sellers, paid
    jelly, nuts = sellers_products
    order = place_order(customer, (jelly, 2), nuts)
    order.status = OrderStatus.PENDING_PAYMENT
    order.save(update_fields=["status"])
    payment_source(order, VIETQR)
    in_english(client).force_login(editor)
    client.post(reverse("vietqr:transfer-received", kwargs={"order_number": order.number}))

    # When one seller cancels her chestnuts, and later staff cancel the rest
    nut_shipment = order.shipments.get(seller=nuts.seller)
    with translation.override(ENGLISH):
        cancel_lines(nut_shipment, list(nut_shipment.lines), "Hết hàng")
    first = order.notes.filter(message__contains="owed back").latest("pk").message
    set_status(client, order, OrderStatus.CANCELLED)
    last = order.notes.filter(message__contains="owed back").latest("pk").message

    # Then the first note owes her the chestnuts and their fee, and the newest the whole total, not more
    order.refresh_from_db()
    nut_part = nut_shipment.lines.get().line_price_incl_tax + order.shipments.get(seller=nuts.seller).shipping_charge
    assert first.startswith(f"In all, {dong(nut_part)} paid by bank transfer is now owed back")
    assert last.startswith(f"In all, {dong(order.total_incl_tax)} paid by bank transfer is now owed back")


def test_a_transfer_that_arrives_for_a_cancelled_order_is_owed_back(client, editor, unpaid_transfer_order):
    # Given a transfer order its buyer cancelled before paying
    order = unpaid_transfer_order
    cancel_order_by_buyer(order, "Đặt nhầm")
    in_english(client).force_login(editor)

    # When her transfer arrives all the same and staff record it
    response = client.post(reverse("vietqr:transfer-received", kwargs={"order_number": order.number}), follow=True)

    # Then the order stays cancelled, and staff are told, on the page and in its history, to give it back
    order.refresh_from_db()
    assert order.status == OrderStatus.CANCELLED
    assert "give the money back to the buyer" in text_of(response)
    assert order.notes.filter(
        message__startswith=f"In all, {dong(order.total_incl_tax)} paid by bank transfer is now owed back"
    ).exists()


def test_the_order_history_stays_when_an_editor_asks_to_delete_a_system_note(client, editor, cash_order):
    note = cash_order.notes.create(message="Người bán: Đã nhận.", note_type="System")
    client.force_login(editor)

    client.post(detail_url(cash_order), {"order_action": "delete_note", "note_id": note.pk})

    assert cash_order.notes.filter(pk=note.pk).exists()
