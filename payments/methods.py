"""The ways a buyer pays: cash on delivery (the default), bank transfer by VietQR, card by Stripe.

Every order is placed before it is paid (DESIGN: a card payment never leaves a paid basket
without an order). A method says what status a new order of its own starts in and what
happens right after placement: nothing for cash, the transfer details on the confirmation
page for VietQR, a redirect to Stripe for a card.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from shop import order_status

COD, VIETQR, CARD = "cod", "vietqr", "card"


@dataclass(frozen=True)
class PaymentMethod:
    code: str
    label: str
    description: str
    initial_status: str

    @property
    def is_available(self):
        if self.code == CARD:
            return bool(settings.STRIPE_SECRET_KEY and settings.STRIPE_WEBHOOK_SECRET)
        if self.code == VIETQR:
            return bool(settings.VIETQR_BANK_BIN and settings.VIETQR_ACCOUNT_NUMBER)
        return True


METHODS = {
    COD: PaymentMethod(
        COD,
        _("Cash on delivery"),
        _("Pay the delivery person when your parcels arrive."),
        order_status.PLACED,
    ),
    VIETQR: PaymentMethod(
        VIETQR,
        _("Bank transfer (VietQR)"),
        _("Scan the QR code with your banking app; the amount and order number are filled in."),
        order_status.PENDING_PAYMENT,
    ),
    CARD: PaymentMethod(
        CARD,
        _("Card (Visa, Mastercard)"),
        _("Pay on Stripe's secure page."),
        order_status.PENDING_PAYMENT,
    ),
}


def available_methods():
    """The methods a buyer may choose now, cash on delivery first."""
    return [method for method in METHODS.values() if method.is_available]


def method_of(code):
    return METHODS[code]
