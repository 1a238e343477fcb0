"""The row locks every change of an order takes, always in the same order, so that two changes at
once wait for each other instead of deadlocking or overwriting each other.

The order is: the basket (placing only), the order's shipments (in pk order), the order's row,
then the stock records (in pk order). A change takes what it needs of that list, in that order,
inside the transaction that makes the change; the locks end with it.
"""

from oscar.core.loading import get_model

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")
Shipment = get_model("order", "Shipment")
StockRecord = get_model("partner", "StockRecord")


def lock_basket(basket):
    """The basket's row, so a second "Đặt hàng" for it waits for the first and then finds its order."""
    Basket.objects.select_for_update().filter(pk=basket.pk).first()


def lock_shipment(shipment):
    """The shipment's row and then its order's row, as they are now.

    The order is locked because a step sets the order's status from all its shipments: a second
    seller's step waits here and then reads the first one's shipment as it was committed.
    """
    # of=("self",): the seller's row stays free for everyone else.
    locked = Shipment.objects.select_for_update(of=("self",)).select_related("seller").get(pk=shipment.pk)
    locked.order = lock_order(locked.order_id)
    return locked


def lock_shipments_of(order):
    """All the order's shipments, in pk order, with their sellers (not locked); take them before the order."""
    return list(
        Shipment.objects.select_for_update(of=("self",)).filter(order_id=order.pk).select_related("seller").order_by("pk")
    )


def lock_order(order_id):
    """The order's row; take it after its shipments', never before."""
    return Order.objects.select_for_update().get(pk=order_id)


def lock_stock(ids):
    """{pk: stock record} for the ids, locked in pk order (in placing as in fulfilment), so a sale and a
    cancellation of the same products wait for each other instead of deadlocking."""
    return {record.pk: record for record in StockRecord.objects.select_for_update().filter(pk__in=ids).order_by("pk")}


def lock_stock_of_lines(lines):
    """The stock records of order or basket lines, locked (lock_stock)."""
    return lock_stock({line.stockrecord_id for line in lines if line.stockrecord_id})
