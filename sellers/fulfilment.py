"""How a seller fulfils her part of an order: each order is split into one shipment per seller,
which she accepts, packs, ships and sees delivered, or cancels (returning the stock)."""

from oscar.core.loading import get_model

Shipment = get_model("partner", "Shipment")


def split_order_by_seller(order):
    """One shipment for each seller with lines in the order; call it inside the order's transaction."""
    seller_ids = sorted(set(order.lines.exclude(partner=None).values_list("partner_id", flat=True)))
    shipments = [Shipment.objects.get_or_create(order=order, seller_id=seller_id)[0] for seller_id in seller_ids]
    return shipments
