"""Settings for the test suite: the project's settings, changed only where tests need it."""

import atexit
import os
import shutil
import tempfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

# The project's settings refuse DEBUG off without a key of the site's own; the suite's key signs nothing real.
os.environ.setdefault("SECRET_KEY", "tests-only-key-that-signs-nothing-but-the-suites-own-sessions")

from shop.settings import *  # noqa: E402, F403
from shop.settings import BASE_DIR, DATABASES  # noqa: E402

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not memory, so `pytest --reuse-db` keeps the migrated database between runs;
    # TEST_SQLITE_NAME gives a second run at the same time a file of its own.
    DATABASES["default"]["TEST"] = {"NAME": os.environ.get("TEST_SQLITE_NAME", str(BASE_DIR / "test-db.sqlite3"))}

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

# Static files served straight from the apps' static folders: no collectstatic, no manifest. Uploads of a run
# go to a folder of their own, removed when the run ends, even where the environment names a bucket
# (MEDIA_STORAGE_URL); the tests of object storage start an S3 server of their own (tests/objectstorage.py).
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="cho-ocop-test-media-"))
atexit.register(shutil.rmtree, MEDIA_ROOT, ignore_errors=True)

# WhiteNoise finds static files in the apps' folders on each request, as in development.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# The marketplace's bank account for VietQR transfers: made up, as in the demo.
VIETQR_BANK_BIN = "970405"
VIETQR_BANK_NAME = "Agribank"
VIETQR_ACCOUNT_NUMBER = "8300205000000"
VIETQR_ACCOUNT_NAME = "HOI LHPN TINH CAO BANG"

# Under pytest-xdist (`make test` runs two workers) each worker gets a Redis database of its own:
# the cache is emptied before every test, and django-redis's clear() empties the whole database.
WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
if WORKER and CACHES["default"]["BACKEND"] == "django_redis.cache.RedisCache":  # noqa: F405
    _redis = urlsplit(CACHES["default"]["LOCATION"])  # noqa: F405
    _database = int(_redis.path.strip("/") or 0) + 1 + int(WORKER.removeprefix("gw"))
    CACHES["default"]["LOCATION"] = urlunsplit(_redis._replace(path=f"/{_database}"))  # noqa: F405

# Pages and cards are made afresh on every request, as the other tests count their queries and change data between
# two visits; the caches' own tests turn them on (test_page_cache.py, test_kept_cards.py).
PAGE_CACHE_SECONDS = 0
CARD_CACHE_SECONDS = 0
