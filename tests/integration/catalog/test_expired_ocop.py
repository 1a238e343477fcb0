"""A listing whose OCOP certificate has expired shows no stars on its card, the day after as on any other, though the
card and the page were kept (catalog/cards.py, shop/pagecache.py); its own page says the certificate expired."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import UserFactory
from tests.pages import VIETNAMESE, open_page, soup_of, text_of
from vietnam.showing import forget_kept


@pytest.fixture
def keeping(settings):
    """Cards and whole pages kept, as in production."""
    settings.CARD_CACHE_SECONDS = 600
    settings.PAGE_CACHE_SECONDS = 600
    forget_kept()
    yield
    forget_kept()


def the_day_after(monkeypatch):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: tomorrow)


def badges(client, url, **kwargs):
    page = soup_of(open_page(client, url, VIETNAMESE, **kwargs))
    card = page.select_one(".product-card")
    assert card is not None
    return [badge.get_text(strip=True) for badge in card.select(".ocop-badge")]


@pytest.mark.django_db
def test_an_expired_certificate_shows_no_stars_on_cards_and_its_page_says_it_expired(client, product, category):
    expired_on = timezone.localdate() - datetime.timedelta(days=3)
    product.ocop_stars, product.ocop_expires_on = 4, expired_on
    product.save()

    for url in (category.get_absolute_url(), "/shop/catalogue/", product.seller.get_absolute_url(), "/"):
        assert badges(client, url) == [], url

    facts = " ".join(text_of(open_page(client, product.get_absolute_url(), VIETNAMESE)).split())
    assert f"OCOP 4 sao; chứng nhận đã hết hạn ngày {expired_on:%d/%m/%Y}" in facts


@pytest.mark.django_db
def test_stars_drawn_on_the_last_day_of_a_certificate_are_gone_the_day_after(
    client, product, category, keeping, monkeypatch
):
    # Given a certificate valid until today, whose card is drawn and kept, and its category's page kept too
    product.ocop_stars, product.ocop_expires_on = 4, timezone.localdate()
    product.save()
    url = category.get_absolute_url()
    assert badges(client, url) == ["OCOP 4"]
    assert badges(client, url) == ["OCOP 4"]  # now from the kept page
    logged_in = client.__class__()
    logged_in.force_login(UserFactory())  # never served kept pages, but the kept cards
    assert badges(logged_in, url) == ["OCOP 4"]

    # When midnight passes, with nothing saved
    the_day_after(monkeypatch)

    # Then neither the kept page nor the kept card shows the stars
    assert badges(client, url) == []
    assert badges(logged_in, url) == []
