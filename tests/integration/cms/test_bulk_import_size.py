"""A 2,000-row file (500 women, 1,500 products): checked for the preview, then imported by the task, each timed.

Out of the suite's usual run, for its minute or so: `IMPORT_BENCHMARK=1 pytest -s tests/integration/cms/
test_bulk_import_size.py` (with DATABASE_URL for PostgreSQL) prints the times.
"""

import os
import time

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from tests.factories import union_staff

from .importing import noodle_category, product_row, seller_row, workbook

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not os.environ.get("IMPORT_BENCHMARK"), reason="IMPORT_BENCHMARK=1 times a 2,000-row import"),
]

ImportBatch = get_model("partner", "ImportBatch")
Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
SELLERS, PRODUCTS_EACH = 500, 3


def test_a_2000_row_file_is_checked_and_imported(client, django_capture_on_commit_callbacks):
    noodle_category()
    officer = union_staff("Union officer", "can.bo.lon@example.vn")
    phones = [f"0912 {number:06d}" for number in range(100000, 100000 + SELLERS)]
    sellers = [seller_row(f"Nông Thị Số {index}", phone) for index, phone in enumerate(phones)]
    products = [product_row(phone, f"Miến dong loại {kind}") for phone in phones for kind in range(PRODUCTS_EACH)]
    file = workbook(sellers, products, name="hai-nghin-dong.xlsx")
    client.force_login(officer)

    started = time.perf_counter()
    client.post(reverse("onboarding:index"), {"file": file})
    checked = time.perf_counter()
    batch = ImportBatch.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("onboarding:confirm", kwargs={"pk": batch.pk}))
    imported = time.perf_counter()

    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.DONE
    assert batch.rows_done == batch.rows_total == SELLERS * (1 + PRODUCTS_EACH)
    assert Partner.objects.count() == SELLERS
    assert Product.objects.count() == SELLERS * PRODUCTS_EACH
    print(
        f"\n{batch.rows_total} rows: preview checked in {checked - started:.1f} s, "
        f"imported in {imported - checked:.1f} s ({(imported - checked) / batch.rows_total * 1000:.0f} ms a row)"
    )
