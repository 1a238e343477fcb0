"""How a woman becomes a seller: she (or a union officer for her) applies; a union editor approves.

Her account is made with the application but stays inactive until approval, which opens it,
gives it the seller role and ties it to her business; she then logs in with her phone number.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from users.backends import EmailOrPhoneBackend

Partner = get_model("partner", "Partner")

SELLER_GROUP = "Seller"


@transaction.atomic
def apply_to_sell(
    *,
    name,
    owner_name,
    phone,
    commune_code,
    what_she_makes,
    password,
    tax_code="",
    kind=Partner.Kind.HOUSEHOLD,
    email=None,
    registered_by=None,
):
    """Record an application: an applied seller and her account, which cannot log in yet.

    Her tax code (or personal id), if she gave one, is kept with her business, private like her bank account.
    `password` None (an application imported from a spreadsheet, sellers.importing) makes her account
    without one that works: no password travels in a spreadsheet.
    """
    owner = get_user_model()(first_name=owner_name, phone=phone, email=email or None, is_active=False)
    if password is None:
        owner.set_unusable_password()
    else:
        owner.set_password(password)
    owner.save()
    seller = Partner.objects.create(
        name=name,
        owner_name=owner_name,
        phone=phone,
        commune_code=commune_code,
        what_she_makes=what_she_makes,
        tax_code=tax_code,
        kind=kind,
        registered_by=registered_by if registered_by and registered_by.is_authenticated else None,
        status=Partner.Status.APPLIED,
    )
    seller.users.add(owner)
    return seller


@transaction.atomic
def approve_seller(seller, approver):
    """Make her public and open her account with the seller role."""
    seller = Partner.objects.select_for_update().get(pk=seller.pk)
    if seller.status != Partner.Status.APPLIED:
        return seller  # another editor decided first
    seller.status = Partner.Status.APPROVED
    seller.approved_by, seller.approved_at = approver, timezone.now()
    seller.rejection_reason = ""
    seller.save()
    group, _ = Group.objects.get_or_create(name=SELLER_GROUP)
    for owner in seller.users.all():
        owner.is_active = True
        owner.save(update_fields=["is_active"])
        owner.groups.add(group)
    return seller


@transaction.atomic
def reject_seller(seller, approver, reason):
    """Say no, with the reason she will be told; her account stays closed."""
    seller = Partner.objects.select_for_update().get(pk=seller.pk)
    if seller.status != Partner.Status.APPLIED:
        return seller  # another editor decided first
    seller.status = Partner.Status.REJECTED
    seller.approved_by, seller.approved_at = approver, None
    seller.rejection_reason = reason
    seller.save()
    return seller


def why_seller_cannot_log_in(username, password):
    """What to tell a woman whose account waits on her application, once she gives its right password.

    Her account stays closed until approval; the login form would only say "wrong password".
    Nothing is said without the right password, so no one learns about another's application.
    """
    user = EmailOrPhoneBackend().find_claimant((username or "").strip(), password)
    if user is None or user.is_active or not password or not user.check_password(password):
        return None
    seller = Partner.objects.filter(users=user).order_by("-pk").first()
    if seller is None:
        return None
    if seller.status == Partner.Status.APPLIED:
        return _(
            "Your application to sell (%(name)s) is waiting for the Women's Union. A union officer will call "
            "you; once it is approved, you can log in here."
        ) % {"name": seller.name}
    if seller.status == Partner.Status.REJECTED:
        reason = seller.rejection_reason or _("no reason was given")
        return _(
            "Your application to sell (%(name)s) was not approved: %(reason)s. Call your union officer to "
            "talk about it."
        ) % {"name": seller.name, "reason": reason}
    return None
