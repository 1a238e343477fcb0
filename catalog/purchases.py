"""What a customer has bought: the rule that only buyers may review a product."""

from django.db.models import F, Q
from oscar.core.loading import get_model

from orders.status import LineStatus, ShipmentStatus

# A product is bought once its seller has sent it: before that the order may still be cancelled.
RECEIVED = (ShipmentStatus.SHIPPED, ShipmentStatus.DELIVERED)


def has_bought(user, product):
    """Whether `user` ordered `product` (or a variant of it) and its seller has sent it, in a line not cancelled."""
    if not user.is_authenticated:
        return False
    Line = get_model("order", "Line")
    return (
        Line.objects.filter(Q(product=product) | Q(product__parent=product), order__user=user)
        .filter(order__shipments__seller=F("partner"), order__shipments__status__in=RECEIVED)
        .exclude(status=LineStatus.CANCELLED)
        .exists()
    )
