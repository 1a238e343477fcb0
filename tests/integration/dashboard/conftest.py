import pytest

from tests.factories import union_staff


@pytest.fixture
def officer(db):
    """A union officer: she reads orders and sellers in Oscar's dashboard, and changes nothing there."""
    return union_staff("Union officer", "can.bo@example.vn")


@pytest.fixture
def editor(db):
    """A union editor: she may change orders and sellers."""
    return union_staff("Union editor", "bien.tap@example.vn")


# Stripe's stand-in, for cancelling an order paid by card.
from tests.integration.payments.conftest import fake_stripe, stripe_keys  # noqa: E402, F401
