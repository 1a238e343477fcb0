"""Looking up a guest's order elsewhere: so many wrong tries a day for one phone number (or email) and for one
order number, from any connection; an order found that way shows only the ward and province of its address."""

import time
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from orders.guests import LOOKED_UP, SESSION_KEY, WRONG_LOOKUPS_A_DAY, remember_guest_order, remembers_guest_order
from orders.status import OrderStatus
from tests.factories import PASSWORD, UserFactory, place_order
from tests.pages import ENGLISH, VIETNAMESE, open_page, soup_of, text_of

pytestmark = pytest.mark.django_db

LOOKUP = "/shop/accounts/order-status/"
LOCKED = "was typed wrongly too many times today"
LOCKED_VI = "đã bị nhập sai quá nhiều lần trong hôm nay"
NOT_FOUND = "No order has this number with this phone number or email"


def private_link(order):
    return reverse("customer:anon-order", kwargs={"order_number": order.number, "hash": order.verification_hash()})


def from_address(n):
    """A client on a connection of its own: the limit of lookups from one address never plays."""
    return Client(REMOTE_ADDR=f"203.0.113.{n}")


def look_up(client, number, contact, language=ENGLISH):
    open_page(client, LOOKUP, language)  # her language is chosen on a page first
    return client.post(LOOKUP, {"number": str(number), "contact": contact})


def test_a_scan_of_order_numbers_with_one_phone_is_stopped_at_the_sixth_from_any_connection(product):
    # Given her order, and someone with her phone number trying the order numbers before it, each from elsewhere
    order = place_order(None, product, email="")
    writings = ["0912 345 678", "+84912345678", "84 912 345 678", "0912.345.678", "(+84) 912345678"]
    for n, writing in enumerate(writings):
        wrong = look_up(from_address(n), int(order.number) - 1 - n, writing)
        assert NOT_FOUND in text_of(wrong)

    # When the sixth try is her own order, with her right phone number, from a new connection
    scanner = from_address(99)
    refused = look_up(scanner, order.number, "0912345678", VIETNAMESE)

    # Then it is refused, in Vietnamese, saying what to do; what was typed stays; nothing opens
    assert refused.status_code == 200
    assert LOCKED_VI in text_of(refused)
    assert "gọi cho người bán" in text_of(refused)
    assert soup_of(refused).select_one("input[name=contact]")["value"] == "0912345678"
    assert soup_of(refused).select_one("input[name=number]")["value"] == order.number
    assert not remembers_guest_order(scanner.session, order.number)
    assert scanner.get(private_link(order)).status_code == 302  # GET: the form, not her order
    assert scanner.post(private_link(order), {"action": "cancel"}).status_code == 302  # POST: no cancel
    order.refresh_from_db()
    assert order.status == OrderStatus.PLACED

    # The order's own signed form refuses it as well
    form = reverse("customer:anon-order-form", kwargs={"order_number": order.number, "hash": order.verification_hash()})
    assert LOCKED_VI in text_of(from_address(98).post(form, {"number": order.number, "contact": "0912 345 678"}))


def test_six_wrong_phones_for_one_order_lock_it_and_the_right_one_is_refused_too(product):
    order = place_order(None, product, email="lan@example.vn")
    for n in range(WRONG_LOOKUPS_A_DAY):
        assert NOT_FOUND in text_of(look_up(from_address(n), order.number, f"0987 654 32{n}"))

    refused = look_up(from_address(50), order.number, "0912 345 678")
    by_email = look_up(from_address(51), order.number, "LAN@example.vn")

    assert LOCKED in text_of(refused)
    assert "call the seller" in text_of(refused)
    assert LOCKED in text_of(by_email)
    assert not soup_of(refused).select(".parcel")


def test_the_lock_says_the_same_whether_the_order_exists_or_not(product):
    order = place_order(None, product, email="")
    missing = "999999"
    for number in (order.number, missing):
        for n in range(WRONG_LOOKUPS_A_DAY):
            look_up(from_address(n), number, f"0987 654 32{n}")

    existing = look_up(from_address(60), order.number, "0987 000 111")
    nowhere = look_up(from_address(61), missing, "0987 000 111")

    assert (
        soup_of(existing).select_one(".alert-danger").get_text()
        == soup_of(nowhere).select_one(".alert-danger").get_text()
    )
    assert LOCKED in soup_of(nowhere).select_one(".alert-danger").get_text()


