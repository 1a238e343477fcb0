from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LedgerConfig(AppConfig):
    """What each seller is owed, what is withheld for tax, and what the Union pays her."""

    name = "ledger"
    verbose_name = _("Sellers' money")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        """Listen to the order's life for the moments money becomes hers (orders/signals.py)."""
        from orders.signals import shipment_delivered, shipment_refunded

        from .crediting import credit_delivered_shipment, reverse_refunded_shipment

        shipment_delivered.connect(credit_delivered_shipment, dispatch_uid="ledger.credit_delivered_shipment")
        shipment_refunded.connect(reverse_refunded_shipment, dispatch_uid="ledger.reverse_refunded_shipment")
