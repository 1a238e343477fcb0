"""/health/: whether this server and the parts it relies on work, for monitors and load balancers.

django-health-check runs the checks; `/health/` answers 200 when every one passes and 500 when one fails, as
HTML, or JSON with `?format=json` or `Accept: application/json` ({"Cache(alias='default')": "OK", ...}).
`/health/ready/` checks only what this server cannot serve a page without, the database, for a load balancer: a
cache that does not answer, a queue behind or a storage fault is the same on every server, and leaves pages
served (shop/cache.py), so it must not take them all out of the balancer.
"""

import dataclasses
import datetime

from django.conf import settings
from django.db import DatabaseError
from django.db.models import Case, F, When
from django.utils import timezone
from django_tasks import task_backends
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult, get_date_max
from health_check import checks
from health_check.base import HealthCheck
from health_check.exceptions import ServiceUnavailable
from health_check.views import HealthCheckView


@dataclasses.dataclass
class Cache(checks.Cache):
    """django-health-check's, saying plainly what failed: django-redis ignores the cache's errors (shop/cache.py),
    so the check only finds the value it wrote missing."""

    async def run(self):
        try:
            await super().run()
        except ServiceUnavailable as error:
            raise ServiceUnavailable("The cache does not answer: a value written could not be read back.") from error


@dataclasses.dataclass
class Storage(checks.Storage):
    """django-health-check's, saying what failed where its own says "unknown error" (a file system's refusal)."""

    def run(self):
        try:
            super().run()
        except OSError as error:  # its strerror only: the public page shows no path
            raise ServiceUnavailable(f"A file could not be saved, read or deleted: {error.strerror}.") from error


@dataclasses.dataclass
class Queue(HealthCheck):
    """The queue of background work (django-tasks-db): its table answers, and no task has waited longer than
    settings.TASKS_HEALTHY_WAIT for a worker (none running, or too few for the work).

    A backend that runs tasks in the request (the demo's) has no queue to check.
    """

    alias: str = "default"

    async def run(self):
        backend = task_backends[self.alias]
        if not isinstance(backend, DatabaseBackend):
            return
        # A task deferred to later (run_after) waits from then, not from when it was queued.
        waiting = (
            DBTaskResult.objects.ready()
            .filter(backend_name=self.alias)
            .annotate(waiting_since=Case(When(run_after=get_date_max(), then=F("enqueued_at")), default=F("run_after")))
            .order_by("waiting_since")
        )
        try:
            oldest = await waiting.values_list("waiting_since", flat=True).afirst()
            if oldest is None or timezone.now() - oldest <= settings.TASKS_HEALTHY_WAIT:
                return
            count = await waiting.acount()
        except DatabaseError as error:
            raise ServiceUnavailable(f"The queue's table does not answer: {type(error).__name__}") from error
        raise ServiceUnavailable(
            f"{count} task(s) waiting, the oldest for {_minutes(timezone.now() - oldest)} minutes: "
            "is a worker (manage.py db_worker) running, and are there enough of them?"
        )


def _minutes(duration: datetime.timedelta):
    return int(duration.total_seconds() // 60)


class HealthView(HealthCheckView):
    """django-health-check's page, of the parts this marketplace runs on."""

    checks = ("health_check.checks.Database", Cache, Storage, Queue)


class ReadinessView(HealthCheckView):
    """Only what this server cannot serve a page without."""

    checks = ("health_check.checks.Database",)
