"""The programme in figures (/cms/figures/): what it counts, how it hides small cells, who may read it,
and that it costs the same queries however much there is to count."""

import datetime
import io
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook
from oscar.core.loading import get_model

from cms.figures.periods import month, parse_period, phase, quarter, year
from cms.figures.programme import programme_figures
from cms.figures.suppression import suppress
from ledger.models import Entry
from orders.status import ShipmentStatus
from tests.factories import PartnerFactory, ProductFactory, UserFactory, place_order, union_staff, ward_code
from tests.integration.ledger.helpers import cash_order, deliver, shipment_of
from tests.pages import text_of

from .money import in_english

pytestmark = pytest.mark.django_db

Partner = get_model("partner", "Partner")
ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
MARCH = datetime.datetime(2025, 3, 10, 9, 0, tzinfo=ZONE)


def at(moment, order):
    """Move an order and its parcels to `moment`, as if placed then (the tests' months are fixed)."""
    type(order).objects.filter(pk=order.pk).update(date_placed=moment)
    order.shipments.update(created_at=moment)


def delivered(order, seller, days):
    """Her parcel of `order` delivered `days` after it was placed, with no ledger entries (before the ledger)."""
    order.refresh_from_db()
    order.shipments.filter(seller=seller).update(
        status=ShipmentStatus.DELIVERED, delivered_at=order.date_placed + datetime.timedelta(days=days)
    )


def sellers_of(group, count, **fields):
    return [PartnerFactory(ethnic_group=group, count_ethnic_group=True, **fields) for _ in range(count)]


@pytest.fixture
def programme():
    """Hoa (household, 4 current stars, promises 2 days) and Lan (a cooperative of 12, Trùng Khánh) sold in
    March 2025 to a buyer who came back to Hoa in April; seven more consenting sellers (5 Tày, 2 Nùng), a
    Dao cooperative of 30, a Mông seller who did not consent, and an applicant who is not counted."""
    hoa = PartnerFactory(name="Cơ sở Miến dong Hoa", delivery_days=2, ethnic_group="Tày", count_ethnic_group=True)
    lan = PartnerFactory(
        name="HTX Hạt dẻ Lan", kind="cooperative", members=12, commune_code=ward_code("Xã Trùng Khánh")
    )
    ProductFactory(seller=hoa, ocop_stars=4)
    ProductFactory(seller=hoa, ocop_stars=5, ocop_expires_on=datetime.date(2020, 1, 1))  # expired: not counted
    noodles = ProductFactory(seller=hoa, stockrecords__price=Decimal("100000"))
    chestnuts = ProductFactory(seller=lan, ocop_stars=3, stockrecords__price=Decimal("250000"))
    sellers_of("Tày", 5)
    sellers_of("Nùng", 2)
    sellers_of("Dao", 1, kind="cooperative", members=30)
    PartnerFactory(ethnic_group="Mông", count_ethnic_group=False)
    PartnerFactory(status="applied", ethnic_group="Tày", count_ethnic_group=True)
    buyer = UserFactory()
    first = place_order(buyer, noodles, chestnuts)  # 350.000 ₫ of goods
    at(MARCH, first)
    delivered(first, hoa, days=2)  # on time: she promises 2 days
    delivered(first, lan, days=6)  # late: 5 days by default
    again = place_order(buyer, (noodles, 2))  # 200.000 ₫: the buyer comes back in April
    at(MARCH + datetime.timedelta(days=25), again)
    return {"hoa": hoa, "lan": lan, "noodles": noodles, "buyer": buyer}


def test_periods_are_months_quarters_years_and_the_programmes_phases():
    assert parse_period("2025-03") == month(2025, 3)
    assert parse_period("2025-Q4").end == datetime.date(2026, 1, 1)
    assert parse_period("2026") == year(2026)
    assert parse_period("2017-2025") == phase(2017, 2025)
    assert [parse_period(key) for key in ("2025-13", "2016", "2017-2020", "nonsense", None)] == [None] * 5
    assert len(phase(2026, 2035).buckets()) == 10  # ten years, not 120 months
    assert len(quarter(2025, 1).buckets()) == 3


def test_a_count_under_five_is_hidden_and_a_total_that_would_give_it_back_is_left_out():
    assert suppress([6, 2, 7]) == (([6, "<5", 7]), "–")
    assert suppress([6, 2, 1]) == ([6, "<5", "<5"], 9)
    assert suppress([3]) == (["<5"], "<5")
    assert suppress([8, 5]) == ([8, 5], 13)


def test_the_months_figures_count_orders_goods_earnings_parcels_on_time_and_repeat_buyers(programme):
    march, april = programme_figures(year(2025)).buckets[2:4]

    assert (march.orders, march.gmv, april.orders, april.gmv) == (1, 350_000, 1, 200_000)
    assert (march.buyers, march.repeat_buyers) == (1, 0)
    assert (april.buyers, april.repeat_buyers) == (1, 1)
    assert (march.delivered, march.on_time, march.late) == (2, 1, 1)
    # No ledger then: what sellers earned is the goods of the parcels delivered.
    assert (march.earned, march.earnings) == (0, 350_000)
    assert march.first_sales == 2


