from django.contrib.auth.management import create_permissions
from django.db import migrations
from django.db.models import Q

# What the Women's Union staff may do in Oscar's dashboard and Wagtail's admin.
# Oscar 4.2 checks model permissions on each dashboard view (STACK-NOTES), so being
# staff is not enough. Wagtail page permissions are given per page, later.
GROUPS = {
    "Union editor": [
        "wagtailadmin.access_admin",
        "catalogue.view_product",
        "catalogue.add_product",
        "catalogue.change_product",
        "catalogue.view_category",
        "catalogue.add_category",
        "catalogue.change_category",
        "catalogue.view_productclass",
        "partner.view_partner",
        "partner.change_partner",
        "partner.view_stockalert",
        "order.view_order",
        "order.change_order",
        "reviews.view_productreview",
        "reviews.change_productreview",
    ],
    "Union officer": [
        "wagtailadmin.access_admin",
        "catalogue.view_product",
        "catalogue.view_category",
        "partner.view_partner",
        "order.view_order",
    ],
}


def create_union_groups(apps, schema_editor):
    """Create the two staff groups with their permissions (made first: post_migrate comes later)."""
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codes in GROUPS.items():
        wanted = Q()
        for code in codes:
            app_label, _, codename = code.partition(".")
            wanted |= Q(content_type__app_label=app_label, codename=codename)
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*Permission.objects.filter(wanted))


def remove_union_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("shop", "0001_vietnam_shipping_country"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("catalogue", "0033_ocop_product_data"),
        ("partner", "0008_seller_profile"),
        ("order", "0021_billingaddress_code_shippingaddress_code"),
        ("reviews", "0005_productreview_code"),
    ]

    operations = [migrations.RunPython(create_union_groups, remove_union_groups)]
