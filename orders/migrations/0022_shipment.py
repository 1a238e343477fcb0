import django.db.models.deletion
from django.db import migrations, models


def move_content_type(apps, schema_editor):
    """Admin history and permissions of shipments follow the model to its new app."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    old = ContentType.objects.filter(app_label="partner", model="shipment").first()
    if old is None:
        return
    if ContentType.objects.filter(app_label="order", model="shipment").exists():
        old.delete()
    else:
        old.app_label = "order"
        old.save(update_fields=["app_label"])


def move_content_type_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="order", model="shipment").update(app_label="partner")


class Migration(migrations.Migration):
    """Shipments were a model of the partner app; they belong to the order's life. The table stays."""

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("order", "0021_billingaddress_code_shippingaddress_code"),
        ("partner", "0012_shipments"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Shipment",
                    fields=[
                        ("id", models.AutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("status", models.CharField(choices=[("new", "New"), ("accepted", "Accepted"), ("packed", "Packed"), ("shipped", "Shipped"), ("delivered", "Delivered"), ("cancelled", "Cancelled")], db_index=True, default="new", max_length=16, verbose_name="Status")),
                        ("shipping_charge", models.DecimalField(decimal_places=2, default=0, max_digits=12, verbose_name="Shipping fee")),
                        ("carrier", models.CharField(blank=True, max_length=64, verbose_name="Carrier")),
                        ("tracking_code", models.CharField(blank=True, max_length=64, verbose_name="Tracking code")),
                        ("cancel_reason", models.TextField(blank=True, verbose_name="Why it was cancelled")),
                        ("created_at", models.DateTimeField(auto_now_add=True, db_index=True, verbose_name="Placed at")),
                        ("accepted_at", models.DateTimeField(blank=True, null=True, verbose_name="Accepted at")),
                        ("packed_at", models.DateTimeField(blank=True, null=True, verbose_name="Packed at")),
                        ("shipped_at", models.DateTimeField(blank=True, null=True, verbose_name="Shipped at")),
                        ("delivered_at", models.DateTimeField(blank=True, null=True, verbose_name="Delivered at")),
                        ("cancelled_at", models.DateTimeField(blank=True, null=True, verbose_name="Cancelled at")),
                        ("order", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="shipments", to="order.order", verbose_name="Order")),
                        ("seller", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="shipments", to="partner.partner", verbose_name="Seller")),
                    ],
                    options={
                        "verbose_name": "Shipment",
                        "verbose_name_plural": "Shipments",
                        "db_table": "partner_shipment",
                        "ordering": ["-created_at", "-pk"],
                        "indexes": [models.Index(fields=["seller", "-created_at"], name="shipment_seller_newest")],
                        "constraints": [models.UniqueConstraint(fields=("order", "seller"), name="one_shipment_per_seller_and_order")],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_type, move_content_type_back),
    ]
