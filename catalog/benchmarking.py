"""A throwaway database for the benchmarks (manage.py benchmark_search, benchmark_figures): made beside the
configured one, as Django makes test databases, migrated, filled by the benchmark, then dropped."""

from contextlib import contextmanager
from pathlib import Path

from django.db import connection


@contextmanager
def throwaway_database(stdout, suffix, *, keep=False):
    """A migrated database "<name>_<suffix>" (SQLite: a file "<stem>-<suffix>.sqlite3" beside its file), the
    default connection's for the block; dropped afterwards unless `keep`. Its name."""
    configured_name = connection.settings_dict["NAME"]
    throwaway = f"{configured_name}_{suffix}"
    if connection.vendor == "sqlite":
        path = Path(configured_name)
        throwaway = str(path.with_name(f"{path.stem}-{suffix.replace('_', '-')}.sqlite3"))
    connection.settings_dict.setdefault("TEST", {})["NAME"] = throwaway
    stdout.write(f"Migrating a throwaway {connection.vendor} database (about half a minute)…")
    name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        yield name
    finally:
        if keep:
            stdout.write(f"Kept the database {name}.")
            connection.settings_dict["NAME"] = configured_name
        else:
            connection.creation.destroy_test_db(configured_name, verbosity=0)


def analyse():
    """The planner's statistics, as autovacuum keeps a live database's."""
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
