"""The Union pays its sellers: a payout run for a period, one payout per seller it owes, each paid by
scanning a VietQR code for exactly her amount into her account, then marked paid with the bank's reference.

Marking paid writes her payout entry, once: the payout's row and her seller row are locked, so two
staff marking the same payout at once make one entry, and a payout never takes her balance below zero.
"""

import datetime

from django.db import transaction
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from orders.refusals import Refused

from .balances import balance
from .models import CollectedBy, Entry, EntryKind, Payout, PayoutRun, PayoutStatus

Partner = get_model("partner", "Partner")

MEMO_SITE = "OCOP CAO BANG"  # the memo holds 25 characters: "TT000123 OCOP CAO BANG"


def memo(payout):
    """The transfer's message: the payout number first, so the bank statement says which payout it was."""
    return f"{payout.number} {MEMO_SITE}"[:25]


def period_end_moment(day):
    """The end of `day` in the marketplace's time zone, as an aware datetime."""
    return timezone.make_aware(datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time.min))


def balances_of(entries):
    """{seller id: the sum of her entries among `entries`} (of entries the marketplace owes), in one query."""
    return dict(entries.owed().values("seller_id").annotate(total=Sum("amount")).values_list("seller_id", "total"))


def balances_up_to(end_day):
    """{seller id: what the marketplace owed her at the end of `end_day`, less every payout made since}."""
    moment = period_end_moment(end_day)
    return balances_of(Entry.objects.filter(Q(created_at__lt=moment) | Q(kind=EntryKind.PAYOUT)))


@transaction.atomic
def open_payout_run(*, period_start, period_end, by):
    """A run for the period: one payout for each seller with money waiting at its end, to her account then.

    A seller with a payout still to pay in another run is left for that one, so no money is paid twice;
    one without a bank account is listed all the same, as waiting for her account.
    """
    if period_end < period_start:
        raise Refused(_("The period ends before it starts."))
    if period_end > timezone.localdate():
        raise Refused(_("The period cannot end in the future."))
    waiting = balances_up_to(period_end)
    # Her row is locked while her payout is worked out, as when it is marked paid.
    sellers = list(Partner.objects.select_for_update().filter(pk__in=list(waiting)).order_by("pk"))
    unpaid_elsewhere = set(Payout.objects.exclude(status=PayoutStatus.PAID).values_list("seller_id", flat=True))
    run = PayoutRun.objects.create(period_start=period_start, period_end=period_end, opened_by=by)
    now = balances_of(Entry.objects.filter(seller__in=sellers))
    for seller in sellers:
        amount = min(waiting[seller.pk], now.get(seller.pk, 0))
        if amount <= 0 or seller.pk in unpaid_elsewhere:
            continue
        Payout.objects.create(
            run=run,
            seller=seller,
            amount=amount,
            status=PayoutStatus.WAITING if seller.has_payout_account else PayoutStatus.NO_ACCOUNT,
            bank_bin=seller.bank_bin,
            bank_name=seller.bank_name,
            account_number=seller.bank_account_number,
            account_holder=seller.bank_account_holder,
        )
    return run


def mark_payout_paid(payout, *, bank_reference, by):
    """The treasurer has paid her: write the payout entry and record the bank's reference. Returns the
    payout and whether this call paid it (False when someone already had: nothing is written twice)."""
    bank_reference = bank_reference.strip()
    if not bank_reference:
        raise Refused(_("Write the bank's reference of the transfer."))
    with transaction.atomic():
        payout = Payout.objects.select_for_update().select_related("run").get(pk=payout.pk)
        if payout.status == PayoutStatus.PAID:
            return payout, False
        if payout.status == PayoutStatus.NO_ACCOUNT:
            raise Refused(_("She has no bank account to pay into yet; her money waits."))
        seller = Partner.objects.select_for_update().get(pk=payout.seller_id)
        now = balance(seller)
        if payout.amount > now:
            raise Refused(
                _("Her balance is now %(balance)s ₫, less than this payout: a refund came in since the run was opened.")
                % {"balance": number_format(now, force_grouping=True)}
            )
        Entry.objects.create(
            seller=seller,
            kind=EntryKind.PAYOUT,
            amount=-payout.amount,
            collected_by=CollectedBy.MARKETPLACE,
            payout=payout,
            reason=bank_reference,
            created_by=by,
        )
        payout.status = PayoutStatus.PAID
        payout.bank_reference = bank_reference
        payout.paid_at = timezone.now()
        payout.paid_by = by
        payout.save(update_fields=["status", "bank_reference", "paid_at", "paid_by"])
    return payout, True


def refresh_account(payout):
    """A payout waiting for her account takes the one she has given since; returns whether it can be paid now."""
    with transaction.atomic():
        payout = Payout.objects.select_for_update().select_related("seller").get(pk=payout.pk)
        if payout.status != PayoutStatus.NO_ACCOUNT or not payout.seller.has_payout_account:
            return payout.status == PayoutStatus.WAITING
        seller = payout.seller
        payout.bank_bin, payout.bank_name = seller.bank_bin, seller.bank_name
        payout.account_number, payout.account_holder = seller.bank_account_number, seller.bank_account_holder
        payout.status = PayoutStatus.WAITING
        payout.save(update_fields=["bank_bin", "bank_name", "account_number", "account_holder", "status"])
    return True


@transaction.atomic
def correct_balance(seller, *, amount, reason, by):
    """Staff put a mistake right with a new entry, never by editing one: `amount` đồng (negative takes away)."""
    if not reason.strip():
        raise Refused(_("Say why this correction is made."))
    if not amount:
        raise Refused(_("A correction of 0 ₫ changes nothing."))
    Partner.objects.select_for_update().get(pk=seller.pk)
    return Entry.objects.create(
        seller=seller, kind=EntryKind.CORRECTION, amount=int(amount), reason=reason.strip(), created_by=by
    )
