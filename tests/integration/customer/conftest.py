from decimal import Decimal

import pytest

from tests.factories import PartnerFactory, ProductFactory, UserFactory, place_order
from tests.parcels import charge_fees


@pytest.fixture
def hat_de(db):
    """Another seller's product: Trùng Khánh chestnuts at 180.000 ₫, from a seller with an email."""
    seller = PartnerFactory(name="Cơ sở Hạt dẻ Đàm Thủy", owner_name="Đàm Thị Thủy")
    seller.users.add(UserFactory(email="thuy@hatde.example.vn", first_name="Thủy", last_name="Đàm"))
    return ProductFactory(title="Hạt dẻ Trùng Khánh", seller=seller, stockrecords__price=Decimal("180000"))


@pytest.fixture
def order(customer, product, hat_de):
    """Two black grass jellies (250.000 ₫) and a bag of chestnuts (180.000 ₫): two sellers, two parcels,
    sent for 30.000 ₫ and 45.000 ₫; 505.000 ₫ in all."""
    return charge_fees(place_order(customer, (product, 2), hat_de), 30000, 45000)
