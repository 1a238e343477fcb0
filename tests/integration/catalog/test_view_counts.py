"""A product page's views are counted without the page writing to the database: in the cache, then added to
Oscar's analytics (ProductRecord.num_views, the dashboard's product report) by a task on the queue."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from oscar.core.loading import get_model

from catalog.view_counts import write_product_views
from tests.pages import ENGLISH, open_page
from tests.processes import on_the_queue

ProductRecord = get_model("analytics", "ProductRecord")

pytestmark = pytest.mark.django_db

WRITES = ("INSERT", "UPDATE", "DELETE")


def views_recorded(product):
    record = ProductRecord.objects.filter(product=product).first()
    return record.num_views if record else 0


def test_product_page_writes_nothing_and_the_next_run_counts_its_views(client, product, customer):
    # Given a visitor and a logged-in customer who each open the product page
    open_page(client, product.get_absolute_url(), ENGLISH)  # a first request sets the language cookie
    with CaptureQueriesContext(connection) as visitor:
        visitor_page = client.get(product.get_absolute_url())
    client.force_login(customer)
    client.get(product.get_absolute_url())  # her first page makes her basket (Oscar's basket middleware)
    with CaptureQueriesContext(connection) as logged_in:
        customer_page = client.get(product.get_absolute_url())

    # Then neither page wrote anything, and no view is in the analytics yet
    assert visitor_page.status_code == customer_page.status_code == 200
    writes = [q["sql"] for q in visitor.captured_queries + logged_in.captured_queries if q["sql"].startswith(WRITES)]
    assert writes == []
    assert views_recorded(product) == 0

    # When the queue's run comes
    write_product_views.call()

    # Then the four views are counted, and a later view is added to them by the next run, once
    assert views_recorded(product) == 4
    client.get(product.get_absolute_url())
    write_product_views.call()
    write_product_views.call()
    assert views_recorded(product) == 5


def test_views_add_to_a_record_its_purchases_made(client, product):
    ProductRecord.objects.create(product=product, num_purchases=2, num_views=10)

    client.get(product.get_absolute_url())
    write_product_views.call()

    record = ProductRecord.objects.get(product=product)
    assert (record.num_views, record.num_purchases) == (11, 2)


@on_the_queue
def test_a_deploys_migrate_leaves_one_run_waiting_and_each_run_the_next():
    def waiting():
        return DBTaskResult.objects.filter(status="READY", task_path=write_product_views.module_path)

    call_command("migrate", verbosity=0, interactive=False)
    call_command("migrate", verbosity=0, interactive=False)
    (run,) = waiting()
    assert timezone.now() < run.run_after < timezone.now() + timedelta(minutes=5)

    waiting().delete()
    write_product_views.call()
    assert waiting().count() == 1
