"""The queue cleans up after itself without cron: a deploy's migrate leaves a daily run waiting, and each
run deletes the old results of finished tasks and schedules the next."""

import uuid
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from payments.stripe.expiry import expire_unpaid_orders
from shop.housekeeping import prune_task_results
from tests.processes import on_the_queue

pytestmark = pytest.mark.django_db


def waiting_housekeeping():
    return DBTaskResult.objects.filter(status="READY", task_path=prune_task_results.module_path)


def finished_task(status, days_ago):
    """A task result the worker finished `days_ago` days ago; its id."""
    result = expire_unpaid_orders.enqueue()
    DBTaskResult.objects.filter(pk=result.id).update(
        status=status, finished_at=timezone.now() - timedelta(days=days_ago)
    )
    return uuid.UUID(result.id)


@on_the_queue
def test_a_deploys_migrate_leaves_one_daily_housekeeping_waiting():
    call_command("migrate", verbosity=0, interactive=False)
    call_command("migrate", verbosity=0, interactive=False)

    (run,) = waiting_housekeeping()
    assert timezone.now() + timedelta(hours=23) < run.run_after < timezone.now() + timedelta(days=1)


@on_the_queue
def test_housekeeping_deletes_results_finished_two_weeks_ago_and_failures_after_four(settings):
    settings.TASK_RESULTS_KEPT_DAYS = 14
    old = finished_task("SUCCESSFUL", days_ago=15)
    recent = finished_task("SUCCESSFUL", days_ago=13)
    old_failure = finished_task("FAILED", days_ago=15)
    older_failure = finished_task("FAILED", days_ago=29)

    prune_task_results.call()

    assert set(DBTaskResult.objects.exclude(task_path=prune_task_results.module_path).values_list("id", flat=True)) == {
        recent,
        old_failure,
    }
    assert not DBTaskResult.objects.filter(pk__in=[old, older_failure]).exists()
    # And the next run waits, a day ahead
    assert waiting_housekeeping().count() == 1
