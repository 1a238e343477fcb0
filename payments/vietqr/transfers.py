"""An order's bank transfer to the marketplace's account: what the buyer sends, and the QR code that fills it in."""

from dataclasses import dataclass

from django.conf import settings

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
