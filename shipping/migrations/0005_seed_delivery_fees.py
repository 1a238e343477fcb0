"""The three delivery zones with fees like Viettel Post's and GHTK's for small parcels in 2025.

Staff change any of it in the admin. The nearby provinces are Cao Bằng's neighbours (2025 codes:
Tuyên Quang 8, Thái Nguyên 19, Lạng Sơn 20); an instance for another province starts with none
and its staff tick its own.
"""

from django.conf import settings
from django.db import migrations

CAO_BANG = 4
CAO_BANG_NEIGHBOURS = [8, 19, 20]

# kind: (name, [(up to grams, fee ₫)], fee per started kg above the last band, free from ₫)
ZONES = {
    "home": ("Trong tỉnh", [(500, 18000), (1000, 22000), (2000, 26000), (3000, 30000)], 5000, 500000),
    "nearby": ("Tỉnh lân cận", [(500, 25000), (1000, 30000), (2000, 36000), (3000, 42000)], 7000, 700000),
    "country": ("Toàn quốc", [(500, 32000), (1000, 38000), (2000, 48000), (3000, 58000)], 10000, 1000000),
}


def seed(apps, schema_editor):
    DeliveryZone = apps.get_model("shipping", "DeliveryZone")
    DeliveryBand = apps.get_model("shipping", "DeliveryBand")
    neighbours = CAO_BANG_NEIGHBOURS if settings.MARKETPLACE_PROVINCE_CODE == CAO_BANG else []
    for kind, (name, bands, extra_kg_charge, free_over) in ZONES.items():
        zone, created = DeliveryZone.objects.get_or_create(
            kind=kind,
            defaults={
                "name": name,
                "province_codes": neighbours if kind == "nearby" else [],
                "extra_kg_charge": extra_kg_charge,
                "free_over": free_over,
            },
        )
        if created:
            DeliveryBand.objects.bulk_create(
                DeliveryBand(zone=zone, up_to_grams=grams, charge=charge) for grams, charge in bands
            )


def unseed(apps, schema_editor):
    apps.get_model("shipping", "DeliveryZone").objects.filter(kind__in=ZONES).delete()


class Migration(migrations.Migration):
    dependencies = [("shipping", "0004_delivery_zones")]

    operations = [migrations.RunPython(seed, unseed)]
