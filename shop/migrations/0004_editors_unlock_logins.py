from django.contrib.auth.management import create_permissions
from django.db import migrations

# Union editors unlock an account locked for too many wrong passwords (cms/lockouts.py): axes' attempts.
CODENAMES = ["view_accessattempt", "delete_accessattempt"]


def let_editors_unlock(apps, schema_editor):
    """Made here, as 0002 makes its own: post_migrate, which would make them, comes later."""
    app_config = apps.get_app_config("axes")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    editors = apps.get_model("auth", "Group").objects.filter(name="Union editor").first()
    if editors is not None:
        editors.permissions.add(*Permission.objects.filter(content_type__app_label="axes", codename__in=CODENAMES))


def stop_editors_unlocking(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for editors in apps.get_model("auth", "Group").objects.filter(name="Union editor"):
        editors.permissions.remove(*Permission.objects.filter(content_type__app_label="axes", codename__in=CODENAMES))


class Migration(migrations.Migration):
    dependencies = [
        ("shop", "0003_seller_group"),
        ("axes", "0010_accessattemptexpiration"),
    ]

    operations = [migrations.RunPython(let_editors_unlock, stop_editors_unlocking)]
