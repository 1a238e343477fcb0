"""The dashboard's order list and order page name who placed an order: a guest who may have given only her phone
number (her order has no user and an empty guest email), a guest with an email, a customer, or an account deleted
since (Oscar's words stay for that one)."""

from urllib.parse import urlencode

import pytest
from django.urls import reverse

from tests.factories import ProductFactory, UserFactory, place_order
from tests.pages import ENGLISH, VIETNAMESE, open_page, soup_of, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def noodles():
    return ProductFactory(title="Miến dong Nguyên Bình")


@pytest.fixture
def phone_order(noodles):
    """A guest's order with her phone number alone (place_order gives its address +84912345678)."""
    order = place_order(None, noodles, email="")
    assert order.user is None
    assert order.guest_email == ""
    return order


def detail_url(order):
    return reverse("dashboard:order-detail", kwargs={"number": order.number})


def customer_box(response):
    """The text of the order page's "Customer Information" table."""
    caption = next(caption for caption in soup_of(response).find_all("caption") if "fa-user" in str(caption))
    return " ".join(caption.find_parent("table").get_text(" ").split())


def customer_cell(response, order):
    """The text of the order list's "Customer" cell of `order`."""
    link = soup_of(response).find("a", string=order.number)
    return " ".join(link.find_parent("tr").find_all("td")[5].get_text(" ").split())


@pytest.mark.parametrize(
    ("language", "guest", "deleted"),
    [(VIETNAMESE, "Khách (không tài khoản)", "đã xóa tài khoản"), (ENGLISH, "Guest (no account)", "deleted")],
)
def test_staff_see_a_phone_only_guest_as_a_guest_with_her_phone(client, officer, phone_order, language, guest, deleted):
    client.force_login(officer)

    page = open_page(client, detail_url(phone_order), language)
    box = customer_box(page)
    assert guest in box
    assert "0912 345 678" in box
    assert deleted not in box.lower()
    assert "Deleted" not in text_of(page)

    listing = open_page(client, reverse("dashboard:order-list"), language)
    cell = customer_cell(listing, phone_order)
    assert cell.startswith(guest)
    assert "0912 345 678" in cell
    assert "Deleted" not in cell
    assert "Đã xóa" not in cell


def test_a_guest_who_gave_her_email_shows_it_beside_her_phone(client, officer, noodles):
    order = place_order(None, noodles, email="mai.guest@example.vn")
    client.force_login(officer)

    box = customer_box(open_page(client, detail_url(order), ENGLISH))
    assert "Guest (no account)" in box
    assert "0912 345 678" in box
    assert "mai.guest@example.vn" in box
    cell = customer_cell(open_page(client, reverse("dashboard:order-list"), ENGLISH), order)
    assert cell == "Guest (no account) 0912 345 678 mai.guest@example.vn"


def test_a_customer_is_named_and_a_deleted_account_stays_deleted(client, officer, noodles):
    customer = UserFactory(first_name="Lan", last_name="Nông", email="lan.nong@example.vn")
    kept = place_order(customer, noodles)
    gone = place_order(UserFactory(email="da.xoa@example.vn"), noodles)
    gone.user.delete()
    client.force_login(officer)

    assert "lan.nong@example.vn" in customer_box(open_page(client, detail_url(kept), ENGLISH))
    box = customer_box(open_page(client, detail_url(gone), ENGLISH))
    assert "Customer has deleted their account." in box
    assert "Guest" not in box
    listing = open_page(client, reverse("dashboard:order-list"), ENGLISH)
    assert customer_cell(listing, kept) == customer.get_full_name()
    assert customer_cell(listing, gone) == "<Deleted>"


@pytest.mark.parametrize("typed", ["0912 345 678", "+84912345678", "84 912 345 678"])
def test_staff_find_a_guests_orders_by_her_phone_number_however_they_type_it(client, officer, noodles, typed):
    # Given a phone-only guest's order and another buyer's, delivered to another number
    order = place_order(None, noodles, email="")
    other = place_order(UserFactory(), noodles)
    other.shipping_address.phone_number = "+84987654321"
    other.shipping_address.save()
    client.force_login(officer)

    # When staff search the orders for the number she calls from
    listing = open_page(client, reverse("dashboard:order-list") + "?" + urlencode({"phone": typed}), VIETNAMESE)

    # Then hers is found, the other is not, and the page says what was searched
    numbers = [link.get_text(strip=True) for link in soup_of(listing).select("table a[href*='/orders/']")]
    assert order.number in numbers
    assert other.number not in numbers
    assert "Đang tìm theo: Số điện thoại người mua là 0912 345 678" in text_of(listing)
    assert "Filters" not in text_of(listing)
    assert soup_of(listing).select_one("input[name=phone]")["value"] == typed  # the search form keeps what she typed
