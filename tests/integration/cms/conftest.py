import pytest

from tests.factories import union_staff


@pytest.fixture
def union_editor(db):
    """A union editor: she pays sellers and corrects their balances."""
    return union_staff("Union editor", "bien.tap.tien@example.vn")


@pytest.fixture
def union_officer(db):
    """A union officer: she reads payouts, ledgers and the tax report, and changes none of them."""
    return union_staff("Union officer", "can.bo.tien@example.vn")
