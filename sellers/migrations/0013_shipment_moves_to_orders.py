from django.db import migrations


class Migration(migrations.Migration):
    """Shipments now belong to the order app (order 0022), in the same table: only the state moves."""

    dependencies = [
        ("order", "0022_shipment"),
        ("partner", "0012_shipments"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[migrations.DeleteModel(name="Shipment")], database_operations=[]),
    ]
