"""Enqueue the making of the sizes of every product photo that lacks one of those catalog.thumbnails names.

    python manage.py make_thumbnails

Run once after deploying the migration that keeps them (catalogue 0038), or a change of the sizes named there,
with a worker running; until a photo's task has run, pages show it through sorl as before. A second run enqueues
only what is still missing.
"""

from django.core.management.base import BaseCommand

from catalog.thumbnails import make_missing_thumbnails


class Command(BaseCommand):
    help = "Enqueue the making of the sizes of every product photo that lacks one of those catalog.thumbnails names."

    def handle(self, *args, **options):
        self.stdout.write(f"Product photos enqueued: {make_missing_thumbnails()}")
