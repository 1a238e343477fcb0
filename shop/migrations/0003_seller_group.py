from django.db import migrations


def create_seller_group(apps, schema_editor):
    """The seller role an approved seller's account gets (sellers.onboarding.approve_seller)."""
    apps.get_model("auth", "Group").objects.get_or_create(name="Seller")


class Migration(migrations.Migration):
    dependencies = [("shop", "0002_union_staff_groups")]

    operations = [migrations.RunPython(create_seller_group, migrations.RunPython.noop)]
