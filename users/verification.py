"""One-time codes that prove a woman holds a mobile number, and what a proven number does.

A code is 6 digits, sent by text message (users/sms.py), kept only as an HMAC keyed by SECRET_KEY, good for
CODE_LIFETIME, once, and for MAX_WRONG_TRIES wrong guesses; a new code replaces the number's earlier ones.
Sending is limited per number and per address (SEND_LIMITS), counted from the codes' own rows, so the limit
holds across app servers.

A verified number is held by one account only. Until its owner verifies it, a number typed on a form holds
nothing: several accounts may carry it unverified, and the one that verifies it wins; the others lose it
(`verify_phone`).
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Count, Exists, Min, OuterRef, Q
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from vietnam.text import fold

from .backends import EmailOrPhoneBackend
from .models import PhoneCode
from .sms import SendFailed, send_sms

CODE_DIGITS = 6
CODE_LIFETIME = timedelta(minutes=10)
MAX_WRONG_TRIES = 5
# (within, at most) codes per number, then per address: one a minute, five an hour.
SEND_LIMITS = ((timedelta(seconds=60), 1), (timedelta(hours=1), 5))
ADDRESS_LIMITS = ((timedelta(seconds=60), 3), (timedelta(hours=1), 10))


class CodeRefused(Exception):
    """No code was sent, or the code typed does not count; `message` says why, in her words."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def send_code(phone, purpose, *, ip=None, deliver=True):
    """Send a new code to `phone` (+84…) for `purpose`, unless the limits say wait (CodeRefused).

    `ip` None (an officer at the Union's office registering a class) is limited per number only. `deliver`
    False records the code without sending it (a number no account has), so the limits answer the same.
    """
    now = timezone.now()
    wait = wait_before_sending(PhoneCode.objects.filter(phone=phone), SEND_LIMITS, now)
    if ip and not wait:
        wait = wait_before_sending(PhoneCode.objects.filter(ip=ip), ADDRESS_LIMITS, now)
    if wait:
        raise CodeRefused(wait_message(wait))
    code = f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"
    with transaction.atomic():
        PhoneCode.objects.filter(phone=phone, purpose=purpose, used_at=None).update(used_at=now)
        row = PhoneCode.objects.create(
            phone=phone, purpose=purpose, ip=ip, created_at=now, expires_at=now + CODE_LIFETIME, code_hash=""
        )
        row.code_hash = hash_code(row, code)
        row.save(update_fields=["code_hash"])
    if not deliver:
        return row
    try:
        send_sms(phone, code_message(code))
    except SendFailed:
        raise CodeRefused(_("The text message could not be sent. Try again in a few minutes.")) from None
    return row


def check_code(phone, purpose, typed):
    """Use up the number's current code if `typed` is it; CodeRefused (wrong, expired, used, too many tries)."""
    typed = "".join(ch for ch in str(typed or "") if ch.isdigit())
    with transaction.atomic():  # a wrong guess is counted, and the refusal raised, once this commits
        row = (
            PhoneCode.objects.select_for_update()
            .filter(phone=phone, purpose=purpose, used_at=None)
            .order_by("-created_at", "-pk")
            .first()
        )
        now = timezone.now()
        if row is None or row.expires_at <= now:
            refusal = _("This code has expired or was already used. Ask for a new code.")
        elif constant_time_compare(row.code_hash, hash_code(row, typed)):
            row.used_at, refusal = now, None
            row.save(update_fields=["used_at"])
        else:
            row.wrong_tries += 1
            refusal = _("The code is not right. Check the text message and type its 6 digits.")
            if row.wrong_tries >= MAX_WRONG_TRIES:
                row.used_at = now
                refusal = _("The code was wrong too many times. Ask for a new code.")
            row.save(update_fields=["wrong_tries", "used_at"])
    if refusal:
        raise CodeRefused(refusal)


