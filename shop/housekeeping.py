"""The queue's own housekeeping, without cron: every task leaves a result row (an email, an expiry…), so
once a day the results finished more than TASK_RESULTS_KEPT_DAYS ago are deleted, failed ones after twice
as long (django-tasks-db's `prune_db_task_results`). `manage.py migrate`, run at each deploy, makes sure
a run is waiting; each run schedules the next.
"""

from datetime import timedelta

from django.conf import settings
from django.core.management import call_command
from django_tasks import task

from vietnam.retrying import run_again_after

EVERY = timedelta(days=1)


@task
def prune_task_results():
    """Delete the old results of finished tasks, then wait a day for the next run."""
    kept = settings.TASK_RESULTS_KEPT_DAYS
    call_command("prune_db_task_results", min_age_days=kept, failed_min_age_days=2 * kept, verbosity=0)
    schedule_housekeeping()


def schedule_housekeeping(**kwargs):
    """On the database queue, put the next run of the housekeeping a day ahead, unless one waits already.

    Also a receiver of post_migrate.
    """
    run_again_after(prune_task_results, EVERY)
