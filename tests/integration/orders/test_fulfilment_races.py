"""Two steps on one order at the same moment, in real concurrent transactions: they take turns and agree.

These run on PostgreSQL (as in CI), where row locks let transactions run side by side; SQLite
takes one writer at a time, so there the race cannot happen and the tests are skipped.

To make the worst timing happen every run, each step is held just before it takes its second
row lock until the other step has taken its first one (or a few seconds have passed, when the
other is waiting for a lock the first one holds): steps that lock in the same order wait for
each other, steps that did not would deadlock or read each other's work before it commits.
"""

import contextlib
import threading
from datetime import timedelta
from decimal import Decimal

import pytest
from django.conf import settings
from django.db import connection, connections
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from orders.fulfilment import accept_shipment, pack_shipment, ship_shipment
from orders.paying import payment_source
from orders.status import OrderStatus
from payments.methods import CARD
from payments.stripe.expiry import expire_unpaid_card_orders
from tests.factories import PartnerFactory, ProductFactory, UserFactory, place_order
from tests.pages import ENGLISH

Order = get_model("order", "Order")
Shipment = get_model("order", "Shipment")

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent transactions need PostgreSQL"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

HOLD_SECONDS = 3


def run_together(*steps):
    """Run each step in a thread (and a database connection) of its own; returns what each raised, or None.

    Before its second SELECT … FOR UPDATE a step waits until every step has reached its own
    second one, or HOLD_SECONDS have passed.
    """
    meeting = threading.Barrier(len(steps), timeout=HOLD_SECONDS)
    errors = [None] * len(steps)

    def run(index, step):
        locks = 0

        def meet_before_second_lock(execute, sql, params, many, context):
            nonlocal locks
            if "FOR UPDATE" in sql:
                locks += 1
                if locks == 2:
                    with contextlib.suppress(threading.BrokenBarrierError):
                        meeting.wait()
            return execute(sql, params, many, context)

        try:
            with connection.execute_wrapper(meet_before_second_lock):
                step()
        except Exception as error:  # noqa: BLE001  (what a step raised is the test's answer)
            errors[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(index, step)) for index, step in enumerate(steps)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors


def test_two_sellers_sending_their_parcels_at_once_leave_the_order_shipped():
    # Given an order from two sellers, each of whom has packed her parcel
    jelly = ProductFactory(title="Thạch đen", seller=PartnerFactory(name="HTX Thạch đen Phục Hòa"))
    nuts = ProductFactory(title="Hạt dẻ", seller=PartnerFactory(name="Cơ sở Hạt dẻ Đàm Thủy"))
    order = place_order(UserFactory(), jelly, nuts)
    first, second = order.shipments.order_by("pk")
    for shipment in (first, second):
        accept_shipment(shipment)
        pack_shipment(shipment)

    # When both hand their parcels to carriers at the same moment
    errors = run_together(
        lambda: ship_shipment(first, carrier="Viettel Post"),
        lambda: ship_shipment(second, carrier="VNPost"),
    )

    # Then both are sent, and the order says so
    assert errors == [None, None]
    assert set(order.shipments.values_list("status", flat=True)) == {Shipment.Status.SHIPPED}
    order.refresh_from_db()
    assert order.status == OrderStatus.SHIPPED


def test_a_buyer_cancelling_as_her_unpaid_order_expires_cancels_it_once():
    # Given a card order never paid, past its deadline, of three jellies; and another buyer's order of one
    jelly = ProductFactory(title="Thạch đen", stockrecords__num_in_stock=10, stockrecords__price=Decimal("125000"))
    nuts = ProductFactory(title="Hạt dẻ", stockrecords__num_in_stock=10, stockrecords__price=Decimal("180000"))
    buyer = UserFactory(email="lan@example.vn")
    order = place_order(buyer, (jelly, 3), nuts)
    Order.objects.filter(pk=order.pk).update(
        status=OrderStatus.PENDING_PAYMENT, date_placed=timezone.now() - timedelta(hours=2)
    )
    payment_source(order, CARD)
    place_order(UserFactory(), jelly)
    assert jelly.stockrecords.get().num_allocated == 4

    # When she cancels it on her order page just as the expiry job cancels it
    client = Client()
    client.force_login(buyer)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = ENGLISH
    responses = []
    errors = run_together(
        lambda: responses.append(
            client.post(reverse("customer:order", kwargs={"order_number": order.number}), {"action": "cancel"})
        ),
        expire_unpaid_card_orders,
    )

    # Then neither fails, the order is cancelled once, and its stock comes back once
    assert errors == [None, None]
    assert [response.status_code for response in responses] == [302]
    order.refresh_from_db()
    assert order.status == OrderStatus.CANCELLED
    assert order.status_changes.filter(new_status=OrderStatus.CANCELLED).count() == 1
    assert set(order.shipments.values_list("status", flat=True)) == {Shipment.Status.CANCELLED}
    assert jelly.stockrecords.get().num_allocated == 1  # the other buyer's jelly only
    assert nuts.stockrecords.get().num_allocated == 0
