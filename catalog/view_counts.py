"""How many times each product's page was seen (Oscar's analytics, ProductRecord.num_views), counted without
writing to the database while the page answers.

Oscar's receiver of product_viewed runs an UPDATE (an INSERT for a first view) inside every product GET. Here
a view adds one to the product's counter in the cache instead (Redis in production, shared by every web
server), and a task on the queue adds the counters to ProductRecord every few minutes, then takes what it
added off them, so views that came in meanwhile stay for the next run. While the cache does not answer, views
are not counted. The per-person records of Oscar's receiver (UserRecord.num_product_views, UserProductView,
read only in the dashboard's reports) are no longer kept: each would be a write in the GET.
"""

import contextlib
from datetime import timedelta

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django_tasks import task
from oscar.core.loading import get_model

from vietnam.retrying import run_again_after

Product = get_model("catalogue", "Product")
ProductRecord = get_model("analytics", "ProductRecord")

KEY = "product-views:{}"
EVERY = timedelta(minutes=5)
# How many products' counters one cache round trip reads.
CHUNK = 500


def count_view(sender, product, **kwargs):
    """Receiver of Oscar's product_viewed: one more view of this product, in the cache."""
    key = KEY.format(product.pk)
    try:
        cache.incr(key)
    except ValueError:  # its first view since the last run
        if not cache.add(key, 1, timeout=None):
            # another request added it meanwhile (or the cache does not answer: this view is not counted)
            with contextlib.suppress(ValueError):
                cache.incr(key)


@task
def write_product_views():
    """Add the views counted in the cache to each product's ProductRecord, then wait for the next run."""
    try:
        pks = list(Product.objects.order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(pks), CHUNK):
            keys = {KEY.format(pk): pk for pk in pks[start : start + CHUNK]}
            for key, views in cache.get_many(keys).items():
                if views:
                    # Taken off the counter first: a run that fails after it loses these views, never counts them twice.
                    cache.decr(key, views)
                    add_views(keys[key], views)
    finally:
        schedule_view_counting()  # a run that failed still leaves the next one waiting


def add_views(product_pk, views):
    """Add `views` to the product's record, making it if it has none yet."""
    records = ProductRecord.objects.filter(product_id=product_pk)
    if records.update(num_views=F("num_views") + views):
        return
    try:
        with transaction.atomic():
            ProductRecord.objects.create(product_id=product_pk, num_views=views)
    except IntegrityError:  # made meanwhile, by a purchase or a basket addition
        records.update(num_views=F("num_views") + views)


def schedule_view_counting(**kwargs):
    """On the database queue, put the next run of write_product_views EVERY ahead, unless one waits already.

    Also a receiver of post_migrate, so a deploy's `manage.py migrate` starts the runs.
    """
    run_again_after(write_product_views, EVERY)
