"""A guest's orders: which ones this device may open, and whether the details she typed are an order's."""

from vietnam.phones import normalise_phone

SESSION_KEY = "guest_orders"
KEPT = 20  # the newest orders a device remembers


def remember_guest_order(session, number):
    """This device (its session) may open guest order `number` without being asked again."""
    number = str(number)
    numbers = [kept for kept in session.get(SESSION_KEY, []) if kept != number]
    session[SESSION_KEY] = [*numbers, number][-KEPT:]


def remembers_guest_order(session, number):
    return str(number) in session.get(SESSION_KEY, [])


def guest_contact_matches(order, contact):
    """Whether `contact` (a phone number however written, or an email) is the one given with guest `order`."""
    contact = (contact or "").strip()
    if not contact or order.user_id:
        return False
    if "@" in contact:
        return bool(order.guest_email) and order.guest_email.lower() == contact.lower()
    phone = normalise_phone(contact)
    address = order.shipping_address
    return bool(phone and address and address.phone_number and address.phone_number.as_e164 == phone)
