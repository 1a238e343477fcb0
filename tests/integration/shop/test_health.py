"""/health/: each part the marketplace runs on, reported for monitors (JSON, an error status when one fails),
and /health/ready/, which a load balancer asks whether this server can serve pages."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.test import override_settings
from django.utils import timezone
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from tests.pages import soup_of
from tests.processes import QUEUE, free_port

pytestmark = pytest.mark.django_db

PARTS = {
    "database": "Database(alias='default')",
    "cache": "Cache(alias='default')",
    "storage": "Storage(alias='default')",
    "queue": "Queue(alias='default')",
}


@task()
def send_a_reminder():
    """A task for the queue's check to find waiting (never run here)."""


def health(client, path="/health/"):
    response = client.get(path, HTTP_ACCEPT="application/json")
    return response.status_code, response.json()


def redis_cache_at(url):
    """The project's cache in Redis (settings.REDIS_CACHE), at `url`."""
    return {"default": {**settings.REDIS_CACHE, "LOCATION": url}}


def closed_port_url():
    return f"redis://127.0.0.1:{free_port()}/0"


def test_every_part_answers_ok_with_200_as_json(client):
    status, parts = health(client)

    assert status == 200
    assert parts == dict.fromkeys(PARTS.values(), "OK")


def test_json_is_also_asked_for_in_the_query_and_the_page_is_never_cached(client):
    response = client.get("/health/?format=json")

    assert response["Content-Type"] == "application/json"
    assert set(response.json()) == set(PARTS.values())
    assert "no-store" in response["Cache-Control"]
    assert "Accept" in response["Vary"]


def test_a_monitor_polling_often_is_never_refused(client):
    statuses = {client.get("/health/?format=json").status_code for _ in range(12)}

    assert statuses == {200}


def test_the_html_page_lists_each_part_and_its_style_is_allowed_by_the_policy(client):
    response = client.get("/health/", HTTP_ACCEPT="text/html")

    assert response.status_code == 200
    rows = [row.get_text(" ", strip=True) for row in soup_of(response).select("tbody tr")]
    assert [row.split(" ")[0] for row in rows] == list(PARTS.values())
    # django-health-check's page styles itself inline, without our nonce: the operators' policy allows it.
    assert "style-src 'self' 'unsafe-inline'" in response["Content-Security-Policy"]


def test_a_cache_that_does_not_answer_is_reported_with_an_error_status(client):
    with override_settings(CACHES=redis_cache_at(closed_port_url())):
        status, parts = health(client)

    assert status == 500
    assert parts[PARTS["cache"]] == "Unavailable: The cache does not answer: a value written could not be read back."
    assert [name for name, state in parts.items() if state != "OK"] == [PARTS["cache"]]


def test_the_load_balancers_check_passes_while_the_cache_is_down(client):
    # Pages are served without the cache, so servers must not be taken out of the balancer for it.
    with override_settings(CACHES=redis_cache_at(closed_port_url())):
        status, parts = health(client, "/health/ready/")

    assert (status, parts) == (200, {PARTS["database"]: "OK"})


def test_a_storage_that_cannot_be_written_is_reported_with_an_error_status(client, tmp_path):
    # The media folder would be under a file, so nothing can be saved there.
    (tmp_path / "a-file").write_text("")
    broken = {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": tmp_path / "a-file"}}

    with override_settings(STORAGES={**settings.STORAGES, "default": broken}):
        status, parts = health(client)

    assert status == 500
    assert parts[PARTS["storage"]] == "Unavailable: A file could not be saved, read or deleted: Not a directory."
    assert [name for name, state in parts.items() if state != "OK"] == [PARTS["storage"]]


@override_settings(TASKS={"default": {"BACKEND": QUEUE}}, TASKS_HEALTHY_WAIT=timedelta(minutes=10))
def test_a_task_waiting_longer_than_a_worker_takes_is_reported_with_how_long(client):
    # Given tasks queued a few minutes ago, and one that has waited 25 minutes for a worker
    send_a_reminder.enqueue()
    assert health(client)[1][PARTS["queue"]] == "OK"
    forgotten = send_a_reminder.enqueue()
    DBTaskResult.objects.filter(pk=forgotten.id).update(enqueued_at=timezone.now() - timedelta(minutes=25))

    # Then the queue is reported, with how many wait and for how long
    status, parts = health(client)
    assert status == 500
    assert parts[PARTS["queue"]] == (
        "Unavailable: 2 task(s) waiting, the oldest for 25 minutes: "
        "is a worker (manage.py db_worker) running, and are there enough of them?"
    )


@override_settings(TASKS={"default": {"BACKEND": QUEUE}}, TASKS_HEALTHY_WAIT=timedelta(minutes=10))
def test_a_task_deferred_to_later_waits_from_then_and_a_finished_one_not_at_all(client):
    # Queued two hours ago to run five minutes ago (a card order's expiry), and one a worker has run
    deferred = send_a_reminder.using(run_after=timezone.now() - timedelta(minutes=5)).enqueue()
    done = send_a_reminder.enqueue()
    DBTaskResult.objects.filter(pk__in=[deferred.id, done.id]).update(enqueued_at=timezone.now() - timedelta(hours=2))
    DBTaskResult.objects.filter(pk=done.id).update(status="SUCCESSFUL", finished_at=timezone.now())

    assert health(client) == (200, dict.fromkeys(PARTS.values(), "OK"))
