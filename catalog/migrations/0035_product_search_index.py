import functools
import re
import unicodedata

from django.db import migrations
from django.utils.html import strip_tags
from vietnam_provinces import Ward

# A copy of the folding as it was when this migration was written (catalog.search.fold_words),
# so that later changes there cannot change what this migration does.


def fold_words(value):
    decomposed = unicodedata.normalize("NFD", str(value or "").replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    return " ".join(re.findall(r"\w+", stripped))


@functools.cache
def ward_names():
    return {int(ward.code): ward.name for ward in Ward.iter_all()}


def ward_name(code):
    return ward_names().get(code, "")


def fill_search_text(apps, schema_editor):
    """Fold the text of products that existed before search did (new ones are folded on save)."""
    Product = apps.get_model("catalogue", "Product")
    for product in Product.objects.select_related("seller").filter(search_text=""):
        seller = product.seller.name if product.seller_id else ""
        words = [product.title, strip_tags(product.description or ""), seller, ward_name(product.origin_code)]
        product.search_title = fold_words(product.title)[:255]
        product.search_text = fold_words(" ".join(word for word in words if word))
        product.save(update_fields=["search_title", "search_text"])


def create_trigram_index(apps, schema_editor):
    """On PostgreSQL, a trigram index makes LIKE '%…%' on the folded text fast at 20,000 products."""
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS catalogue_product_search_text_trgm "
        "ON catalogue_product USING gin (search_text gin_trgm_ops)"
    )


def drop_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS catalogue_product_search_text_trgm")


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0034_product_maker_origin_and_certificate")]

    operations = [
        migrations.RunPython(fill_search_text, migrations.RunPython.noop),
        migrations.RunPython(create_trigram_index, drop_trigram_index),
    ]