def test_sellers_are_counted_by_kind_stars_commune_and_women(programme):
    figures = programme_figures(year(2025), today=datetime.date(2025, 4, 30))

    assert figures.total.sellers == 11  # approved: not the applicant
    assert (figures.total.active, figures.total.selling) == (2, 2)
    assert figures.total.women == 9 + 12 + 30  # a woman a household, a cooperative's members
    stars = {stars: counts.sellers for stars, counts in figures.by_stars}
    assert stars == {4: 1, 3: 1, None: 9}  # Hoa's expired 5 stars do not count
    kinds = {kind: (counts.sellers, counts.women) for kind, counts in figures.by_kind}
    assert kinds == {str(Partner.Kind.HOUSEHOLD.label): (9, 9), str(Partner.Kind.COOPERATIVE.label): (2, 42)}
    communes = {name: counts.sellers for name, counts in figures.by_commune}
    assert communes == {"Xã Nguyên Bình": 10, "Xã Trùng Khánh": 1}


def test_a_seller_no_longer_sold_in_the_last_ninety_days_is_not_active(programme):
    figures = programme_figures(year(2025), today=datetime.date(2025, 8, 1))

    assert (figures.total.active, figures.total.selling) == (0, 2)


def test_earnings_come_from_the_ledger_once_it_has_entries(programme):
    order = cash_order(None, programme["noodles"])
    deliver(shipment_of(order, programme["hoa"]))
    entries = Entry.objects.filter(shipment__order=order)
    this_month = parse_period(entries.first().created_at.astimezone(ZONE).strftime("%Y-%m"))

    bucket = programme_figures(this_month).buckets[0]

    assert bucket.earned == sum(entries.values_list("amount", flat=True)) > 0
    assert bucket.earned_before_ledger == 0


def test_the_page_shows_the_ethnic_groups_of_consenting_sellers_with_small_cells_hidden(client, programme):
    client.force_login(union_staff_member("Union officer"))

    page = in_english(client).get(reverse("figures:figures"), {"period": "2025"})

    text = text_of(page)
    assert "Programme in figures" in text
    assert "Tày 6 " in text
    assert "Nùng <5 " in text
    assert "Dao <5 " in text
    assert "Mông" not in text
    assert "Sellers who consented 9 " in text
    assert page.content.count(b'class="pygal-chart"') == 3
    assert b"<script" not in page.content.split(b'id="sellers-heading"')[1]  # the charts bring none


def test_the_workbook_has_the_pages_figures_and_hides_the_same_cells(client, programme):
    client.force_login(union_staff_member("Union editor"))

    response = in_english(client).get(reverse("figures:export"), {"period": "2025-03"})

    workbook = load_workbook(io.BytesIO(response.content))
    ethnic = list(workbook["By ethnic group"].iter_rows(values_only=True))
    assert ("Nùng", "<5", "<5", "<5") in ethnic
    assert ethnic[-1][0] == "Sellers who consented"
    assert ethnic[-1][3] == "–"  # women: Tày 6, Nùng 2 hidden, Dao 30; the total would give back Nùng's 2
    months = list(workbook["By month"].iter_rows(values_only=True))
    assert months[1][:4] == ("03/2025", 1, 350_000, 350_000)


def union_staff_member(group):
    return union_staff(group, f"{group.split()[-1].lower()}.so.lieu@example.vn")


@pytest.mark.parametrize("who", ["editor", "officer"])
def test_union_editors_and_officers_read_the_figures_and_their_workbook(client, who):
    client.force_login(union_staff_member(f"Union {who}"))

    assert client.get(reverse("figures:figures")).status_code == 200
    assert client.get(reverse("figures:export")).status_code == 200


@pytest.mark.parametrize("who", ["seller", "customer", "guest", "staff without the figures"])
def test_no_one_else_reads_the_figures_or_their_workbook(client, who):
    if who == "seller":
        user = UserFactory()
        user.groups.add(Group.objects.get(name="Seller"))
        PartnerFactory().users.add(user)
        client.force_login(user)
    elif who == "customer":
        client.force_login(UserFactory())
    elif who == "staff without the figures":
        staff = UserFactory(is_staff=True)
        staff.user_permissions.add(_admin_access())
        client.force_login(staff)

    for url in (reverse("figures:figures"), reverse("figures:export")):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert not response.get("Content-Disposition")
        assert b"Approved sellers" not in response.content


def _admin_access():
    return Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")


def test_the_figures_cost_the_same_queries_at_two_sizes(client, programme):
    client.force_login(union_staff_member("Union editor"))

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("figures:figures"), {"period": "2025"}).status_code == 200
        return len(captured)

    small = queries()
    # Ten more sellers, each with an order from a buyer of her own, delivered.
    for _ in range(10):
        product = ProductFactory(seller=PartnerFactory(kind="cooperative", members=8))
        order = place_order(UserFactory(), product)
        at(MARCH, order)
        delivered(order, product.seller, days=1)

    assert queries() == small
    with CaptureQueriesContext(connection) as captured:
        programme_figures(year(2025))
    assert len(captured) == 9
