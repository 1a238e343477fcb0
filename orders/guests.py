"""A guest's orders: which ones this device may open, whether the details she typed are an order's, and how
many wrong details anyone may type for one phone number (or email) or one order number in a day.

A device remembers an order (in its session) for 30 days, and how it came to know it: she placed it here, or
someone typed its number and her phone number (or email) here. Someone else logging in on the device forgets them.
"""

import hashlib
import logging
import time
from datetime import timedelta

from django.core.cache import cache
from django.utils import timezone

from vietnam.phones import normalise_phone

logger = logging.getLogger(__name__)

SESSION_KEY = "guest_orders"
KEPT = 20  # the newest orders a device remembers
REMEMBERED_FOR = 30 * 24 * 3600  # seconds a device remembers an order
PLACED_HERE, LOOKED_UP = "placed", "lookup"

# Order numbers follow one another and a phone number is known to many (the seller, the courier, the parcel's
# label): past so many wrong lookups in a day for one contact, or for one order number, both are refused
# whatever is typed (the right details too) until the next day. The same count whether the order exists or not.
WRONG_LOOKUPS_A_DAY = 5


def _remembered(session):
    """The device's orders still remembered: [{"number", "at" (a timestamp), "how"}], oldest first."""
    oldest = time.time() - REMEMBERED_FOR
    kept = session.get(SESSION_KEY, [])
    return [item for item in kept if isinstance(item, dict) and item.get("at", 0) > oldest]


def remember_guest_order(session, number, how=PLACED_HERE):
    """This device (its session) may open guest order `number` without being asked again, for 30 days;
    `how` says whether she placed it here or it was looked up here (an order placed here stays so)."""
    number = str(number)
    remembered = _remembered(session)
    if any(item["number"] == number and item["how"] == PLACED_HERE for item in remembered):
        how = PLACED_HERE
    kept = [item for item in remembered if item["number"] != number]
    session[SESSION_KEY] = [*kept, {"number": number, "at": int(time.time()), "how": how}][-KEPT:]


def remembers_guest_order(session, number):
    """How this device knows guest order `number` (PLACED_HERE or LOOKED_UP), or None if it does not."""
    number = str(number)
    return next((item["how"] for item in _remembered(session) if item["number"] == number), None)


def forget_guest_orders(session):
    """This device opens none of the guest orders it remembered (someone logged in on it)."""
    session.pop(SESSION_KEY, None)


def normalised_contact(contact):
    """A phone number in its E.164 form, however written; anything else (an email) lowercased."""
    contact = (contact or "").strip()
    return ("" if "@" in contact else normalise_phone(contact)) or contact.lower()


def guest_contact_matches(order, contact):
    """Whether `contact` (a phone number however written, or an email) is the one given with guest `order`."""
    wanted = normalised_contact(contact)
    if not wanted or order.user_id:
        return False
    address = order.shipping_address
    phone = address.phone_number.as_e164 if address and address.phone_number else ""
    return wanted in {(order.guest_email or "").lower(), phone} - {""}


def _wrong_lookup_keys(number, contact):
    """The cache's counters of today's wrong lookups for this contact and for this order number."""
    day = timezone.localdate().isoformat()
    parts = (("contact", normalised_contact(contact)), ("number", str(number).strip()))
    return [
        f"guest-lookup-wrong:{day}:{kind}:{hashlib.sha256(value.encode()).hexdigest()[:32]}" for kind, value in parts
    ]


def lookup_locked(number, contact):
    """Whether this contact or this order number had its day's wrong lookups already (a cache that cannot be
    reached locks nothing: the lookups from one address are still limited)."""
    try:
        counts = cache.get_many(_wrong_lookup_keys(number, contact))
    except Exception:
        logger.exception("The wrong lookups of guest orders could not be read; the lookup is let through.")
        return False
    return any(count >= WRONG_LOOKUPS_A_DAY for count in counts.values())


def count_wrong_lookup(number, contact):
    """One more wrong lookup today for this contact and for this order number."""
    now = timezone.localtime()
    tomorrow = (now + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    seconds_left = int((tomorrow - now).total_seconds()) + 60
    try:
        for key in _wrong_lookup_keys(number, contact):
            cache.add(key, 0, timeout=seconds_left)
            cache.incr(key)
    except Exception:
        logger.exception("A wrong lookup of a guest order could not be counted.")
