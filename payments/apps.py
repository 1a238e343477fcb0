from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PaymentsConfig(AppConfig):
    """How buyers pay (methods, Stripe, VietQR). The label is "payments": Oscar's app owns "payment"."""

    name = "payments"
    label = "payments"
    verbose_name = _("Payments")

    def ready(self):
        """Listen to the order's life for what only the payment methods can do (orders/signals.py)."""
        from orders.signals import confirmation_attachments, refund_due

        from .instructions import transfer_qr_attachment
        from .stripe.refunds import refund_when_due
        from .vietqr.transfers import note_transfer_to_give_back

        refund_due.connect(refund_when_due, dispatch_uid="payments.stripe.refund_when_due")
        refund_due.connect(note_transfer_to_give_back, dispatch_uid="payments.vietqr.note_transfer_to_give_back")
        confirmation_attachments.connect(transfer_qr_attachment, dispatch_uid="payments.transfer_qr_attachment")
