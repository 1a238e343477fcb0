"""Background work that is tried again when it fails: an email while the mail server is away, an import
whose database was restarting.

django-tasks has no retries yet (django/new-features#142 proposes them), so a task marked `@retried`
that fails on the queue's worker (django-tasks-db) goes back on the queue, to run again after the next
of TASK_RETRY_DELAYS (seconds), on the same result: its attempts count up and its last error stays for
the operator to read. After the last delay it stays failed, logged as an error. A retried task must be
safe to run twice (an email task checks what it sent; an import skips the rows it added). With the
immediate backend of the demo and tests a failure is only logged: nothing waits to be tried again.

A periodic task (the housekeeping, the product views) keeps its next run waiting with `run_again_after`.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.dispatch import receiver
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks.signals import task_finished
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)

_RETRIED = set()


def retried(task):
    """Mark a task (under its `@task`) as tried again when it fails on the queue; returns it."""
    _RETRIED.add(task.module_path)
    return task


@receiver(task_finished, dispatch_uid="vietnam.retrying.try_again_later")
def try_again_later(sender, task_result, **kwargs):
    """Put a retried task that failed on the database queue back, to run after its next delay."""
    if task_result.status != TaskResultStatus.FAILED or not issubclass(sender, DatabaseBackend):
        return
    if task_result.task.module_path not in _RETRIED:
        return
    delays = settings.TASK_RETRY_DELAYS
    name, attempts = task_result.task.module_path, task_result.attempts
    if attempts > len(delays):
        logger.error("Task %s (%s) failed %d times; it is not tried again", name, task_result.id, attempts)
        return
    run_after = timezone.now() + timedelta(seconds=delays[attempts - 1])
    DBTaskResult.objects.filter(pk=task_result.id, status=TaskResultStatus.FAILED).update(
        status=TaskResultStatus.READY, run_after=run_after, finished_at=None
    )
    logger.warning(
        "Task %s (%s) failed (attempt %d of %d); tried again after %s",
        name,
        task_result.id,
        attempts,
        len(delays) + 1,
        run_after.isoformat(timespec="seconds"),
    )


def waiting_runs(task):
    """The runs of `task` waiting on the database queue (django-tasks-db), deferred ones included."""
    return DBTaskResult.objects.filter(status=TaskResultStatus.READY, task_path=task.module_path)


def run_again_after(task, delay):
    """Enqueue `task` to run `delay` from now, unless a run of it waits already: how a periodic task keeps
    its next run waiting, without cron. Only on the database queue; the immediate backend cannot wait."""
    if isinstance(task.get_backend(), DatabaseBackend) and not waiting_runs(task).exists():
        task.using(run_after=timezone.now() + delay).enqueue()
