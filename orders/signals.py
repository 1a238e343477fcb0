"""What the order's life tells the payment methods, which know how money moves (payments/ listens).

The order's life decides what is owed and when; it does not know Stripe or the bank. Payment
methods sit above it (they call its verbs when money arrives), so it tells them through these
signals instead of importing them: payments/apps.py connects its receivers when Django starts.
"""

from django.dispatch import Signal

# An order whose payment was taken owes some of it back: `order`, `amount` (Decimal; None for all that
# was paid and not refunded). Sent inside the transaction that cancelled, so a rolled-back cancel asks
# nothing; a receiver that moves money must act only once it commits (transaction.on_commit), never
# while the order's rows are locked.
refund_due = Signal()

# The buyer's confirmation is being sent (by its email task, after the order's commit): `order`. Each
# receiver returns a list of attachments, (filename, content, mimetype), for what only it knows, such
# as the QR code of a bank transfer.
confirmation_attachments = Signal()

# A seller's parcel has reached its buyer (orders/fulfilment.py): `shipment`, locked, with its order; `by`,
# who said so. Sent inside the step's transaction, so what a receiver writes commits or rolls back with it.
shipment_delivered = Signal()

# A delivered parcel's money is given back to its buyer (orders/returning.py): `shipment`, `amount`
# (Decimal), `reason`, `by`. Sent inside the transaction that decided it.
shipment_refunded = Signal()
