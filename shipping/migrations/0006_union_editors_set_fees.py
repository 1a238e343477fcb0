"""Union editors may change the delivery fees in the Django admin, as operators (superusers) can."""

from django.contrib.auth.management import create_permissions
from django.db import migrations
from django.db.models import Q

GROUP = "Union editor"
PERMISSIONS = [
    "view_deliveryzone",
    "change_deliveryzone",
    "view_deliveryband",
    "add_deliveryband",
    "change_deliveryband",
    "delete_deliveryband",
]


def let_editors_set_fees(apps, schema_editor):
    app_config = apps.get_app_config("shipping")
    app_config.models_module = True  # permissions are made after migrations otherwise
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(
        *Permission.objects.filter(Q(content_type__app_label="shipping") & Q(codename__in=PERMISSIONS))
    )


def take_back(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name=GROUP):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="shipping", codename__in=PERMISSIONS))


class Migration(migrations.Migration):
    dependencies = [
        ("shipping", "0005_seed_delivery_fees"),
        ("shop", "0002_union_staff_groups"),
    ]

    operations = [migrations.RunPython(let_editors_set_fees, take_back)]
