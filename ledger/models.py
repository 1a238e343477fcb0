"""Each seller's ledger, append-only, and the Union's payout runs that pay her what it holds.

Every amount is whole đồng (an integer): a credit is positive, what leaves her balance negative.
An entry is never edited or deleted; a mistake is put right by a new entry (a reversal, or a
correction by staff with its reason), so a statement printed last month still adds up today.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q, Sum
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class EntryKind(models.TextChoices):
    SALE = "sale", _("Sale")
    SHIPPING_FEE = "shipping_fee", _("Shipping fee")
    COMMISSION = "commission", _("Commission")
    VAT_WITHHELD = "vat_withheld", _("VAT withheld")
    PIT_WITHHELD = "pit_withheld", _("Personal income tax withheld")
    REVERSAL = "reversal", _("Refund reversal")
    PAYOUT = "payout", _("Payout")
    CORRECTION = "correction", _("Correction by staff")


# What a delivered parcel writes, once each (a reversal undoes them, entry by entry).
PARCEL_KINDS = (
    EntryKind.SALE,
    EntryKind.SHIPPING_FEE,
    EntryKind.COMMISSION,
    EntryKind.VAT_WITHHELD,
    EntryKind.PIT_WITHHELD,
)
WITHHOLDING_KINDS = (EntryKind.VAT_WITHHELD, EntryKind.PIT_WITHHELD)


class CollectedBy(models.TextChoices):
    """Who holds the buyer's money: the marketplace owes it to her; cash her carrier gave her owes her nothing."""

    MARKETPLACE = "marketplace", _("The marketplace")
    SELLER = "seller", _("The seller (cash from her carrier)")


class EntryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise TypeError("Ledger entries are never changed; write a new entry instead.")

    def delete(self):
        raise TypeError("Ledger entries are never deleted; write a new entry instead.")

    def owed(self):
        """The entries that make her balance: money the marketplace holds for her."""
        return self.filter(collected_by=CollectedBy.MARKETPLACE)

    def total(self):
        return self.aggregate(total=Coalesce(Sum("amount"), 0))["total"]


class Entry(models.Model):
    """One movement of a seller's money: a sale, a fee, a withholding, a reversal, a payout, a correction."""

    Kind = EntryKind

    seller = models.ForeignKey(
        "partner.Partner", verbose_name=_("Seller"), on_delete=models.PROTECT, related_name="ledger_entries"
    )
    kind = models.CharField(_("Kind"), max_length=16, choices=EntryKind)
    amount = models.BigIntegerField(_("Amount (₫)"))
    collected_by = models.CharField(
        _("Money held by"), max_length=16, choices=CollectedBy, default=CollectedBy.MARKETPLACE
    )
    # The goods' value a commission or withholding was taken on, and its rate (0.01 for 1 %).
    base = models.BigIntegerField(_("On (₫)"), null=True, blank=True)
    rate = models.DecimalField(_("Rate"), max_digits=6, decimal_places=5, null=True, blank=True)
    order = models.ForeignKey(
        "order.Order", verbose_name=_("Order"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    shipment = models.ForeignKey(
        "order.Shipment",
        verbose_name=_("Shipment"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="ledger_entries",
    )
    payout = models.ForeignKey(
        "ledger.Payout", verbose_name=_("Payout"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reverses = models.OneToOneField(
        "self", verbose_name=_("Reverses"), null=True, blank=True, on_delete=models.PROTECT, related_name="reversal"
    )
    reason = models.TextField(_("Reason"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Made by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Empty when the marketplace wrote it as the order went."),
    )
    created_at = models.DateTimeField(_("Date"), auto_now_add=True, db_index=True)

    objects = EntryQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("Ledger entry")
        verbose_name_plural = _("Ledger entries")
        indexes = [models.Index(fields=["seller", "-created_at"], name="ledger_entry_seller_newest")]
        constraints = [
            # A delivered parcel is credited once, however often its delivery is reported.
            models.UniqueConstraint(
                fields=["shipment", "kind"],
                condition=Q(kind__in=PARCEL_KINDS),
                name="ledger_one_entry_of_each_kind_per_parcel",
            ),
            models.UniqueConstraint(
                fields=["payout"], condition=Q(kind=EntryKind.PAYOUT), name="ledger_one_entry_per_payout"
            ),
            models.CheckConstraint(
                condition=~Q(kind=EntryKind.CORRECTION) | ~Q(reason=""), name="ledger_correction_has_reason"
            ),
        ]

    def __str__(self):
        return f"{self.seller} {self.get_kind_display()} {self.amount}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise TypeError("Ledger entries are never changed; write a new entry instead.")
        if self.kind == EntryKind.CORRECTION and not self.reason.strip():
            raise ValidationError(_("Say why this correction is made."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("Ledger entries are never deleted; write a new entry instead.")

    @property
    def is_owed(self):
        return self.collected_by == CollectedBy.MARKETPLACE


class PayoutRun(models.Model):
    """The Union's payment of every seller it owes, for a period: one payout per seller with money waiting."""

    period_start = models.DateField(_("From"))
    period_end = models.DateField(_("To"))
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("Opened by"), on_delete=models.PROTECT, related_name="+"
    )
    opened_at = models.DateTimeField(_("Opened at"), auto_now_add=True)

    class Meta:
        ordering = ["-opened_at", "-pk"]
        verbose_name = _("Payout run")
        verbose_name_plural = _("Payout runs")
        permissions = [("pay_sellers", _("Can open payout runs and mark sellers paid"))]

    def __str__(self):
        return f"{self.number} ({self.period_start:%d/%m/%Y}–{self.period_end:%d/%m/%Y})"

    def get_absolute_url(self):
        return reverse("payouts:run", kwargs={"pk": self.pk})

    @property
    def number(self):
        return f"DT{self.pk:04d}"


class PayoutStatus(models.TextChoices):
    WAITING = "waiting", _("To pay")
    NO_ACCOUNT = "no_account", _("No bank account to pay into")
    PAID = "paid", _("Paid")


class Payout(models.Model):
    """What the Union pays one seller in a run: her balance then, to the account she gave then."""

    Status = PayoutStatus

    run = models.ForeignKey(PayoutRun, verbose_name=_("Payout run"), on_delete=models.PROTECT, related_name="payouts")
    seller = models.ForeignKey(
        "partner.Partner", verbose_name=_("Seller"), on_delete=models.PROTECT, related_name="payouts"
    )
    amount = models.BigIntegerField(_("Amount (₫)"))
    status = models.CharField(_("Status"), max_length=16, choices=PayoutStatus, default=PayoutStatus.WAITING)
    bank_bin = models.CharField(_("Bank"), max_length=6, blank=True)
    bank_name = models.CharField(_("Bank"), max_length=64, blank=True)
    account_number = models.CharField(_("Account number"), max_length=32, blank=True)
    account_holder = models.CharField(_("Account holder"), max_length=128, blank=True)
    bank_reference = models.CharField(_("Bank's reference"), max_length=64, blank=True)
    paid_at = models.DateTimeField(_("Paid at"), null=True, blank=True)
    paid_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Paid by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        ordering = ["run", "seller__name", "pk"]
        verbose_name = _("Payout")
        verbose_name_plural = _("Payouts")
        constraints = [models.UniqueConstraint(fields=["run", "seller"], name="ledger_one_payout_per_seller_and_run")]

    def __str__(self):
        return f"{self.number} {self.seller}"

    @property
    def number(self):
        """The payout's number, which the transfer's memo carries: "TT000123"."""
        return f"TT{self.pk:06d}"

    @property
    def is_paid(self):
        return self.status == PayoutStatus.PAID
