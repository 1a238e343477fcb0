"""Failed logins, counted per account and per address by django-axes, on every door (the shop and the seller
portal's login, Oscar's dashboard, Wagtail's /cms/, Django's admin): all of them authenticate through
`users.backends`, which asks axes first.

An account is what she typed, in one form: an email in lower case, a phone number as +84… however it was written
("0912 345 601", "0912345601" and "+84912345601" are one account). After settings.LOGIN_FAILURE_LIMIT failures
for one account, or LOGIN_FAILURE_LIMIT_PER_ADDRESS from one address (higher: a school or a phone network shares
one), every login there is refused until AXES_COOLOFF_TIME has passed since the last failure; tries while locked
are not counted, so the time she is shown holds. A successful login forgets her account's failures (and only
hers). The counts are rows in the database (axes' AccessAttempt), so a login never depends on the cache.
"""

from dataclasses import dataclass
from datetime import datetime

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Max, Q, Sum
from django.template.response import TemplateResponse
from django.utils import timezone

from vietnam.phones import normalise_phone


def account_key(identifier):
    """The one form of an email or a phone number that failures are counted under; None for nothing typed."""
    identifier = (identifier or "").strip()
    if not identifier:
        return None
    if "@" in identifier:
        return identifier.lower()
    return normalise_phone(identifier) or identifier.lower()


def account_of(request, credentials=None):
    """AXES_USERNAME_CALLABLE: the account a login names, from its credentials (every door's form says
    "username"), else from the posted form."""
    if credentials:
        return account_key(credentials.get("username") or credentials.get("email"))
    data = request.POST
    return account_key(data.get("username") or data.get("login-username"))


@dataclass(frozen=True)
class Failures:
    """The failures within the cool-off that count against one account and one address, and when each
    limit, if reached, is lifted."""

    account: int
    address: int
    account_until: datetime | None
    address_until: datetime | None

    @property
    def account_locked(self):
        return self.account >= settings.LOGIN_FAILURE_LIMIT

    @property
    def address_locked(self):
        return self.address >= settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS

    @property
    def until(self):
        """When logging in here works again (None if it works now)."""
        times = [
            *([self.account_until] if self.account_locked else []),
            *([self.address_until] if self.address_locked else []),
        ]
        return max(times, default=None)


def failures_of(account, address, now=None):
    """The failures of `account` and from `address` within the cool-off before `now`, in one query."""
    now = now or timezone.now()
    cool_off = get_cool_off()
    recent = AccessAttempt.objects.filter(attempt_time__gte=now - cool_off)
    nothing = Q(pk__isnull=True)
    by_account = Q(username=account) if account else nothing
    by_address = Q(ip_address=address) if address else nothing
    counts = recent.aggregate(
        account=Sum("failures_since_start", filter=by_account, default=0),
        address=Sum("failures_since_start", filter=by_address, default=0),
        account_last=Max("attempt_time", filter=by_account),
        address_last=Max("attempt_time", filter=by_address),
    )
    return Failures(
        account=counts["account"],
        address=counts["address"],
        account_until=counts["account_last"] and counts["account_last"] + cool_off,
        address_until=counts["address_last"] and counts["address_last"] + cool_off,
    )


def locked_accounts(now=None):
    """The accounts locked now, each with its failures and when its lock ends, the latest failure first."""
    now = now or timezone.now()
    cool_off = get_cool_off()
    rows = (
        AccessAttempt.objects.filter(attempt_time__gte=now - cool_off)
        .exclude(username=None)
        .values("username")
        .annotate(failures=Sum("failures_since_start"), last=Max("attempt_time"))
        .filter(failures__gte=settings.LOGIN_FAILURE_LIMIT)
        .order_by("-last", "username")
    )
    return [{"account": row["username"], "failures": row["failures"], "until": row["last"] + cool_off} for row in rows]


def unlock_account(account):
    """Forget every failure counted against `account` (an email or a phone, in any form); how many rows went."""
    key = account_key(account)
    if key is None:
        return 0
    deleted, _ = AccessAttempt.objects.filter(username=key).delete()
    return deleted


def forget_failures_of(user):
    """Her account's failures, under her email and her phone, are forgotten (she proved her password)."""
    keys = [key for key in (account_key(user.email), user.phone) if key]
    if keys:
        AccessAttempt.objects.filter(username__in=keys).delete()


class LoginLimitHandler(AxesDatabaseHandler):
    """Axes' database handler, with a limit of its own for an address, and a success forgetting only the
    account's failures: axes' own reset forgets the address's too, which would let anyone with an account
    clear the failures she made against another's from the same address."""

    def get_failures(self, request, credentials=None):
        """What axes compares with AXES_FAILURE_LIMIT: the account's failures, or that limit itself while the
        address is over its own."""
        account = get_client_username(request, credentials)
        failures = failures_of(account, request.axes_ip_address, request.axes_attempt_time)
        if failures.address_locked:
            return max(failures.account, settings.LOGIN_FAILURE_LIMIT)
        return failures.account

    def user_logged_in(self, sender, request, user, **kwargs):
        """Axes' record of the login; then her account's failures are forgotten."""
        super().user_logged_in(sender, request, user, **kwargs)
        forget_failures_of(user)


def locked_out_page(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the page shown instead of a login refused for too many failures (429), saying
    until when, in the site's time, with the way to reset her password."""
    account = get_client_username(request, credentials)
    failures = failures_of(account, request.axes_ip_address, request.axes_attempt_time)
    until = failures.until or timezone.now() + get_cool_off()
    minutes = max(1, round((until - timezone.now()).total_seconds() / 60))
    context = {
        "typed": (credentials or {}).get("username") or "",
        "by_address": failures.address_locked and not failures.account_locked,
        "until": until,
        "minutes": minutes,
        "login_url": request.get_full_path(),
    }
    return TemplateResponse(request, "users/locked_out.html", context, status=429).render()
