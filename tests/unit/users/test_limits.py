"""What failed logins and limited forms count under: one account however it is written, one address however it
reaches us (users/lockouts.py, users/ratelimits.py)."""

import pytest
from django.test import RequestFactory

from users.lockouts import account_key
from users.ratelimits import client_network


@pytest.mark.parametrize("typed", ["0912 345 601", "0912345601", "+84912345601", "84912345601", " 0912.345.601 "])
def test_her_phone_written_any_way_is_one_account(typed):
    assert account_key(typed) == "+84912345601"


def test_an_email_is_one_account_whatever_its_case():
    assert account_key(" Lan.Nong@Example.VN ") == "lan.nong@example.vn"


def test_something_else_typed_is_counted_as_typed_and_nothing_typed_not_at_all():
    assert account_key("Mai Phuc Hoa") == "mai phuc hoa"
    assert account_key("   ") is None


def request_from(remote, forwarded=None):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote, **extra)


def test_the_address_is_the_peers_unless_behind_our_proxy(settings):
    settings.BEHIND_PROXY = False
    assert client_network(request_from("203.0.113.7", forwarded="198.51.100.1")) == "203.0.113.7"

    settings.BEHIND_PROXY = True
    # The proxy appends the address it saw; whatever the visitor sent comes before it.
    assert client_network(request_from("10.0.0.2", forwarded="198.51.100.1, 203.0.113.7")) == "203.0.113.7"
    assert client_network(request_from("10.0.0.2")) == "10.0.0.2"


def test_an_ipv6_connection_counts_as_its_whole_64():
    assert client_network(request_from("2001:db8:abcd:12:1:2:3:4")) == "2001:db8:abcd:12::"
    assert client_network(request_from("2001:db8:abcd:12:ffff::9")) == "2001:db8:abcd:12::"


def test_no_address_is_none():
    assert client_network(request_from("")) is None
