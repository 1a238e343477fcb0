import pytest
from django.conf import settings
from django.contrib.sites.models import Site as DjangoSite
from django.core.management import call_command
from django.db import connection
from wagtail.models import Site as WagtailSite

on_sqlite = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite settings; PostgreSQL has its own")


@on_sqlite
@pytest.mark.django_db
def test_sqlite_lets_readers_work_beside_a_writer():
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"


@on_sqlite
def test_sqlite_writers_take_the_lock_when_their_transaction_begins():
    options = settings.DATABASES["default"]["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] >= 5


@pytest.mark.django_db
def test_both_site_records_carry_the_configured_domain():
    django_site = DjangoSite.objects.get(pk=settings.SITE_ID)
    wagtail_site = WagtailSite.objects.get(is_default_site=True)

    assert django_site.domain == settings.SITE_DOMAIN
    assert django_site.name == settings.SITE_NAME
    hostname, _, port = settings.SITE_DOMAIN.partition(":")
    assert wagtail_site.hostname == hostname
    assert wagtail_site.port == int(port or 80)
    assert wagtail_site.root_page.specific.__class__.__name__ == "HomePage"


@pytest.mark.django_db
def test_models_and_migrations_agree(capsys):
    call_command("makemigrations", "--check", "--dry-run")

    assert "No changes detected" in capsys.readouterr().out
