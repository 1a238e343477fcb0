import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connections
from django.utils import translation

from sellers.onboarding import SELLER_GROUP
from tests.factories import PartnerFactory, ProductFactory, UserFactory, create_category
from tests.objectstorage import CREDENTIALS, Bucket, forget_storages, media_in, s3_server
from tests.pages import soup_of
from users import sms

# Transactional tests (the browser journeys) flush the database after themselves. The rows
# that data migrations made (Wagtail's root and home page, Site, Locale, collections, groups)
# must be put back, or the next test and the next `--reuse-db` run would miss them.
MIGRATED_ROW_CHECK = "SELECT 1 FROM wagtailcore_page WHERE depth = 1"


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """Drop a reused SQLite test database that an interrupted run left flushed."""
    test_name = settings.DATABASES["default"].get("TEST", {}).get("NAME")
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3" or not test_name:
        return
    path = Path(test_name)
    if not path.exists():
        return
    try:
        with sqlite3.connect(path) as db:
            migrated = db.execute(MIGRATED_ROW_CHECK).fetchone() is not None
    except sqlite3.DatabaseError:
        migrated = False
    if not migrated:
        for leftover in path.parent.glob(path.name + "*"):
            leftover.unlink()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """pytest-django's test databases; at the end, restore what transactional tests flushed."""
    yield
    with django_db_blocker.unblock():
        for connection in connections.all():
            snapshot = getattr(connection, "_test_serialized_contents", None)
            if not snapshot:
                continue
            with connection.cursor() as cursor:
                cursor.execute(MIGRATED_ROW_CHECK)
                flushed = cursor.fetchone() is None
            if flushed:
                # Empty it entirely first: a flush that ran post_migrate made content types anew.
                call_command("flush", database=connection.alias, interactive=False, inhibit_post_migrate=True)
                connection.creation.deserialize_db_from_string(snapshot)
                # The rows came back with their ids; new rows must get ids after them (PostgreSQL).
                with connection.cursor() as cursor:
                    for statement in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
                        cursor.execute(statement)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache (Redis in CI keeps it between tests otherwise)."""
    cache.clear()


@pytest.fixture(autouse=True)
def sms_outbox():
    """The text messages the console sender sent during the test, (number, text), oldest first."""
    sms.outbox.clear()
    yield sms.outbox
    sms.outbox.clear()


@pytest.fixture(autouse=True)
def _marketplace_language():
    """Each test starts in the marketplace's language: a request leaves the language it chose active
    in the thread (LanguageMiddleware), which would otherwise decide what the next test reads."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def cards_and_queries(client, django_assert_max_num_queries):
    """Open a listing page as a returning visitor does; count its product cards and SQL queries.

    The first request makes the thumbnails; the second, measured one is the page visitors get.
    """

    def measure(url, max_queries):
        client.get(url)
        with django_assert_max_num_queries(max_queries) as captured:
            response = client.get(url)
        assert response.status_code == 200
        return len(soup_of(response).select(".product-card")), len(captured)

    return measure


@pytest.fixture
def customer(db):
    """A customer with an email address and a mobile number, password tests.factories.PASSWORD."""
    return UserFactory(email="lan.nong@example.vn", phone="0912 345 678")


@pytest.fixture
def seller(db):
    return PartnerFactory(name="Hợp tác xã Thạch đen Phục Hòa", owner_name="Đàm Thị Mai")


@pytest.fixture
def category(db):
    return create_category("Đặc sản > Thạch đen")


@pytest.fixture
def product(seller, category):
    """A public product at 125.000 ₫ from the seller above, in the category above."""
    return ProductFactory(
        title="Thạch đen Cao Bằng",
        seller=seller,
        stockrecords__price=Decimal("125000.00"),
        categories=[category],
    )


@pytest.fixture
def seller_owner(seller):
    """The woman who runs `seller`: a phone-only account with the seller role, as approval leaves it."""
    owner = UserFactory(email=None, first_name="Mai", last_name="Đàm", phone="0987 654 321")
    owner.groups.add(Group.objects.get(name=SELLER_GROUP))
    seller.users.add(owner)
    return owner


@pytest.fixture(scope="session")
def s3_endpoint():
    """moto's S3 server, started once for the run (tests/objectstorage.py)."""
    with s3_server() as endpoint:
        yield endpoint


@pytest.fixture
def media_root(settings, tmp_path):
    """An empty MEDIA_ROOT of the test's own, which Django's storage and sorl's write to; yields its path."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    forget_storages()
    yield settings.MEDIA_ROOT
    forget_storages()


@pytest.fixture
def media_bucket(s3_endpoint, monkeypatch, media_root):
    """Uploads go to a new bucket on the S3 server, as MEDIA_STORAGE_URL sends them; MEDIA_ROOT stays empty."""
    for name, value in CREDENTIALS.items():
        monkeypatch.setenv(name, value)
    bucket = Bucket(s3_endpoint)
    with media_in(bucket):
        yield bucket
