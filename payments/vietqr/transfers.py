"""An order's bank transfer to the marketplace's account: what the buyer sends, and the QR code that fills it in."""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _
from oscar.templatetags.currency_filters import currency as format_currency

from orders.amounts import amount_due
from orders.notes import note_on_order
from orders.paying import money_kept
from orders.payment_methods import PaymentMethodCode

from .payload import positive_dong, vietqr_payload, vietqr_png, vietqr_svg


@dataclass(frozen=True)
class Transfer:
    """What a buyer needs to pay an order by bank transfer, as text and as a VietQR payload."""

    bank_name: str
    bank_bin: str
    account_number: str
    account_name: str
    amount: int
    message: str
    payload: str

    def svg(self):
        return vietqr_svg(self.payload, title=f"VietQR {self.message}")

    def png(self):
        return vietqr_png(self.payload)


def transfer_message(order):
    """The transfer message staff look for on the bank statement: "CHOOCOP 100042"."""
    prefix = getattr(settings, "VIETQR_MESSAGE_PREFIX", "CHOOCOP")
    return f"{prefix} {order.number}"


def transfer_for(order, amount=None):
    """The marketplace's account (settings), the order's number, and `amount` (its total without one)."""
    message = transfer_message(order)
    amount = positive_dong(order.total_incl_tax if amount is None else amount)
    payload = vietqr_payload(
        bank_bin=settings.VIETQR_BANK_BIN,
        account_number=settings.VIETQR_ACCOUNT_NUMBER,
        amount=amount,
        message=message,
    )
    return Transfer(
        bank_name=settings.VIETQR_BANK_NAME,
        bank_bin=settings.VIETQR_BANK_BIN,
        account_number=settings.VIETQR_ACCOUNT_NUMBER,
        account_name=settings.VIETQR_ACCOUNT_NAME,
        amount=amount,
        message=message,
        payload=payload,
    )


def note_transfer_to_give_back(sender, order, amount, **kwargs):
    """Receiver of orders.signals.refund_due: money a buyer sent by transfer goes back by transfer, which
    staff make from the Union's account; the order's history tells them how much is owed back in all.

    In all, not this time's share: a seller's cancel and a later cancel of the rest each leave a
    note, and the newest one is the whole sum, so following the notes never pays back twice.
    """
    owed = money_kept(order).get(PaymentMethodCode.VIETQR, 0) - amount_due(order)
    if owed <= 0:
        return
    message = _(
        "In all, %(amount)s paid by bank transfer is now owed back to the buyer (earlier notes included): "
        "transfer it from the Union's account."
    )
    note_on_order(order, message % {"amount": format_currency(owed, order.currency)})
