"""A price raised after the buyer saw her order's total is never charged silently: she is shown it and asked again."""

from decimal import Decimal

import pytest
from django.conf import settings
from oscar.core.loading import get_model

from tests.factories import ProductFactory
from tests.pages import ENGLISH, soup_of, text_of
from tests.shopping import PREVIEW_URL, go_to_preview, place_order_form

Order = get_model("order", "Order")


@pytest.fixture
def jelly(db):
    return ProductFactory(title="Thạch đen Cao Bằng", stockrecords__price=Decimal("125000"))


def shown_total(page):
    return soup_of(page).select_one(".place-order-total strong").get_text(strip=True)


def amount_of(shown):
    """The amount a page writes as 310.000 ₫."""
    return Decimal(shown.removesuffix("\xa0₫").replace(".", ""))


def in_dong(amount):
    """An amount as the pages write it: 310.000 ₫ (a no-break space before the sign)."""
    return f"{int(amount):,}".replace(",", ".") + "\xa0₫"


def test_a_price_raised_after_the_preview_stops_the_order_and_shows_the_new_total(client, jelly):
    # Given a buyer on the preview of two jellies (250.000 ₫ and the seller's fee)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = ENGLISH
    go_to_preview(client, (jelly, 2))
    old_total = amount_of(shown_total(client.get(PREVIEW_URL)))
    seen = place_order_form(client)

    # When the seller raises her price before the buyer taps "Đặt hàng"
    jelly.stockrecords.update(price=Decimal("140000"))
    response = client.post(PREVIEW_URL, seen)

    # Then nothing is ordered; the page says the total changed, shows the new one, and asks again
    new_total = old_total + 2 * Decimal("15000")
    assert not Order.objects.exists()
    assert response.status_code == 200
    assert (
        f"A price changed since this page was shown: your order's total is now {in_dong(new_total)}, "
        f"not {in_dong(old_total)}. Nothing was ordered." in text_of(response)
    )
    assert shown_total(response) == in_dong(new_total)
    asked_again = {field["name"]: field.get("value") for field in soup_of(response).select("#place_order_form input")}
    assert Decimal(asked_again["total_seen"]) == new_total
    # and her basket still holds the jellies
    assert client.get("/shop/basket/").context["basket"].num_items == 2

    # When she taps "Đặt hàng" on the page with the new total
    placed = client.post(PREVIEW_URL, place_order_form(client))

    # Then the order is placed at the new price
    assert placed.status_code == 302
    order = Order.objects.get()
    assert order.total_incl_tax == new_total
    assert order.lines.get().unit_price_incl_tax == Decimal("140000")


def test_an_unchanged_total_places_the_order_at_once(client, jelly):
    seen = place_order_form(go_to_preview(client, jelly))

    response = client.post(PREVIEW_URL, seen)

    assert response.status_code == 302
    assert Order.objects.get().total_incl_tax == Decimal(seen["total_seen"])


@pytest.mark.parametrize(
    "sent", [{}, {"total_seen": "nonsense"}, {"total_seen": "NaN"}], ids=["none", "garbage", "nan"]
)
def test_a_tap_that_sends_no_readable_total_orders_nothing_and_shows_the_total(client, jelly, sent):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = ENGLISH
    go_to_preview(client, jelly)

    response = client.post(PREVIEW_URL, {"action": "place_order", **sent})

    assert not Order.objects.exists()
    assert "Check your order's total" in text_of(response)
    assert soup_of(response).select_one("#place_order_form input[name=total_seen]") is not None
