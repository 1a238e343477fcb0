"""Other processes on this test's database: a task worker, app servers, a manage.py command; a Redis server.

A test that starts one marks itself `django_db(transaction=True, serialized_rollback=True)`, so
that what it wrote is committed and the other process sees it.
"""

import contextlib
import os
import socket
import subprocess
import sys
import time
import uuid

import psycopg
import pytest
from django.conf import settings
from django.db import connection
from django.test import override_settings

from vietnam.processes import stop

# The queue of background work in production (django-tasks-db), which `make worker` runs.
QUEUE = "django_tasks_db.DatabaseBackend"
# A test (or class) whose tasks wait on that queue, in the database, instead of running at once.
on_the_queue = override_settings(TASKS={"default": {"BACKEND": QUEUE}})
# A test whose rows another process must see: committed, and the database restored afterwards.
committed = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def database_url():
    """DATABASE_URL of the database this test runs on (the test database, not the one settings name)."""
    database = connection.settings_dict
    if connection.vendor == "postgresql":
        server = f"{database['HOST'] or '127.0.0.1'}:{database['PORT'] or 5432}"
        credentials = database["USER"] + (f":{database['PASSWORD']}" if database["PASSWORD"] else "")
        return f"postgres://{credentials}@{server}/{database['NAME']}"
    return f"sqlite:///{database['NAME']}"


@contextlib.contextmanager
def scratch_database(prefix="scratch"):
    """A new, empty PostgreSQL database on this test's server, dropped afterwards; yields its DATABASE_URL."""
    database = connection.settings_dict
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    server = {"host": database["HOST"] or "127.0.0.1", "port": database["PORT"] or 5432, "user": database["USER"]}
    if database["PASSWORD"]:
        server["password"] = database["PASSWORD"]
    with psycopg.connect(**server, dbname="postgres", autocommit=True) as postgres:
        postgres.execute(f'CREATE DATABASE "{name}"')
    try:
        yield database_url().rsplit("/", 1)[0] + f"/{name}"
    finally:
        with psycopg.connect(**server, dbname="postgres", autocommit=True) as postgres:
            postgres.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def environment(**overrides):
    """The environment of a process of the project's own settings on this test's database.

    The cache is local to the process unless `REDIS_URL` is given; tasks wait for a worker (QUEUE); files go
    to the run's media folder, as the test's own do.
    """
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "shop.settings",
        "DATABASE_URL": database_url(),
        "DEBUG": "1",
        "REDIS_URL": "",
        "TASKS_BACKEND": QUEUE,
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        **overrides,
    }


def redis_url():
    """REDIS_URL of the Redis database this test's cache uses, or "" when the suite runs without Redis."""
    cache = settings.CACHES["default"]
    return cache["LOCATION"] if cache["BACKEND"] == settings.REDIS_CACHE["BACKEND"] else ""


def production(**overrides):
    """What a production app server is given, on this test's database and Redis: environment() overrides.

    DEBUG off with a key of its own, the hosts it answers, and this test's Redis (the cache and the
    sessions). Static files are served as they are found, since no collectstatic made a manifest.
    """
    return {
        "DEBUG": "0",
        "SECRET_KEY": "two-servers-share-this-key-so-each-reads-the-others-cookies",
        "ALLOWED_HOSTS": "127.0.0.1",
        "STATICFILES_STORAGE": "django.contrib.staticfiles.storage.StaticFilesStorage",
        "REDIS_URL": redis_url(),
        **overrides,
    }


def manage(*arguments, timeout=120, **overrides):
    """Run `manage.py <arguments>` in another process; returns the finished process (output as text)."""
    return subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=settings.BASE_DIR,
        env=environment(**overrides),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def run_worker(**overrides):
    """`make worker` as CI runs it: the worker goes through every task waiting, then stops."""
    worker = manage("db_worker", "--batch", "--no-startup-delay", **overrides)
    assert worker.returncode == 0, worker.stderr[-3000:]
    return worker


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def app_server(workers=1, **overrides):
    """A gunicorn server of `shop.wsgi` on a free local port, as in production; yields its base URL.

    Waits until it answers (up to 60 s); stops it afterwards. Its log is shown if it never answers.
    """
    port = free_port()
    log = open(os.path.join(settings.MEDIA_ROOT, f"gunicorn-{port}.log"), "w+")  # noqa: SIM115 (closed below)
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "shop.wsgi", f"--bind=127.0.0.1:{port}", f"--workers={workers}"],
        cwd=settings.BASE_DIR,
        env=environment(**overrides),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        _wait_until_listening(port, server, log)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(server)
        log.close()


def _wait_until_listening(port, server, log, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            break
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
            return
        time.sleep(0.2)
    output = ""
    if log is not None:
        log.seek(0)
        output = log.read()[-3000:]
    raise AssertionError(f"The server on port {port} did not answer:\n{output}")


@contextlib.contextmanager
def redis_server(port, keep_in=None):
    """A Redis server of its own on local `port`, empty, saving nothing; yields its URL. Stopped afterwards, so
    a test can take the cache away (and bring it back on the same port) without touching the shared one.

    With `keep_in` (a folder) it saves what it holds there when stopped, and a server started again on that
    folder holds it again, as a production Redis that persists does.
    """
    saving = ["--dir", str(keep_in), "--save", "3600 1"] if keep_in else ["--save", ""]
    server = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--appendonly", "no", *saving],
        stdout=subprocess.DEVNULL,
    )
    try:
        _wait_until_listening(port, server, log=None, seconds=10)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.wait(timeout=10)
