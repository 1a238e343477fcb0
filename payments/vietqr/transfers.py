"""An order's bank transfer to the marketplace's account: what the buyer sends, and the QR code that fills it in."""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _
from oscar.templatetags.currency_filters import currency as format_currency

from orders.notes import note_on_order
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


def transfer_for(order):
    """The marketplace's account (settings) and the order's exact total and number."""
    message = transfer_message(order)
    amount = positive_dong(order.total_incl_tax)
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
    staff make from the Union's account; the order's history tells them how much."""
    source = order.sources.filter(source_type__code=PaymentMethodCode.VIETQR).first()
    kept = source.amount_debited - source.amount_refunded if source is not None else 0
    if kept <= 0:
        return
    owed = kept if amount is None else min(amount, kept)
    message = _("%(amount)s paid by bank transfer is owed back: transfer it to the buyer from the Union's account.")
    note_on_order(order, message % {"amount": format_currency(owed, order.currency)})
