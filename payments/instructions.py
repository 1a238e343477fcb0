"""Where an order's payment stands, and what the buyer is to do about it, for pages and emails.

The state comes from the order's payment record (Oscar's Source, made at placement for the
method the buyer chose) and its status, never from what the buyer was told at checkout: the
confirmation page, the order page and the email all show the same truth.
"""

from dataclasses import dataclass
from decimal import Decimal

from orders.amounts import amount_due, cancelled_amount
from orders.payment_methods import payment_method_code
from orders.status import OrderStatus, TransactionStatus
from payments.methods import CARD, COD, VIETQR, PaymentMethod, method_of
from payments.stripe.sessions import pay_url
from payments.vietqr.transfers import Transfer, transfer_for

# What a payment can be, as the buyer sees it.
COD_DUE = "cod"  # cash to hand over on delivery
WAITING = "waiting"  # a transfer or card payment not received yet
FAILED = "failed"  # the last card attempt was declined; the order is payable again
PAID = "paid"
REFUNDED = "refunded"  # all of it given back
CANCELLED = "cancelled"  # cancelled before any money came


@dataclass(frozen=True)
class Payment:
    method: PaymentMethod
    state: str
    amount_paid: Decimal
    amount_due: Decimal = Decimal(0)  # what the buyer owes: the total less what was cancelled
    amount_cancelled: Decimal = Decimal(0)  # lines cancelled, and fees of parcels cancelled entirely
    amount_refunded: Decimal = Decimal(0)
    transfer: Transfer | None = None  # VietQR details while the transfer is awaited
    pay_url: str = ""  # a card order's way back to Stripe while it is unpaid

    @property
    def to_refund(self):
        """What was paid for lines or parcels since cancelled and is not refunded yet (a task is on it)."""
        return max(self.amount_paid - self.amount_refunded - self.amount_due, Decimal(0))

    @property
    def is_cod(self):
        return self.method.code == COD

    @property
    def is_vietqr(self):
        return self.method.code == VIETQR

    @property
    def is_card(self):
        return self.method.code == CARD


def order_payment_method(order, sources=None):
    """The method the buyer chose, from the order's payment record (cash on delivery if none)."""
    return method_of(payment_method_code(order, _sources(order) if sources is None else sources))


def payment_of(order, method=None):
    """Where the order's payment stands: its method, state, what is due (orders.amounts), and the
    transfer details for that amount or the card link."""
    sources = _sources(order)
    method = method or order_payment_method(order, sources)
    source = next((s for s in sources if s.source_type.code == method.code), None)
    paid = source.amount_debited if source else Decimal(0)
    refunded = source.amount_refunded if source else Decimal(0)
    cancelled = cancelled_amount(order)
    due = amount_due(order, cancelled=cancelled)
    if refunded > 0 and refunded >= paid:
        state = REFUNDED
    elif paid > 0 and paid >= order.total_incl_tax:
        state = PAID
    elif order.status == OrderStatus.CANCELLED or due <= 0:
        state = CANCELLED
    elif method.code == COD:
        state = COD_DUE
    elif method.code == CARD and source is not None and _last_attempt_failed(source):
        state = FAILED
    else:
        state = WAITING
    transfer = _transfer(order, due) if method.code == VIETQR and state == WAITING else None
    card_pay_url = pay_url(order) if method.code == CARD and state in (WAITING, FAILED) else ""
    return Payment(
        method=method,
        state=state,
        amount_paid=paid,
        amount_due=due,
        amount_cancelled=cancelled,
        amount_refunded=refunded,
        transfer=transfer,
        pay_url=card_pay_url,
    )


def _transfer(order, due):
    """The order's VietQR transfer, for what is due now (less than the total once a seller cancelled some)."""
    return transfer_for(order, due)


def _sources(order):
    return list(order.sources.select_related("source_type"))


def _last_attempt_failed(source):
    last = source.transactions.order_by("-date_created", "-pk").first()
    return last is not None and last.status == TransactionStatus.FAILED


def transfer_qr_attachment(sender, order, **kwargs):
    """Receiver of orders.signals.confirmation_attachments: the QR code of a transfer still awaited, as a PNG."""
    transfer = payment_of(order).transfer
    if transfer is None:
        return []
    return [(f"vietqr-{order.number}.png", transfer.png(), "image/png")]
