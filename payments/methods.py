"""The ways a buyer pays: cash on delivery (the default), bank transfer by VietQR, card by Stripe.

Every order is placed before it is paid (DESIGN: a card payment never leaves a paid basket
without an order). A method says what status a new order of its own starts in and what
happens right after placement: nothing for cash, the transfer details on the confirmation
page for VietQR, a redirect to Stripe for a card.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from orders.payment_methods import PaymentMethodCode
from orders.status import OrderStatus

COD, VIETQR, CARD = PaymentMethodCode.COD, PaymentMethodCode.VIETQR, PaymentMethodCode.CARD


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
        COD.label,
        _("Pay the delivery person when your parcels arrive."),
        OrderStatus.PLACED,
    ),
    VIETQR: PaymentMethod(
        VIETQR,
        VIETQR.label,
        _("Scan the QR code with your banking app; the amount and order number are filled in."),
        OrderStatus.PENDING_PAYMENT,
    ),
    CARD: PaymentMethod(
        CARD,
        CARD.label,
        _("Pay on Stripe's secure page."),
        OrderStatus.PENDING_PAYMENT,
    ),
}


def available_methods():
    """The methods a buyer may choose now, cash on delivery first."""
    return [method for method in METHODS.values() if method.is_available]


def method_of(code):
    return METHODS[code]
