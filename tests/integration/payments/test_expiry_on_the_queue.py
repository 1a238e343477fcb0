"""Card orders not paid in time expire on the queue of production, without cron: placing one schedules
its expiry for its deadline, a worker process runs it, and a run that has to leave an order comes back."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from oscar.core.loading import get_model

from orders.status import OrderStatus
from payments.models import CheckoutSession
from payments.stripe.expiry import EXPIRY_RECHECK, come_back_for_the_rest, expire_unpaid_orders
from payments.stripe.sessions import payment_deadline
from tests.integration.payments.stripe_double import place_card_order, start_paying
from tests.processes import committed, on_the_queue, run_worker
from tests.shopping import check_out

pytestmark = pytest.mark.usefixtures("stripe_keys")

Order = get_model("order", "Order")

EXPIRY_TASK = "payments.stripe.expiry.expire_unpaid_orders"


def expiry_runs():
    return DBTaskResult.objects.filter(task_path=EXPIRY_TASK)


@on_the_queue
@committed
def test_a_card_order_not_paid_in_time_is_cancelled_by_the_worker_at_its_deadline(client, product, fake_stripe):
    # Given a card order placed at checkout, which sends the buyer to Stripe
    check_out(client, (product, 2), method="card", email="lan@example.vn")
    order = Order.objects.get()
    assert order.status == OrderStatus.PENDING_PAYMENT
    assert product.stockrecords.get().num_allocated == 2

    # Then its expiry waits on the queue, for a minute after its deadline
    expiry = expiry_runs().get()
    assert expiry.run_after == payment_deadline(order) + timedelta(minutes=1)

    # When the deadline has passed unpaid (the hour, and Stripe's page, gone by) and the worker runs
    Order.objects.filter(pk=order.pk).update(date_placed=timezone.now() - timedelta(minutes=62))
    CheckoutSession.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    expiry_runs().update(run_after=timezone.now())
    run_worker()

    # Then the order is cancelled and its stock back on sale, and nothing more waits for it
    order.refresh_from_db()
    assert order.status == OrderStatus.CANCELLED
    assert product.stockrecords.get().num_allocated == 0
    assert list(expiry_runs().values_list("status", flat=True)) == ["SUCCESSFUL"]


@on_the_queue
@pytest.mark.django_db
def test_a_run_that_leaves_an_order_whose_stripe_page_is_open_comes_back_when_it_closes(
    client, customer, product, fake_stripe, django_capture_on_commit_callbacks
):
    # Given a card order past its deadline whose buyer opened Stripe's page again just before it
    order = place_card_order(customer, product, minutes_ago=55)
    client.force_login(customer)
    start_paying(client, order)
    Order.objects.filter(pk=order.pk).update(date_placed=timezone.now() - timedelta(minutes=61))
    closes = CheckoutSession.objects.get().expires_at
    assert closes > timezone.now() + timedelta(minutes=20)  # Stripe gives a page half an hour at least

    # When the expiry runs, it leaves the order (she may still pay) and comes back after the page closes
    with django_capture_on_commit_callbacks(execute=True):
        assert expire_unpaid_orders.call() == []
    assert Order.objects.get().status == OrderStatus.PENDING_PAYMENT
    assert [task.run_after for task in expiry_runs()] == [closes + timedelta(minutes=1)]

    # And a second run before then schedules no second visit
    with django_capture_on_commit_callbacks(execute=True):
        come_back_for_the_rest()
    assert expiry_runs().count() == 1


@on_the_queue
@pytest.mark.django_db
def test_an_order_left_while_stripe_could_not_be_asked_is_visited_again_in_five_minutes(
    customer, product, fake_stripe, django_capture_on_commit_callbacks
):
    order = place_card_order(customer, product, minutes_ago=61)
    CheckoutSession.objects.create(
        order=order, session_id="cs_test_gone_by", attempt=1, expires_at=timezone.now() - timedelta(minutes=5)
    )
    fake_stripe.unreachable = True
    before = timezone.now()

    with django_capture_on_commit_callbacks(execute=True):
        expire_unpaid_orders.call()

    assert Order.objects.get().status == OrderStatus.PENDING_PAYMENT
    visit = expiry_runs().get().run_after
    assert before + EXPIRY_RECHECK <= visit <= timezone.now() + EXPIRY_RECHECK
