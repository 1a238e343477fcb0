"""A voucher code typed in the basket takes its discount off, on the basket page and on every page after."""

import re

import pytest
from oscar.test.factories import ConditionalOfferFactory, RangeFactory, VoucherFactory

from tests.pages import VIETNAMESE, open_page, soup_of
from tests.shopping import fill_basket


@pytest.fixture
def ten_percent_off(product):
    """A voucher "TET2027": 10 % off the product, from one item."""
    deal = RangeFactory(products=[product])
    offer = ConditionalOfferFactory(
        offer_type="Voucher",
        condition__range=deal,
        condition__value=1,
        benefit__range=deal,
        benefit__value=10,
    )
    voucher = VoucherFactory(code="TET2027")
    voucher.offers.add(offer)
    return voucher


def basket_total(client):
    """The basket's total in đồng (its shipping an estimate until she gives an address)."""
    page = soup_of(open_page(client, "/shop/basket/", VIETNAMESE))
    return int(re.sub(r"\D", "", page.select_one(".totals-total .amount").get_text()))


@pytest.mark.django_db
def test_a_logged_in_buyers_voucher_takes_its_discount_off_and_keeps_it(client, customer, product, ten_percent_off):
    client.force_login(customer)
    fill_basket(client, (product, 2))  # 2 × 125.000 ₫
    before = basket_total(client)

    response = client.post("/shop/basket/vouchers/add/", {"code": "tet2027"})

    assert response.status_code == 302
    assert basket_total(client) == before - 25000
    assert basket_total(client) == before - 25000  # the next page reads the basket again, knowing it holds one
    assert customer.baskets.get(status="Open").vouchers.get().code == "TET2027"
