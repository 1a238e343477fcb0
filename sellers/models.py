from auditlog.models import AbstractLogEntry, LogEntryManager
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from oscar.apps.partner.abstract_models import AbstractPartner, AbstractStockRecord

from catalog.communes import forget_communes
from vietnam.banks import bank_of, validate_bank
from vietnam.geography import validate_ward, ward_name
from vietnam.phones import normalise_phone, validate_mobile
from vietnam.taxcodes import normalise_tax_code, validate_tax_code
from vietnam.text import unique_slug

from .audit import about

# Paths under /sellers/ that are pages of their own, so never a seller's slug.
RESERVED_SLUGS = {"dang-ky", "don-dang-ky"}


class PartnerQuerySet(models.QuerySet):
    def public(self):
        """Sellers buyers may see: approved by the Women's Union, not suspended."""
        return self.filter(status=Partner.Status.APPROVED)


class Partner(AbstractPartner):
    """A seller: a woman-run household business or cooperative, approved by the Women's Union."""

    class Status(models.TextChoices):
        APPLIED = "applied", _("Applied")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Not approved")
        SUSPENDED = "suspended", _("Suspended")

    class Kind(models.TextChoices):
        HOUSEHOLD = "household", _("Household business")
        COOPERATIVE = "cooperative", _("Cooperative")

    slug = models.SlugField(_("Slug"), max_length=128, unique=True, blank=True)
    owner_name = models.CharField(_("Owner's name"), max_length=128, blank=True)
    story = models.TextField(_("Story"), blank=True)
    photo = models.ImageField(_("Photo"), upload_to="sellers/", blank=True)
    commune_code = models.PositiveIntegerField(
        _("Commune or ward"), null=True, blank=True, validators=[validate_ward], db_index=True
    )
    phone = models.CharField(_("Phone number"), max_length=16, blank=True, validators=[validate_mobile])
    zalo = models.CharField(_("Zalo number"), max_length=16, blank=True, validators=[validate_mobile])
    kind = models.CharField(_("Kind of business"), max_length=16, choices=Kind, default=Kind.HOUSEHOLD)
    members = models.PositiveSmallIntegerField(
        _("Members"), null=True, blank=True, help_text=_("How many members a cooperative has.")
    )
    # Private: for payouts and the Union's reports, never shown on her public page.
    bank_bin = models.CharField(_("Bank"), max_length=6, blank=True, validators=[validate_bank])
    bank_name = models.CharField(_("Bank's name"), max_length=64, blank=True)  # follows bank_bin
    bank_account_number = models.CharField(_("Account number"), max_length=32, blank=True)
    bank_account_holder = models.CharField(_("Account holder"), max_length=128, blank=True)
    tax_code = models.CharField(
        _("Tax code or personal id"),
        max_length=16,
        blank=True,
        validators=[validate_tax_code],
        help_text=_(
            "The 12 digits on your citizen's card, or your tax code: the Union declares the tax withheld "
            "on your sales under it."
        ),
    )
    ethnic_group = models.CharField(_("Ethnic group"), max_length=32, blank=True)
    show_ethnic_group = models.BooleanField(
        _("Show my ethnic group on my page"), default=False, help_text=_("Only if she agrees.")
    )
    count_ethnic_group = models.BooleanField(
        _("Count my ethnic group in the Union's figures"),
        default=False,
        help_text=_("The Union reports how many sellers of each ethnic group it helps; never your name."),
    )
    # The days she promises a parcel takes, from the order to the buyer's door (the figures count on time).
    delivery_days = models.PositiveSmallIntegerField(
        _("Days to deliver"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(30)],
        help_text=_("How many days buyers wait, at most, from the order to the parcel. Empty: 5 days."),
    )
    # Her consent: an officer of the Union may open her portal and work on her shop for her.
    union_may_act = models.BooleanField(
        _("My union officer may work on my shop for me"),
        default=False,
        help_text=_("She sees and changes your products and orders as you would; every change is in your log."),
    )
    status = models.CharField(
        _("Status"), max_length=16, choices=Status, default=Status.APPLIED, db_index=True
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Approved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("Approved at"), null=True, blank=True)
    # What her application said, and what became of it.
    what_she_makes = models.TextField(_("What she makes"), blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Registered on her behalf by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    rejection_reason = models.TextField(_("Why the application was not approved"), blank=True)

    objects = PartnerQuerySet.as_manager()

    class Meta(AbstractPartner.Meta):
        permissions = (
            *AbstractPartner.Meta.permissions,
            ("act_for_seller", "Can work on a seller's shop for her, when she agrees"),
        )

    def save(self, *args, **kwargs):
        self.phone = normalise_phone(self.phone) or self.phone
        self.zalo = normalise_phone(self.zalo) or self.zalo
        self.tax_code = normalise_tax_code(self.tax_code)
        bank = bank_of(self.bank_bin)
        if bank is not None:
            self.bank_name = bank.short_name
        if not self.slug:
            others = type(self)._default_manager.exclude(pk=self.pk)
            self.slug = unique_slug(others, self.name, fallback="nguoi-ban", reserved=RESERVED_SLUGS)
        renamed = self.pk and type(self)._default_manager.filter(pk=self.pk).exclude(name=self.name).exists()
        super().save(*args, **kwargs)
        if renamed:
            self.refold_products()
        forget_communes()  # her products' communes come and go from the filter with her status

    def get_absolute_url(self):
        return reverse("sellers:detail", kwargs={"slug": self.slug})

    @property
    def commune(self):
        """Her commune or ward, by name."""
        return ward_name(self.commune_code)

    DEFAULT_DELIVERY_DAYS = 5

    @property
    def promised_days(self):
        """The days she promises from the order to the buyer's door; 5 if she never said."""
        return self.delivery_days or self.DEFAULT_DELIVERY_DAYS

    @property
    def is_public(self):
        return self.status == self.Status.APPROVED

    @property
    def has_payout_account(self):
        """Whether the Union can pay her: a bank it knows the code of, an account number and its holder."""
        return bool(bank_of(self.bank_bin) and self.bank_account_number and self.bank_account_holder)

    def email_addresses(self):
        """The email addresses of the active accounts of her business (none for phone-only accounts)."""
        users = self.users.filter(is_active=True).exclude(email=None).exclude(email="")
        return sorted(set(users.values_list("email", flat=True)))

    def refold_products(self):
        """Her products' and stories' search text names her; a new name must be found at once."""
        for product in self.products.select_related("seller"):
            product.save(update_fields=["search_text"])
        for story in self.stories.all():
            story.save(update_fields=["search_text"])


class StockRecord(AbstractStockRecord):
    """A seller's stock and price of a product; a product has one maker, so one stock record, hers."""

    class Meta(AbstractStockRecord.Meta):
        constraints = [models.UniqueConstraint(fields=["product"], name="one_stock_record_per_product")]

    def clean(self):
        super().clean()
        maker = self.product.seller if self.product_id else None
        if maker and self.partner_id and self.partner_id != maker.pk:
            raise ValidationError(
                {"partner": _("Only its maker, %(seller)s, sells this product.") % {"seller": maker.name}}
            )

    def save(self, *args, **kwargs):
        """Keep the product's maker and its seller one: a product without a maker takes this partner."""
        self.clean()
        super().save(*args, **kwargs)
        if self.product.seller_id is None:
            self.product.seller = self.partner
            self.product.save()


class ImportBatch(models.Model):
    """A spreadsheet of sellers and products a union officer uploaded: checked, then imported row by row.

    Its rows wait in ImportRow; the task that imports them (sellers.importing.import_batch) counts
    its progress here, so the page can show it while a worker goes through 2,000 rows.
    """

    class Status(models.TextChoices):
        CHECKED = "checked", _("Checked, waiting to be confirmed")
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("Importing")
        DONE = "done", _("Imported")

    file_name = models.CharField(_("Spreadsheet"), max_length=255)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("Uploaded by"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("Uploaded at"), auto_now_add=True)
    status = models.CharField(_("Status"), max_length=16, choices=Status, default=Status.CHECKED)
    rows_total = models.PositiveIntegerField(_("Rows"), default=0)
    rows_done = models.PositiveIntegerField(_("Rows imported so far"), default=0)
    confirmed_at = models.DateTimeField(_("Confirmed at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("Finished at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("Import of sellers")
        verbose_name_plural = _("Imports of sellers")

    def __str__(self):
        return self.file_name

    def get_absolute_url(self):
        return reverse("onboarding:batch", kwargs={"pk": self.pk})

    @property
    def percent_done(self):
        return 100 if not self.rows_total else min(100, self.rows_done * 100 // self.rows_total)


class ImportRow(models.Model):
    """One row of an import's sheets, what it says, its problems, and what importing it did."""

    class Sheet(models.TextChoices):
        SELLERS = "sellers", _("Sellers")
        PRODUCTS = "products", _("Products")

    class Outcome(models.TextChoices):
        READY = "ready", _("To add")
        ADDED = "added", _("Added")
        EXISTING = "existing", _("Already there")
        FAILED = "failed", _("Not imported")

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="rows")
    sheet = models.CharField(max_length=16, choices=Sheet)
    number = models.PositiveIntegerField(_("Row"))  # as the spreadsheet numbers it: the headers are row 1
    values = models.JSONField(default=dict)  # the cells, as text, by field name
    problems = models.JSONField(default=list)  # [code, {params}] pairs: sellers.importing.PROBLEMS
    outcome = models.CharField(max_length=16, choices=Outcome, default=Outcome.READY)
    seller = models.ForeignKey(Partner, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    product = models.ForeignKey(
        "catalogue.Product", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["batch", "-sheet", "number"]  # sellers before products: a product needs its seller
        constraints = [models.UniqueConstraint(fields=["batch", "sheet", "number"], name="one_import_row_per_row")]

    def __str__(self):
        return f"{self.get_sheet_display()} {self.number}"
class SellerLogManager(LogEntryManager):
    def log_create(self, instance, force_log=False, **kwargs):
        """auditlog's, and the entry names the seller whose row it is, and what she calls it (sellers.audit)."""
        seller_id, details = about(instance, kwargs.get("action"))
        kwargs.setdefault("seller_id", seller_id)
        kwargs.setdefault("additional_data", details)
        return super().log_create(instance, force_log=force_log, **kwargs)


class SellerLogEntry(AbstractLogEntry):
    """auditlog's entry (AUDITLOG_LOGENTRY_MODEL), kept per seller: who changed which of her rows, and
    whether it was done in her portal on her behalf (sellers/audit.py says what is logged)."""

    seller = models.ForeignKey(
        Partner, verbose_name=_("Seller"), null=True, blank=True, on_delete=models.SET_NULL, related_name="log"
    )
    on_behalf = models.BooleanField(_("Done on her behalf"), default=False)

    objects = SellerLogManager()

    class Meta(AbstractLogEntry.Meta):
        verbose_name = _("Change to a seller's shop")
        verbose_name_plural = _("Changes to sellers' shops")
        indexes = [models.Index(fields=["seller", "-timestamp"], name="seller_log_newest")]


from oscar.apps.partner.models import *  # noqa: E402, F403  (the rest of Oscar's models)
