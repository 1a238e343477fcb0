"""Her shop's home page: what waits for her, what runs out, what she sold this month (her lines only)."""

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from orders.cancelling import cancel_lines
from orders.fulfilment import accept_shipment
from sellers.sales import sales_since, start_of_month
from tests.factories import PartnerFactory, ProductFactory, place_order
from tests.pages import ENGLISH, open_page, soup_of, text_of

HOME = "/seller/"


def figure(page, label):
    """The number of the home page's figure whose label contains `label`."""
    stat = next(stat for stat in page.select(".stat") if label in stat.get_text())
    return stat.select_one(".stat-number").get_text(strip=True)


@pytest.mark.django_db
def test_home_counts_her_new_orders_and_orders_to_send(client, seller, seller_owner, customer):
    # Given three orders with her products, one already accepted, and one order of another seller only
    jelly = ProductFactory(title="Thạch đen", seller=seller, stockrecords__num_in_stock=50)
    other = ProductFactory(seller=PartnerFactory(), stockrecords__num_in_stock=50)
    orders = [place_order(customer, jelly) for _ in range(3)]
    place_order(customer, other)
    accept_shipment(orders[0].shipments.get())

    # When she opens her shop
    client.force_login(seller_owner)
    page = soup_of(open_page(client, HOME, ENGLISH))

    # Then two orders wait to be accepted, one to be sent, and the Orders tab shows the two
    assert figure(page, "new orders to accept") == "2"
    assert figure(page, "orders to pack and send") == "1"
    assert page.select_one(".portal-tabs .tab-badge").get_text(strip=True) == "2"


@pytest.mark.django_db
def test_sales_this_month_count_only_her_lines_and_leave_out_cancelled_ones(client, seller, seller_owner, customer):
    # Given an order with her jelly (2 × 125.000 ₫) and another seller's chestnuts in the same basket,
    jelly = ProductFactory(seller=seller, stockrecords__price=Decimal("125000"), stockrecords__num_in_stock=50)
    noodles = ProductFactory(seller=seller, stockrecords__price=Decimal("60000"), stockrecords__num_in_stock=50)
    chestnuts = ProductFactory(seller=PartnerFactory(), stockrecords__price=Decimal("180000"))
    place_order(customer, (jelly, 2), chestnuts)
    # an order whose noodles she cancelled, and an order from last month
    cancelled = place_order(customer, noodles)
    cancel_lines(cancelled.shipments.get(), list(cancelled.lines.all()), "Hết hàng")
    last_month = place_order(customer, jelly)
    last_month.date_placed = timezone.now() - timedelta(days=40)
    last_month.save()

    # When she opens her shop
    client.force_login(seller_owner)
    page = text_of(open_page(client, HOME, ENGLISH))

    # Then this month she sold 250.000 ₫: 2 items in 1 order
    assert "250.000\xa0₫" in page
    assert "2 items, in 1 order" in page


@pytest.mark.django_db
def test_products_running_out_are_listed_with_what_is_left(client, seller, seller_owner, customer):
    # Given one product with plenty, one with 2 left after an order, and one sold out
    ProductFactory(title="Miến dong", seller=seller, stockrecords__num_in_stock=40)
    chestnuts = ProductFactory(title="Hạt dẻ", seller=seller, stockrecords__num_in_stock=5)
    ProductFactory(title="Thạch đen", seller=seller, stockrecords__num_in_stock=0)
    place_order(customer, (chestnuts, 3))

    # When she opens her shop
    client.force_login(seller_owner)
    rows = soup_of(open_page(client, HOME, ENGLISH)).select(".rows .row")

    # Then the sold-out one comes first, then the one with 2 left, each linking to its page
    assert [row.select_one(".row-title").get_text(strip=True) for row in rows] == ["Thạch đen", "Hạt dẻ"]
    assert [row.select_one(".badge").get_text(strip=True) for row in rows] == ["Sold out", "2 left"]
    assert rows[1].select_one("a")["href"] == f"/seller/san-pham/{chestnuts.pk}/"


@pytest.mark.django_db
def test_home_of_a_new_seller_invites_her_to_add_her_first_product(client, seller_owner):
    client.force_login(seller_owner)

    response = open_page(client, HOME, ENGLISH)

    assert "You have no products yet" in text_of(response)
    assert soup_of(response).select_one('a[href="/seller/san-pham/them/"]')


@pytest.mark.django_db
def test_home_makes_the_same_number_of_queries_with_more_orders(
    client, seller, seller_owner, customer, django_assert_max_num_queries
):
    client.force_login(seller_owner)
    product = ProductFactory(seller=seller, stockrecords__num_in_stock=100)
    counts = []
    for orders in (1, 8):
        while seller.shipments.count() < orders:
            place_order(customer, product)
        with django_assert_max_num_queries(30) as captured:
            client.get(HOME)
        counts.append(len(captured))
    assert counts[0] == counts[1]


@pytest.mark.django_db
def test_the_month_of_sales_begins_at_midnight_in_vietnam_not_in_utc(seller, customer):
    # Given two orders half an hour either side of midnight, 1 November, in Cao Bằng (UTC+7)
    product = ProductFactory(seller=seller, stockrecords__price=Decimal("100000"), stockrecords__num_in_stock=9)
    late_october, early_november = place_order(customer, product), place_order(customer, (product, 2))
    late_october.date_placed = datetime(2026, 10, 31, 16, 30, tzinfo=UTC)  # 23:30 on 31 October there
    late_october.save()
    early_november.date_placed = datetime(2026, 10, 31, 17, 30, tzinfo=UTC)  # 00:30 on 1 November there
    early_november.save()

    # When her November is counted, in the middle of the month
    november = start_of_month(datetime(2026, 11, 15, 3, 0, tzinfo=UTC))

    # Then only the order after midnight in Vietnam is in it
    assert sales_since(seller, november) == {"amount": Decimal("200000"), "items": 2, "orders": 1}
