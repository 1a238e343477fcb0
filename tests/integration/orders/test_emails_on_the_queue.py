"""An order's emails on the queue of production: they wait in the database for a worker process
(`make worker`), which sends them, tries them again while the mail server is away, and gives up after
the last attempt."""

import email
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from oscar.core.loading import get_model

from tests.factories import PartnerFactory, ProductFactory, UserFactory
from tests.processes import committed, free_port, on_the_queue, run_worker
from tests.shopping import check_out

Order = get_model("order", "Order")

CONFIRMATION_TASK = "orders.emails.email_order_confirmation"


@pytest.fixture
def jelly():
    seller = PartnerFactory(name="Hợp tác xã Thạch đen Phục Hòa")
    seller.users.add(UserFactory(email="mai@example.vn"))
    return ProductFactory(title="Thạch đen Cao Bằng", seller=seller, stockrecords__price=Decimal("125000"))


def mailbox(folder):
    """The emails a worker wrote with Django's file backend (EMAIL_URL=filemail://…), as messages."""
    return [email.message_from_bytes(path.read_bytes()) for path in sorted(folder.glob("*.log"))]


def files_mail(folder):
    return {"EMAIL_URL": f"filemail:///{folder}"}


def closed_mail_server():
    """A mail server that is not there: the port of nothing listening."""
    return {"EMAIL_URL": f"smtp://127.0.0.1:{free_port()}"}


def tasks_of(path):
    return DBTaskResult.objects.filter(task_path=path)


@on_the_queue
@committed
def test_a_worker_process_sends_the_emails_of_an_order_placed_while_they_waited_on_the_queue(client, jelly, tmp_path):
    # Given an order placed, whose emails wait in the database instead of going out in the request
    check_out(client, jelly, email="lan@example.vn")
    order = Order.objects.get()
    waiting = DBTaskResult.objects.order_by("task_path")
    assert [(task.task_path, task.status) for task in waiting] == [
        (CONFIRMATION_TASK, "READY"),
        ("orders.emails.email_seller_about_order", "READY"),
    ]

    # When a worker process goes through what waits
    run_worker(**files_mail(tmp_path))

    # Then the buyer has her confirmation and the seller her new order, each naming the order
    sent = {message["To"]: message for message in mailbox(tmp_path)}
    assert set(sent) == {"lan@example.vn", "mai@example.vn"}
    for message in sent.values():
        assert order.number in email.header.make_header(email.header.decode_header(message["Subject"])).__str__()
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}


@on_the_queue
@committed
def test_an_email_the_mail_server_refused_goes_out_when_it_is_tried_again(client, jelly, tmp_path):
    # Given an order's emails waiting, and the mail server away
    check_out(client, jelly, email="lan@example.vn")
    before = timezone.now()

    # When the worker tries them
    worker = run_worker(**closed_mail_server())

    # Then they wait again, for a minute from now, with the attempt and its error kept for the operator
    confirmation = tasks_of(CONFIRMATION_TASK).get()
    assert confirmation.status == "READY"
    assert len(confirmation.worker_ids) == 1
    assert confirmation.exception_class_path == "builtins.ConnectionRefusedError"
    assert before + timedelta(seconds=55) < confirmation.run_after < timezone.now() + timedelta(seconds=65)
    assert "failed (attempt 1 of 5); tried again after" in worker.stderr

    # When the minute has passed and the mail server is back
    DBTaskResult.objects.update(run_after=timezone.now())
    run_worker(**files_mail(tmp_path))

    # Then the emails went out, on their second attempt
    assert sorted(message["To"] for message in mailbox(tmp_path)) == ["lan@example.vn", "mai@example.vn"]
    confirmation.refresh_from_db()
    assert (confirmation.status, len(confirmation.worker_ids)) == ("SUCCESSFUL", 2)


@on_the_queue
@committed
def test_an_email_that_keeps_failing_stays_failed_after_its_last_attempt(client, jelly):
    check_out(client, jelly, email="lan@example.vn")

    # When the mail server stays away through every attempt (no delay between them here)
    worker = run_worker(TASK_RETRY_DELAYS="0,0", **closed_mail_server())

    # Then each email was tried three times and is failed, logged as such
    confirmation = tasks_of(CONFIRMATION_TASK).get()
    assert (confirmation.status, len(confirmation.worker_ids)) == ("FAILED", 3)
    assert f"Task {CONFIRMATION_TASK} ({confirmation.id}) failed 3 times; it is not tried again" in worker.stderr
