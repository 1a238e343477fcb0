"""A site running the main before the layout change (orders/, payments/, vietnam/… at the top) upgrades cleanly.

Its database, migrated and filled with demo orders by that code, is migrated by this code: nothing
is left to migrate, shipments are found where they now live, and the demo loads again without
adding a row. The old code runs from git (`git archive`) with this virtualenv, in processes of
its own, on a database of its own: SQLite here, PostgreSQL when the suite runs on it (CI).
When a later change makes the pinned commit unrunnable, move PREVIOUS_MAIN to a newer main.
"""

import json
import os
import subprocess
import sys
import tarfile
from io import BytesIO
from pathlib import Path

import pytest
from django.conf import settings

from demo.datafiles import read_demo
from tests.processes import scratch_database

PROJECT = Path(__file__).resolve().parents[3]
PREVIOUS_MAIN = "23d80491b582e7147a347ff99e76a8e9f08ddf40"  # main before orders/ had a home of its own

COUNT_ROWS = """
import json
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
counts = {label: apps.get_model(label).objects.count() for label in %s}
counts["shipment content type"] = list(ContentType.objects.filter(model="shipment").values_list("app_label", flat=True))
print(json.dumps(counts))
"""
OLD_MODELS = ["partner.Partner", "partner.Shipment", "catalogue.Product", "order.Order", "order.Line", "users.User"]
NEW_MODELS = ["partner.Partner", "order.Shipment", "catalogue.Product", "order.Order", "order.Line", "users.User"]


def checkout_of(commit, into):
    """The project's files at `commit`, written under `into`."""
    archive = subprocess.run(["git", "archive", "--format=tar", commit], cwd=PROJECT, capture_output=True, check=False)
    assert archive.returncode == 0, f"git cannot give commit {commit} here: {archive.stderr.decode()}"
    with tarfile.open(fileobj=BytesIO(archive.stdout)) as tar:
        tar.extractall(into, filter="data")
    return into


@pytest.fixture
def scratch_database_url(tmp_path):
    """A database of the suite's kind for the two versions to share, removed afterwards."""
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        yield f"sqlite:///{tmp_path / 'previous-main.sqlite3'}"
        return
    with scratch_database("upgrade") as url:
        yield url


def manage(code_dir, database_url, media_root, *arguments):
    """Run manage.py of the code in `code_dir` on the scratch database; its output."""
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "shop.settings",
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(media_root),
        "DEBUG": "1",
        "REDIS_URL": "",
        "PYTHONPATH": str(code_dir),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", *arguments], cwd=code_dir, env=environment, capture_output=True, text=True
    )
    assert result.returncode == 0, f"manage.py {' '.join(arguments)} in {code_dir} failed:\n{result.stderr[-3000:]}"
    return result.stdout


def counts(code_dir, database_url, media_root, models):
    output = manage(code_dir, database_url, media_root, "shell", "-c", COUNT_ROWS % models)
    return json.loads(output.strip().splitlines()[-1])  # after the shell's own "objects imported" line


def test_a_database_of_the_previous_main_migrates_and_keeps_its_orders(tmp_path, scratch_database_url):
    # Given the previous main's code, and a database it migrated and filled with its demo orders
    old = checkout_of(PREVIOUS_MAIN, tmp_path / "previous-main")
    media = tmp_path / "media"
    manage(old, scratch_database_url, media, "migrate", "--no-input")
    manage(old, scratch_database_url, media, "load_demo_data")
    before = counts(old, scratch_database_url, media, OLD_MODELS)
    assert before["partner.Shipment"] > 0
    assert before["shipment content type"] == ["partner"]

    # When this code migrates it
    manage(PROJECT, scratch_database_url, media, "migrate", "--no-input")

    # Then nothing is left to migrate, and every row is still there, shipments as the order app's
    manage(PROJECT, scratch_database_url, media, "makemigrations", "--check", "--dry-run")
    after = counts(PROJECT, scratch_database_url, media, NEW_MODELS)
    assert after["order.Shipment"] == before["partner.Shipment"]
    assert after["shipment content type"] == ["order"]
    assert [after[label] for label in NEW_MODELS if label != "order.Shipment"] == [
        before[label] for label in OLD_MODELS if label != "partner.Shipment"
    ]
    # and the demo, loaded again by this code, finds it all and adds only what the previous main's had not:
    # its applications to sell waiting, each a seller and her account
    manage(PROJECT, scratch_database_url, media, "load_demo_data")
    added = len(read_demo().applications)
    assert counts(PROJECT, scratch_database_url, media, NEW_MODELS) == {
        **after,
        "partner.Partner": after["partner.Partner"] + added,
        "users.User": after["users.User"] + added,
    }