def test_an_email_is_counted_whatever_its_case(product):
    place_order(None, product, email="lan@example.vn")
    for n in range(WRONG_LOOKUPS_A_DAY):
        look_up(from_address(n), 200000 + n, ["Lan@Example.vn", "LAN@EXAMPLE.VN", " lan@example.vn "][n % 3])

    assert LOCKED in text_of(look_up(from_address(70), 300000, "lan@EXAMPLE.vn"))


def test_the_right_details_open_the_order_when_nothing_is_locked(product):
    # Given wrong tries below the limit, for her order and for her phone number, from other connections
    order = place_order(None, product, email="")
    for n in range(WRONG_LOOKUPS_A_DAY - 1):
        look_up(from_address(n), order.number, f"0987 654 32{n}")
        look_up(from_address(n), 100 + n, "0912 345 678")

    # Then her right details, from a fresh client, still open it
    she = from_address(80)
    found = look_up(she, order.number, "0912 345 678")
    assert found["Location"] == private_link(order)
    assert soup_of(she.get(private_link(order))).select(".parcel")


def test_a_lock_lasts_until_the_next_day(product, monkeypatch):
    order = place_order(None, product, email="")
    for n in range(WRONG_LOOKUPS_A_DAY):
        look_up(from_address(n), order.number, f"0987 654 32{n}")
    assert LOCKED in text_of(look_up(from_address(90), order.number, "0912 345 678"))

    tomorrow = timezone.localdate() + timedelta(days=1)
    monkeypatch.setattr("orders.guests.timezone.localdate", lambda: tomorrow)

    assert look_up(from_address(91), order.number, "0912 345 678")["Location"] == private_link(order)


def test_an_order_looked_up_shows_the_ward_and_province_but_not_the_street_or_phone(product):
    order = place_order(None, product, email="lan@example.vn")
    other = from_address(1)

    look_up(other, order.number, "lan@example.vn")
    page = open_page(other, private_link(order), VIETNAMESE)

    address = soup_of(page).select_one(".order-address").get_text(" ", strip=True)
    assert "Phường Thục Phán" in address
    assert "Cao Bằng" in address
    assert "Số 12" not in text_of(page)
    assert "0912 345 678" not in text_of(page)
    assert "Số nhà và số điện thoại chỉ hiện trên thiết bị đã đặt đơn hàng." in text_of(page)
    assert remembers_guest_order(other.session, order.number) == LOOKED_UP


def test_on_the_device_she_ordered_on_the_whole_address_shows(client, product):
    order = place_order(None, product, email="")
    session = client.session
    remember_guest_order(session, order.number)
    session.save()

    page = open_page(client, private_link(order), ENGLISH)

    address = soup_of(page).select_one(".order-address").get_text(" ", strip=True)
    assert "Số 12, tổ 3" in address
    assert "0912 345 678" in address


def test_a_correct_lookup_lets_her_cancel_from_that_device(product):
    order = place_order(None, product, email="")
    she = from_address(2)
    look_up(she, order.number, "0912 345 678")

    cancelled = she.post(private_link(order), {"action": "cancel", "reason": "Đặt nhầm"})

    assert cancelled.url == private_link(order)
    order.refresh_from_db()
    assert order.status == OrderStatus.CANCELLED


def test_someone_logging_in_on_the_device_forgets_its_guest_orders(product):
    order = place_order(None, product, email="")
    device = Client()
    session = device.session
    remember_guest_order(session, order.number)
    session.save()
    assert device.get(private_link(order)).status_code == 200

    UserFactory(email="minh@example.vn")
    device.post(
        "/shop/accounts/login/",
        {"login-username": "minh@example.vn", "login-password": PASSWORD, "login_submit": "1"},
    )

    assert not remembers_guest_order(device.session, order.number)
    assert device.get(private_link(order)).status_code == 302
    assert device.post(private_link(order), {"action": "cancel"}).status_code == 302
    order.refresh_from_db()
    assert order.status == OrderStatus.PLACED


@pytest.mark.parametrize(("days", "opens"), [(29, True), (31, False)])
def test_a_device_remembers_a_guest_order_for_thirty_days(product, days, opens):
    order = place_order(None, product, email="")
    device = Client()
    session = device.session
    remember_guest_order(session, order.number)
    session[SESSION_KEY][0]["at"] = int(time.time()) - days * 24 * 3600
    session.save()

    response = device.get(private_link(order))

    assert (response.status_code == 200) is opens
