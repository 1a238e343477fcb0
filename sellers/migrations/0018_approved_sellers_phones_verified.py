"""The accounts of approved sellers keep logging in by phone: the Union approved each after an officer
called her at that number, which is as good as the code that now verifies a number (users 0003).

Other accounts' numbers (buyers, applications not yet approved) count once their owner types a code;
until then a buyer logs in by email, and an applicant by "Quên mật khẩu" with a code sent to her phone.
"""

from django.db import migrations
from django.db.models import F


def verify_approved_sellers_phones(apps, schema_editor):
    User = apps.get_model("users", "User")
    User.objects.filter(partners__status="approved", phone__isnull=False).update(phone_verified_at=F("date_joined"))


class Migration(migrations.Migration):
    dependencies = [
        ("partner", "0017_seller_log_and_acting"),
        ("users", "0003_phone_verified_and_codes"),
    ]

    operations = [migrations.RunPython(verify_approved_sellers_phones, migrations.RunPython.noop)]
