"""The backup README's Production section documents brings the site back: deploy/backup.sh, then deploy/restore.sh.

The scripts run as an operator runs them, on this test's database (pg_dump) and media folder (tar);
the backup is restored into a new database and an empty folder, which the project's own manage.py
then reads. PostgreSQL only, as production and CI run: there is no pg_dump of SQLite.
"""

import json
import subprocess

import pytest
from django.conf import settings

from tests.factories import ProductImageFactory
from tests.processes import database_url, manage, scratch_database

pytestmark = [
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
        reason="the backup is pg_dump's; run with DATABASE_URL=postgres://…",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

READ_PRODUCT = """
import json, os
from oscar.core.loading import get_model
product = get_model("catalogue", "Product").objects.get(title=%r)
photo = product.images.get().original
print(json.dumps({"seller": product.seller.name, "photo": photo.name, "bytes": os.path.getsize(photo.path)}))
"""


def run(script, folder, **environment):
    result = subprocess.run(
        [str(settings.BASE_DIR / "deploy" / script), str(folder)],
        env={"PATH": "/usr/bin:/bin", **environment},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, f"{script}: {result.stderr}"
    return result


def test_a_backup_restored_into_a_new_database_and_an_empty_folder_has_the_product_and_its_photo(tmp_path):
    # Given a product with its photo in the media folder
    photo = ProductImageFactory(product__title="Hạt dẻ Trùng Khánh")
    product = photo.product
    size = photo.original.size

    # When the operator backs the site up, and restores it into a new database and an empty media folder
    backup, restored_media = tmp_path / "backup", tmp_path / "restored-media"
    run("backup.sh", backup, DATABASE_URL=database_url(), MEDIA_ROOT=str(settings.MEDIA_ROOT))
    assert sorted(path.name for path in backup.iterdir()) == ["database.dump", "media.tar.gz"]
    with scratch_database("restored") as restored_database:
        run("restore.sh", backup, DATABASE_URL=restored_database, MEDIA_ROOT=str(restored_media))

        # Then the site on the restored database and folder has the product, its seller and its photo
        read = manage(
            "shell",
            "--no-imports",
            "-c",
            READ_PRODUCT % product.title,
            DATABASE_URL=restored_database,
            MEDIA_ROOT=str(restored_media),
        )
        assert read.returncode == 0, read.stderr[-3000:]
        assert json.loads(read.stdout) == {"seller": product.seller.name, "photo": photo.original.name, "bytes": size}
        assert (restored_media / photo.original.name).is_file()

        # And nothing was left to migrate
        migrations = manage("migrate", "--check", DATABASE_URL=restored_database, MEDIA_ROOT=str(restored_media))
        assert migrations.returncode == 0, migrations.stdout + migrations.stderr
