"""How often one address may send the forms anyone can send: password reset, registration, the application to sell.

Each form counts only submissions it would accept (django-ratelimit's counters, in the cache), so a woman
correcting a mistyped field spends nothing; past the limit the form comes back as she typed it, saying in how
many minutes she may send it again. The limits are `settings.SUBMISSION_LIMITS`. A cache that cannot be
reached lets the form through (logged): a limit must not take registration down with it.
"""

import ipaddress
import logging
import math

from django.conf import settings
from django.utils.translation import ngettext_lazy
from django_ratelimit.core import get_usage

logger = logging.getLogger(__name__)

# An IPv6 home or phone connection gets a whole /64: counting each of its addresses apart would count nothing.
IPV6_NETWORK = 64


def client_network(request):
    """The address a limit counts (axes' and django-ratelimit's): the peer's, or behind our proxy
    (BEHIND_PROXY) the last address of X-Forwarded-For, which that proxy wrote; an IPv6 address as its /64."""
    address = request.META.get("REMOTE_ADDR", "")
    if settings.BEHIND_PROXY:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        address = next((part for part in reversed(forwarded) if part), address)
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return None
    if parsed.version == 6:
        return str(ipaddress.ip_network(f"{parsed}/{IPV6_NETWORK}", strict=False).network_address)
    return str(parsed)


def refused_as_too_frequent(request, form, limit, message):
    """Count one more valid submission of `limit` (a key of SUBMISSION_LIMITS) from her address; past the
    limit, add `message` to the form and say True.

    `message` is an ngettext_lazy(…, "minutes"): it is told in how many minutes she may send the form again.
    """
    rate = settings.SUBMISSION_LIMITS[limit]
    try:
        usage = get_usage(request, group=f"submission:{limit}", key="ip", rate=rate, increment=True)
    except Exception:  # the cache is down: let her through rather than fail the page
        logger.exception("The limit of %s could not be counted; the submission is let through.", limit)
        return False
    if usage is None or not usage["should_limit"]:
        return False
    minutes = max(1, math.ceil(usage["time_left"] / 60))
    form.add_error(None, message % {"minutes": minutes})
    return True


class SubmissionLimitMixin:
    """For a FormView anyone may send: an accepted form counts against `submission_limit` from her address;
    past it, the form comes back as she typed it, with `too_frequent_message`."""

    submission_limit = None
    too_frequent_message = None

    def form_valid(self, form):
        if refused_as_too_frequent(self.request, form, self.submission_limit, self.too_frequent_message):
            return self.form_invalid(form)
        return super().form_valid(form)


class PasswordResetLimitMixin(SubmissionLimitMixin):
    """For both password resets, the shop's and Wagtail's."""

    submission_limit = "password-reset"
    too_frequent_message = ngettext_lazy(
        "Too many password resets were asked for from this connection. Please try again in %(minutes)d minute.",
        "Too many password resets were asked for from this connection. Please try again in %(minutes)d minutes.",
        "minutes",
    )
