"""Back in stock: a buyer who finds a product sold out asks for an email and gets one when it returns."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from tests.factories import ProductFactory
from tests.pages import VIETNAMESE, open_page, soup_of, text_of


@pytest.fixture
def sold_out(seller):
    return ProductFactory(title="Hạt dẻ Trùng Khánh", seller=seller, stockrecords__num_in_stock=0)


def ask_for_alert(client, product, **data):
    """Send the product page's alert form, as the buyer's browser does."""
    form = soup_of(open_page(client, product.get_absolute_url(), VIETNAMESE)).select_one("#alert_form")
    fields = {field["name"]: field.get("value", "") for field in form.select("input[name]")}
    return client.post(form["action"], {**fields, **data}, follow=True)


def restock(product, quantity=5):
    stockrecord = product.stockrecords.get()
    stockrecord.num_in_stock = quantity
    stockrecord.save()


@pytest.mark.django_db
def test_a_logged_in_customer_is_emailed_when_the_product_is_back(client, customer, sold_out):
    # Given a customer on a sold-out product's page
    client.force_login(customer)

    # When she asks to be told, without typing her email
    response = ask_for_alert(client, sold_out)

    # Then the page says it is set up and offers no second form
    assert "Đã đăng ký: chúng tôi sẽ báo cho bạn khi có hàng." in text_of(response)
    page = soup_of(open_page(client, sold_out.get_absolute_url(), VIETNAMESE))
    assert page.select_one("#alert_form") is None
    assert "Bạn đã đăng ký nhận thông báo cho sản phẩm này" in page.select_one(".stock-alert").get_text()

    # When the seller puts stock back
    restock(sold_out)

    # Then she gets an email naming the product
    assert [message.to for message in mail.outbox] == [["lan.nong@example.vn"]]
    assert "Hạt dẻ Trùng Khánh" in mail.outbox[0].body


@pytest.mark.django_db
def test_a_guest_confirms_her_email_then_is_emailed_when_the_product_is_back(client, sold_out):
    # When a guest leaves her email address
    response = ask_for_alert(client, sold_out, email="hoa.khach@example.vn")

    # Then she is told a confirmation was sent, and gets it
    assert "Chúng tôi đã gửi email xác nhận đến hoa.khach@example.vn." in text_of(response)
    assert [message.to for message in mail.outbox] == [["hoa.khach@example.vn"]]
    confirm_url = re.search(r"https?://[^/\s]+(/\S*/alerts/confirm/\S+/)", mail.outbox[0].body).group(1)

    # When she opens the link in it
    response = client.get(confirm_url, follow=True)

    # Then the alert is on, and the stock coming back sends her an email
    assert "Đã bật thông báo khi có hàng trở lại." in text_of(response)
    mail.outbox.clear()
    restock(sold_out)
    assert [message.to for message in mail.outbox] == [["hoa.khach@example.vn"]]
    assert "Hạt dẻ Trùng Khánh" in mail.outbox[0].body


@pytest.mark.django_db
def test_a_guest_who_leaves_no_email_is_asked_for_one_on_the_product_page(client, sold_out):
    response = client.post(reverse("customer:alert-create", kwargs={"pk": sold_out.pk}), {"email": ""})

    page = soup_of(response)
    assert page.select_one("h1").get_text(strip=True) == "Hạt dẻ Trùng Khánh"
    assert page.select_one("#alert_form .text-danger") is not None
    assert not mail.outbox
