from django.contrib.auth.management import create_permissions
from django.db import migrations
from django.db.models import Q

# Who may read sellers' money in Wagtail's admin (cms/payouts/) and who may pay it out.
# Editors pay sellers and correct balances; officers read runs, payouts, ledgers and the tax report.
READ = ["ledger.view_payoutrun", "ledger.view_payout", "ledger.view_entry"]
GROUPS = {
    "Union editor": [*READ, "ledger.pay_sellers"],
    "Union officer": READ,
}


def _permissions(apps, codes):
    Permission = apps.get_model("auth", "Permission")
    wanted = Q()
    for code in codes:
        app_label, _, codename = code.partition(".")
        wanted |= Q(content_type__app_label=app_label, codename=codename)
    return Permission.objects.filter(wanted)


def give_ledger_permissions(apps, schema_editor):
    """Give the two Union staff groups their ledger permissions (made first: post_migrate comes later)."""
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    for name, codes in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*_permissions(apps, codes))


def take_ledger_permissions(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*_permissions(apps, GROUPS[group.name]))


class Migration(migrations.Migration):
    dependencies = [
        ("ledger", "0001_initial"),
        ("shop", "0002_union_staff_groups"),
    ]

    operations = [migrations.RunPython(give_ledger_permissions, take_ledger_permissions)]
