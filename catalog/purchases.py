"""What a customer has bought: the rule that only buyers may review a product."""

from django.db.models import Q
from oscar.core.loading import get_model

# The status of an order, or of one seller's line in it, that was called off.
CANCELLED = "Cancelled"


def has_bought(user, product):
    """Whether `user` has ordered `product` (or a variant of it) in an order, and a line, not cancelled."""
    if not user.is_authenticated:
        return False
    Line = get_model("order", "Line")
    return (
        Line.objects.filter(Q(product=product) | Q(product__parent=product), order__user=user)
        .exclude(order__status=CANCELLED)
        .exclude(status=CANCELLED)
        .exists()
    )
