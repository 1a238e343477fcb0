import pytest

from payments.stripe import client as stripe_api
from tests.integration.payments.stripe_double import WEBHOOK_SECRET, FakeStripe


@pytest.fixture
def stripe_keys(settings):
    """Made-up Stripe keys, so card payments are offered (use it with pytest.mark.usefixtures)."""
    settings.STRIPE_SECRET_KEY = "sk_test_fake_key_for_tests"
    settings.STRIPE_PUBLISHABLE_KEY = "pk_test_fake_key_for_tests"
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    settings.STRIPE_ORDER_EXPIRY_MINUTES = 60


@pytest.fixture
def fake_stripe(monkeypatch):
    """Stripe's API in memory: the real SDK sends its requests here."""
    fake = FakeStripe()
    monkeypatch.setattr(stripe_api, "http_client", lambda: fake)
    return fake
