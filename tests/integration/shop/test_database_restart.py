"""An app server outlives its database connections: once PostgreSQL drops them, the next requests succeed.

A restart of PostgreSQL under load once cost 1 request of 136 and none after it. Restarting the real
server here would cut the other test workers off, so the test does what a restart does to the app:
PostgreSQL ends every connection the servers hold (pg_terminate_backend), once while two visitors
keep asking for the catalogue and once while they pause. The servers keep their connections between
requests (CONN_MAX_AGE, as in production) and check one before using it again (CONN_HEALTH_CHECKS):
under load only the requests in flight at that moment may fail (one a visitor), and none after; after
a pause none at all (without the checks, each worker's next request failed).
"""

import contextlib
import threading
import time
from dataclasses import dataclass

import pytest
import requests
from django.conf import settings
from django.db import connection

from tests.factories import ProductFactory
from tests.processes import app_server, production

pytestmark = [
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
        reason="a PostgreSQL server ending the app's connections; run with DATABASE_URL=postgres://…",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

VISITORS = 2
BEFORE, AFTER = 20, 40  # requests answered before PostgreSQL ends the connections, and started after

OTHER_BACKENDS = "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"


@dataclass
class Request:
    started: float
    ended: float
    status: int | str  # the HTTP status, or the error of a request that got none


def keep_asking(url, answered, stop):
    """A visitor opening `url` again and again until `stop` is set; each request goes into `answered`."""
    with requests.Session() as visitor:
        while not stop.is_set():
            started = time.monotonic()
            try:
                status = visitor.get(url, timeout=30).status_code
            except requests.RequestException as error:
                status = type(error).__name__
            answered.append(Request(started, time.monotonic(), status))


@contextlib.contextmanager
def visitors_browsing(url):
    """VISITORS visitors asking for `url` one request after another, until the block ends; yields their requests."""
    answered, stop = [], threading.Event()
    visitors = [threading.Thread(target=keep_asking, args=(url, answered, stop)) for _ in range(VISITORS)]
    for visitor in visitors:
        visitor.start()
    try:
        yield answered
    finally:
        stop.set()
        for visitor in visitors:
            visitor.join()


def wait_for(condition, seconds=120):
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the server stopped answering"
        time.sleep(0.05)


def backends():
    """The process ids of the connections to this database but the test's own."""
    with connection.cursor() as cursor:
        cursor.execute(OTHER_BACKENDS)
        return {pid for (pid,) in cursor.fetchall()}


def end_connections():
    """PostgreSQL ends the connections of every other process to this database; when it started and ended."""
    with connection.cursor() as cursor:
        started = time.monotonic()
        cursor.execute(f"SELECT pg_terminate_backend(pid) FROM ({OTHER_BACKENDS}) AS backend")
        return started, time.monotonic()


def summary(answered, ended, in_flight):
    failed = [request.status for request in answered if request.status != 200]
    return f"{len(failed)} of {len(answered)} requests failed {failed}, {len(in_flight)} in flight when {ended} ended"


def test_requests_after_postgresql_ends_the_servers_connections_succeed():
    # Given a server of two workers keeping their connections, and two visitors browsing the catalogue
    # (made afresh each time, not kept by the page cache: a kept page asks the database nothing)
    ProductFactory(title="Thạch đen Cao Bằng")
    with app_server(workers=2, **production(CONN_MAX_AGE="600", PAGE_CACHE_SECONDS="0")) as server:
        catalogue = f"{server}/shop/catalogue/"
        with visitors_browsing(catalogue) as under_load:
            wait_for(lambda: len(under_load) >= BEFORE)

            # When PostgreSQL ends every connection to the database but this test's own, mid-run
            held_under_load = backends()
            kill_started, kill_ended = end_connections()
            wait_for(lambda: sum(request.started > kill_ended for request in under_load) >= AFTER)

        # And again once the visitors have paused, while the servers' connections wait idle for the next request
        held_idle = backends()
        end_connections()
        with visitors_browsing(catalogue) as after_a_pause:
            wait_for(lambda: len(after_a_pause) >= AFTER)
        reconnected = backends() - held_idle

    # Then the servers' connections were ended and made anew
    assert held_under_load, "the server held no connection to end"
    assert held_idle, "the server kept no connection between requests: CONN_MAX_AGE keeps none"
    assert reconnected, "the server answered without reading the database again"

    # And under load only a request in flight at that moment failed, none after it
    in_flight = [request for request in under_load if request.started <= kill_ended and request.ended >= kill_started]
    figures = summary(under_load, f"{len(held_under_load)} connections", in_flight)
    print(f"Under load: {figures}")
    assert [request for request in under_load if request.status != 200 and request not in in_flight] == [], figures

    # And after a pause none failed: each server checked its connection before using it again
    figures = summary(after_a_pause, f"{len(held_idle)} idle connections", [])
    print(f"After a pause: {figures}")
    assert [request for request in after_a_pause if request.status != 200] == [], figures
