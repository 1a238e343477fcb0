from decimal import Decimal

import pytest

from tests.factories import PartnerFactory, ProductFactory, UserFactory, place_order


@pytest.fixture
def hat_de(db):
    """Another seller's product: Trùng Khánh chestnuts at 180.000 ₫, from a seller with an email."""
    seller = PartnerFactory(name="Cơ sở Hạt dẻ Đàm Thủy", owner_name="Đàm Thị Thủy")
    seller.users.add(UserFactory(email="thuy@hatde.example.vn", first_name="Thủy", last_name="Đàm"))
    return ProductFactory(title="Hạt dẻ Trùng Khánh", seller=seller, stockrecords__price=Decimal("180000"))


@pytest.fixture
def order(customer, product, hat_de):
    """Two black grass jellies (250.000 ₫) and a bag of chestnuts (180.000 ₫): two sellers, two parcels."""
    order = place_order(customer, (product, 2), hat_de)
    for shipment, fee in zip(order.shipments.order_by("pk"), (Decimal("30000"), Decimal("45000")), strict=True):
        shipment.shipping_charge = fee
        shipment.save(update_fields=["shipping_charge"])
    return order
