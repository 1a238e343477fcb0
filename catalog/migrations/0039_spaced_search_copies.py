"""Products' folded copies start with a space, and the title's ends with one (catalog.search.spaced): a word start
is then one LIKE, and a whole word of the title another, with no concatenation in the query."""

from django.db import migrations
from django.db.models import Q, Value
from django.db.models.functions import Concat, Trim


def space_copies(apps, schema_editor):
    Product = apps.get_model("catalogue", "Product")
    Product.objects.exclude(search_title="").update(search_title=Concat(Value(" "), "search_title", Value(" ")))
    Product.objects.exclude(search_text="").update(search_text=Concat(Value(" "), "search_text"))


def unspace_copies(apps, schema_editor):
    Product = apps.get_model("catalogue", "Product")
    Product.objects.exclude(Q(search_title="") & Q(search_text="")).update(
        search_title=Trim("search_title"), search_text=Trim("search_text")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0038_productimage_thumbnails"),
    ]

    operations = [migrations.RunPython(space_copies, unspace_copies)]
