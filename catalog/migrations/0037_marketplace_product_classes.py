from django.db import migrations

# The kinds of product every instance sells from the start: food, drinks, handicrafts, herbs.
# Names are what sellers and staff see (Vietnamese first); staff may add more.
PRODUCT_CLASSES = [
    ("Thực phẩm", "thuc-pham"),
    ("Đồ uống", "do-uong"),
    ("Thủ công mỹ nghệ", "thu-cong-my-nghe"),
    ("Dược liệu", "duoc-lieu"),
]


def add_product_classes(apps, schema_editor):
    ProductClass = apps.get_model("catalogue", "ProductClass")
    for name, slug in PRODUCT_CLASSES:
        if not ProductClass.objects.filter(name=name).exists():
            ProductClass.objects.create(name=name, slug=slug, requires_shipping=True, track_stock=True)


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0036_product_photo_checks")]

    operations = [migrations.RunPython(add_product_classes, migrations.RunPython.noop)]
