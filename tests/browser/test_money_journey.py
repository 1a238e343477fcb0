"""A seller's money on a 360 px phone, end to end: her prepaid parcel delivered credits her, less Decree 117's
withholding; the Union's treasurer opens a payout run, pays her by scanning its VietQR code, marks it paid; her
balance is back to zero."""

import re
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from orders.fulfilment import accept_shipment, pack_shipment, ship_shipment
from payments.vietqr.payload import crc_is_valid, parse_tlv
from sellers.onboarding import SELLER_GROUP
from tests.browser.conftest import PHONE, another_window
from tests.factories import PASSWORD, PartnerFactory, ProductFactory, UserFactory
from tests.integration.ledger.helpers import prepaid_order

NBSP = "\xa0"


def vnd(amount):
    return f"{amount:,}".replace(",", ".") + f"{NBSP}₫"


@pytest.fixture
def treasurer_phone(phone):
    """A second phone, for the Union's treasurer; the `phone` fixture starts the browser."""
    with another_window(phone, **PHONE) as page:
        yield page


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_prepaid_parcel_credits_her_and_the_union_pays_her_by_vietqr(live_server, phone, treasurer_phone, tmp_path):
    # Given a household seller with her Agribank account, and a transfer order of her thạch đen, paid and sent
    duyen = PartnerFactory(
        name="Cơ sở Thạch đen Lục Duyên",
        bank_bin="970405",
        bank_account_number="8300205012345",
        bank_account_holder="LUC THI DUYEN",
    )
    owner = UserFactory(email=None, first_name="Duyên", last_name="Lục", phone="0912 345 998")
    owner.groups.add(Group.objects.get(name=SELLER_GROUP))
    duyen.users.add(owner)
    order = prepaid_order(None, ProductFactory(seller=duyen, stockrecords__price=Decimal("125000")))
    shipment = order.shipments.get()
    accept_shipment(shipment)
    pack_shipment(shipment)
    ship_shipment(shipment, carrier="Viettel Post")
    fee = int(shipment.shipping_charge)
    owed = 125000 + fee - 1250 - 625
    treasurer = UserFactory(email="thu.quy@example.vn", first_name="Hoa", last_name="Nông", is_staff=True)
    treasurer.groups.add(Group.objects.get(name="Union editor"))

    # When she logs in on her phone and opens the order: it is paid, she collects nothing
    phone.goto(live_server.url + "/shop/accounts/login/")
    phone.locator("#id_login-username").fill("0912 345 998")
    phone.locator("#id_login-password").fill(PASSWORD)
    phone.locator("button[name=login_submit]").click()
    expect(phone).to_have_url(re.compile(r"/seller/$"))
    phone.goto(live_server.url + reverse("seller-portal:order-detail", kwargs={"shipment_pk": shipment.pk}))
    expect(phone.locator("main")).to_contain_text("Đã thanh toán — không thu tiền")

    # And taps that the buyer has it
    phone.locator("form[action$='/da-giao/'] button").click()

    # Then "Tiền" shows the sale, her fee, each withholding and her balance
    phone.get_by_role("link", name="Tiền").first.click()
    expect(phone).to_have_url(re.compile(r"/seller/tien/$"))
    statement = phone.locator(".statement").first
    expect(statement).to_contain_text(f"Đơn {order.number} đã giao")
    expect(statement).to_contain_text(f"+{vnd(125000)}")
    expect(statement).to_contain_text("Thuế GTGT khấu trừ 1 %")
    expect(statement).to_contain_text(f"−{vnd(1250)}")
    expect(statement).to_contain_text("Thuế TNCN khấu trừ 0,5 %")
    expect(phone.locator(".money-big")).to_have_text(vnd(owed))
    phone.screenshot(path=str(tmp_path / "her-money-on-a-phone.png"), full_page=True)

    # When the treasurer, on her phone, opens a payout run up to today
    page = treasurer_phone
    page.goto(live_server.url + "/cms/payouts/")
    page.locator("#id_username").fill("thu.quy@example.vn")
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    today = timezone.localdate()
    page.locator("#id_period_start").fill(today.replace(day=1).isoformat())
    page.locator("#id_period_end").fill(today.isoformat())
    page.get_by_role("button", name="Mở đợt").click()

    # Then the run has her line, with a VietQR code for exactly what she is owed, to her account
    line = page.locator(".payout-line", has_text="Cơ sở Thạch đen Lục Duyên")
    expect(line).to_contain_text(vnd(owed))
    expect(line).to_contain_text("8300205012345")
    payload = line.locator(".payout-qr").get_attribute("data-payload")
    fields = dict(parse_tlv(payload))
    assert crc_is_valid(payload)
    assert fields["54"] == str(owed)
    assert fields["53"] == "704"
    account = dict(parse_tlv(dict(parse_tlv(fields["38"]))["01"]))
    assert account == {"00": "970405", "01": "8300205012345"}
    memo = dict(parse_tlv(fields["62"]))["08"]
    assert re.match(r"TT\d{6} ", memo)
    expect(line.locator(".payout-qr svg")).to_be_visible()
    page.screenshot(path=str(tmp_path / "payout-run-on-a-phone.png"), full_page=True)

    # When she has paid it in the bank's app and marks it paid with the bank's reference
    line.get_by_label("Mã giao dịch của ngân hàng").fill("FT26336123456")
    line.get_by_role("button", name="Đánh dấu đã trả").click()
    expect(page.locator(".payout-line", has_text="Cơ sở Thạch đen Lục Duyên")).to_contain_text("FT26336123456")

    # Then the seller's balance is zero, and the Union's transfer is in her statement
    phone.reload()
    expect(phone.locator(".money-big")).to_have_text(vnd(0))
    expect(phone.locator(".statement").first).to_contain_text(f"Hội chuyển khoản ngày {today.day}/{today.month}")
    expect(phone.locator(".statement").first).to_contain_text(f"−{vnd(owed)}")