def hash_code(row, code):
    """The code's HMAC, keyed by SECRET_KEY and tied to its row: 10^6 codes cannot be tried offline."""
    return salted_hmac("users.PhoneCode", f"{row.pk}:{row.phone}:{row.purpose}:{code}", algorithm="sha256").hexdigest()


def wait_before_sending(codes, limits, now):
    """How long until one more of `codes` may be sent under `limits`, or None (one query)."""
    counts = {}
    for index, (within, _most) in enumerate(limits):
        recent = Q(created_at__gt=now - within)
        counts[f"n{index}"] = Count("pk", filter=recent)
        counts[f"first{index}"] = Min("created_at", filter=recent)
    counted = codes.aggregate(**counts)
    waits = [
        counted[f"first{index}"] + within - now
        for index, (within, most) in enumerate(limits)
        if counted[f"n{index}"] >= most
    ]
    return max(waits) if waits else None


def wait_message(wait):
    seconds = max(1, int(wait.total_seconds() + 0.999))
    if seconds <= 90:
        return ngettext(
            "A code was just sent. You can ask for a new one in %(count)d second.",
            "A code was just sent. You can ask for a new one in %(count)d seconds.",
            seconds,
        ) % {"count": seconds}
    minutes = (seconds + 59) // 60
    return ngettext(
        "Too many codes were asked for. You can ask for a new one in %(count)d minute.",
        "Too many codes were asked for. You can ask for a new one in %(count)d minutes.",
        minutes,
    ) % {"count": minutes}


def code_message(code):
    """The text message, in Vietnamese without accents (one 160-character SMS, as providers' templates want)."""
    minutes = int(CODE_LIFETIME.total_seconds() // 60)
    with translation.override("vi"):
        text = _("%(site)s: your code is %(code)s, valid for %(minutes)d minutes. Do not give it to anyone.") % {
            "site": settings.SITE_NAME,
            "code": code,
            "minutes": minutes,
        }
    return sms_text(text)


def sms_text(text):
    """`text` without accents, keeping its capitals: what every phone shows in one plain SMS."""
    kept = []
    for word in text.split(" "):
        plain = fold(word).replace(" ", "")
        kept.append(plain.upper() if word.isupper() else plain.capitalize() if word[:1].isupper() else plain)
    return " ".join(kept)


# Numbers and accounts


def holder_of(phone):
    """The account that holds `phone` verified, or else the one a code sent to it should open.

    Unverified, the number may be on several accounts: a seller's account comes first (an officer typed
    her number, or she applied with it), then the oldest claim.
    """
    users = get_user_model()._default_manager.filter(phone=phone)
    verified = users.exclude(phone_verified_at=None).first()
    if verified is not None:
        return verified
    # The sellers' app (above this one) relates its businesses to accounts as `partners`.
    sellers = get_user_model().partners.through.objects.filter(user=OuterRef("pk"))
    return users.annotate(is_seller=Exists(sellers)).order_by("-is_seller", "pk").first()


@transaction.atomic
def verify_phone(user):
    """Her number is hers: verified on her account, and taken off every other account that typed it."""
    User = get_user_model()
    others = User._default_manager.select_for_update().filter(phone=user.phone).exclude(pk=user.pk)
    if others.exclude(phone_verified_at=None).exists():
        raise CodeRefused(_("Another account has already verified this phone number."))
    others.update(phone=None)
    user.phone_verified_at = timezone.now()
    user.save(update_fields=["phone_verified_at"])
    return user


def why_phone_cannot_log_in(username, password):
    """What to tell her when the right password opens an account that carries this number unverified.

    Nothing is said without that password, so no one learns which numbers are on an account.
    """
    identifier = (username or "").strip()
    backend = EmailOrPhoneBackend()
    if "@" in identifier or backend.find_user(identifier) is not None:
        return None
    if backend.find_claimant(identifier, password) is None:
        return None
    return _(
        "This phone number is not verified yet, so it cannot log you in. Tap “I've forgotten my password”: we "
        "will send a code to it, and you set your password again."
    )
