"""How an order is paid, as the order's payment records (Oscar's SourceType codes) name it.

The order's life needs only the codes: a card order is confirmed once paid, a transfer or cash
order at once. What each method is to the buyer (its description, whether this site offers it,
Stripe and VietQR themselves) is payments/methods.py's.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

Source = get_model("payment", "Source")


class PaymentMethodCode(models.TextChoices):
    """How an order is paid, as its payment record (Oscar's SourceType) names it; payments/methods.py says the rest."""

    COD = "cod", _("Cash on delivery")
    VIETQR = "vietqr", _("Bank transfer (VietQR)")
    CARD = "card", _("Card (Visa, Mastercard)")


def payment_method_code(order, sources=None):
    """The code of the method the buyer chose, from the order's payment records (cash on delivery if none)."""
    sources = order.sources.select_related("source_type") if sources is None else sources
    codes = [source.source_type.code for source in sources]
    return next((code for code in codes if code in PaymentMethodCode.values), PaymentMethodCode.COD)


def payment_method_codes(order_ids):
    """{order id: the code of the method its buyer chose} for many orders, in one query (cash on delivery if none)."""
    order_ids = set(order_ids)
    found = (
        Source.objects.filter(order_id__in=order_ids, source_type__code__in=PaymentMethodCode.values)
        .order_by("pk")
        .values_list("order_id", "source_type__code")
    )
    codes = {}
    for order_id, code in found:
        codes.setdefault(order_id, code)  # the first, as payment_method_code takes it
    return {order_id: codes.get(order_id, PaymentMethodCode.COD) for order_id in order_ids}
