import pytest
from django.contrib.auth.models import Group

from tests.factories import UserFactory


def union_staff(group, email):
    user = UserFactory(email=email, is_staff=True, first_name="Hoàng", last_name="Thị Thu")
    user.groups.add(Group.objects.get(name=group))
    return user


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
