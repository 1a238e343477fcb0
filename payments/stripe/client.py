"""The one way this code reaches Stripe: the official SDK, with the marketplace's key, and its answers as dicts.

Amounts: VND is a zero-decimal currency, so Stripe counts whole đồng: 305.000 ₫ is sent as
305000, never ×100, and an event's amount is đồng too.

Tests replace `http_client` with a fake at the network boundary: the real SDK builds and parses
every request.
"""

import logging
from datetime import UTC, datetime

import stripe
from django.conf import settings
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

CURRENCY = "vnd"


class CardPaymentError(Exception):
    """Stripe could not be reached or refused, or the order can no longer be paid; the message is for people."""


def http_client():
    """The HTTP client the SDK sends requests with; None is the SDK's own. Tests replace this function."""
    return None


def stripe_client():
    """A client for the marketplace's Stripe account."""
    return stripe.StripeClient(settings.STRIPE_SECRET_KEY, http_client=http_client(), max_network_retries=2)


def call(request, *args, **kwargs):
    """One request to Stripe, its answer as plain dicts; its errors become CardPaymentError, logged."""
    try:
        return request(*args, **kwargs).to_dict()
    except stripe.StripeError as error:
        logger.warning("Stripe request failed: %s", error)
        raise CardPaymentError(
            _("The card payment service cannot be reached. Please try again in a moment.")
        ) from error


def session_paid(session):
    return session["status"] == "complete" and session["payment_status"] == "paid"


def session_reference(session):
    """The reference a card payment is recorded under: its PaymentIntent (what refunds and charges name)."""
    payment_intent = session.get("payment_intent")
    if isinstance(payment_intent, dict):
        payment_intent = payment_intent.get("id")
    return payment_intent or session.get("id")


def from_timestamp(timestamp):
    return datetime.fromtimestamp(int(timestamp), tz=UTC)
