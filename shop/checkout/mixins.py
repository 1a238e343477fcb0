from django.db import transaction
from oscar.apps.checkout import mixins

from sellers.fulfilment import lock_stock_of_basket, notify_sellers_of_order, split_order_by_seller


class OrderPlacementMixin(mixins.OrderPlacementMixin):
    """Oscar's mixin; also splits every order by seller, in the same transaction, and tells the sellers."""

    def place_order(self, *args, **kwargs):
        with transaction.atomic():
            lock_stock_of_basket(kwargs["basket"])  # Oscar passes every argument by name
            order = super().place_order(*args, **kwargs)
            split_order_by_seller(order)
            notify_sellers_of_order(order)  # sent only once the order is committed
        return order
