"""The VietQR code a treasurer scans to pay a seller: exactly her payout, to her account, with its memo."""

from typing import NamedTuple

from ledger.payouts import memo
from payments.vietqr.payload import PayloadError, vietqr_payload, vietqr_svg


class PayoutTransfer(NamedTuple):
    message: str
    payload: str  # "" when her account details cannot go into a VietQR code
    svg: str
    error: str


def payout_transfer(payout, *, title=""):
    """The transfer that pays `payout`: its memo, and the VietQR payload and inline SVG when they can be made.

    The same builder as the buyers' transfers at checkout; an account number a bank would not take
    leaves the payload empty and says why, so the line is checked with her rather than paid wrongly.
    """
    message = memo(payout)
    try:
        payload = vietqr_payload(
            bank_bin=payout.bank_bin, account_number=payout.account_number, amount=payout.amount, message=message
        )
    except PayloadError as error:
        return PayoutTransfer(message, "", "", str(error))
    return PayoutTransfer(message, payload, vietqr_svg(payload, title=title), "")
