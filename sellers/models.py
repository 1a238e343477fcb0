from decimal import Decimal
from typing import NamedTuple

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q, Sum, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from oscar.apps.partner.abstract_models import AbstractPartner, AbstractStockRecord

from vietnam.geography import validate_ward, ward_name
from vietnam.phones import format_phone, normalise_phone, validate_mobile
from vietnam.text import unique_slug

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
    bank_name = models.CharField(_("Bank"), max_length=64, blank=True)
    bank_account_number = models.CharField(_("Account number"), max_length=32, blank=True)
    bank_account_holder = models.CharField(_("Account holder"), max_length=128, blank=True)
    ethnic_group = models.CharField(_("Ethnic group"), max_length=32, blank=True)
    show_ethnic_group = models.BooleanField(
        _("Show my ethnic group on my page"), default=False, help_text=_("Only if she agrees.")
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

    def save(self, *args, **kwargs):
        self.phone = normalise_phone(self.phone) or self.phone
        self.zalo = normalise_phone(self.zalo) or self.zalo
        if not self.slug:
            others = type(self)._default_manager.exclude(pk=self.pk)
            self.slug = unique_slug(others, self.name, fallback="nguoi-ban", reserved=RESERVED_SLUGS)
        renamed = self.pk and type(self)._default_manager.filter(pk=self.pk).exclude(name=self.name).exists()
        super().save(*args, **kwargs)
        if renamed:
            self.refold_products()
        from catalog.browsing import forget_communes

        forget_communes()  # her products' communes come and go from the filter with her status

    def get_absolute_url(self):
        return reverse("sellers:detail", kwargs={"slug": self.slug})

    @property
    def commune(self):
        """Her commune or ward, by name."""
        return ward_name(self.commune_code)

    @property
    def is_public(self):
        return self.status == self.Status.APPROVED

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


class ShipmentQuerySet(models.QuerySet):
    def of(self, seller):
        """Her shipments, and no one else's; an order waiting for its card or transfer payment is not hers yet."""
        from shop.order_status import PENDING_PAYMENT

        return self.filter(seller=seller).exclude(order__status=PENDING_PAYMENT)

    def waiting(self):
        """New shipments she has not accepted yet."""
        return self.filter(status=Shipment.Status.NEW)

    def to_do(self):
        """Shipments that still need her hands: new, accepted or packed."""
        return self.filter(status__in=Shipment.TO_DO)

    def to_send(self):
        """Accepted shipments she has still to pack or send."""
        return self.filter(status__in=(Shipment.Status.ACCEPTED, Shipment.Status.PACKED))

    def with_her_totals(self):
        """Each shipment with `her_items` and `her_total`: her lines not cancelled, counted in the same query.

        The lines are summed in the database so a list of shipments costs one query however long it is.
        """
        hers = Q(order__lines__partner=F("seller")) & ~Q(order__lines__status=Shipment.LINE_CANCELLED)
        return self.annotate(
            her_items=Coalesce(Sum("order__lines__quantity", filter=hers), 0),
            her_total=Coalesce(
                Sum("order__lines__line_price_incl_tax", filter=hers),
                Value(Decimal("0.00")),
                output_field=models.DecimalField(max_digits=12, decimal_places=2),
            ),
        )


class BuyerDetails(NamedTuple):
    """What a seller may know of the buyer: a name, and, while she is sending, a phone and an address."""

    name: str
    phone: str  # E.164, for a tel: link; "" once the shipment is closed
    address: list  # street to province while open; only the commune and province afterwards
    notes: str

    @property
    def phone_display(self):
        """0912 345 678, as she would dial it."""
        return format_phone(self.phone)


class Shipment(models.Model):
    """One seller's part of an order: her lines, which she accepts, packs and sends herself."""

    class Status(models.TextChoices):
        NEW = "new", _("New")
        ACCEPTED = "accepted", _("Accepted")
        PACKED = "packed", _("Packed")
        SHIPPED = "shipped", _("Shipped")
        DELIVERED = "delivered", _("Delivered")
        CANCELLED = "cancelled", _("Cancelled")

    # The one step forward from each status; cancelling is possible until it is shipped.
    NEXT = {
        Status.NEW: Status.ACCEPTED,
        Status.ACCEPTED: Status.PACKED,
        Status.PACKED: Status.SHIPPED,
        Status.SHIPPED: Status.DELIVERED,
    }
    CANCELLABLE = (Status.NEW, Status.ACCEPTED, Status.PACKED)
    TO_DO = (Status.NEW, Status.ACCEPTED, Status.PACKED)
    CLOSED = (Status.DELIVERED, Status.CANCELLED)
    # When each status was reached.
    STAMPS = {
        Status.ACCEPTED: "accepted_at",
        Status.PACKED: "packed_at",
        Status.SHIPPED: "shipped_at",
        Status.DELIVERED: "delivered_at",
        Status.CANCELLED: "cancelled_at",
    }
    # Oscar's order line status is free text; this one marks a line its seller cancelled.
    LINE_CANCELLED = "Cancelled"

    order = models.ForeignKey(
        "order.Order", verbose_name=_("Order"), on_delete=models.CASCADE, related_name="shipments"
    )
    seller = models.ForeignKey(Partner, verbose_name=_("Seller"), on_delete=models.PROTECT, related_name="shipments")
    status = models.CharField(_("Status"), max_length=16, choices=Status, default=Status.NEW, db_index=True)
    shipping_charge = models.DecimalField(_("Shipping fee"), max_digits=12, decimal_places=2, default=0)
    carrier = models.CharField(_("Carrier"), max_length=64, blank=True)
    tracking_code = models.CharField(_("Tracking code"), max_length=64, blank=True)
    cancel_reason = models.TextField(_("Why it was cancelled"), blank=True)
    created_at = models.DateTimeField(_("Placed at"), auto_now_add=True, db_index=True)
    accepted_at = models.DateTimeField(_("Accepted at"), null=True, blank=True)
    packed_at = models.DateTimeField(_("Packed at"), null=True, blank=True)
    shipped_at = models.DateTimeField(_("Shipped at"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("Delivered at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("Cancelled at"), null=True, blank=True)

    objects = ShipmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("Shipment")
        verbose_name_plural = _("Shipments")
        ordering = ["-created_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["order", "seller"], name="one_shipment_per_seller_and_order")]
        # Her list of orders, newest first.
        indexes = [models.Index(fields=["seller", "-created_at"], name="shipment_seller_newest")]

    def __str__(self):
        return f"{self.order.number} / {self.seller}"

    def get_absolute_url(self):
        """Her page of this shipment in the seller portal."""
        return reverse("seller-portal:order-detail", kwargs={"shipment_pk": self.pk})

    @property
    def lines(self):
        """Her lines of the order."""
        return self.order.lines.filter(partner_id=self.seller_id)

    @property
    def live_lines(self):
        """Her lines still to be sent: not cancelled."""
        return self.lines.exclude(status=self.LINE_CANCELLED)

    @property
    def next_status(self):
        return self.NEXT.get(self.status)

    @property
    def is_open(self):
        """Until it is delivered or cancelled, she sees the buyer's address and phone."""
        return self.status not in self.CLOSED

    @property
    def can_cancel(self):
        return self.status in self.CANCELLABLE

    def buyer_details(self):
        """The buyer as she may see them: whom to call and where to send while the shipment is open;
        once it is delivered or cancelled she needs neither, so only the name and commune remain."""
        address = self.order.shipping_address
        if address is None:
            user = self.order.user
            return BuyerDetails(user.get_full_name() if user else "", "", [], "")
        area = [part for part in (address.line4, address.state) if part]
        if not self.is_open:
            return BuyerDetails(address.name, "", area, "")
        street = [part for part in (address.line1, address.line2, address.line3) if part]
        phone = address.phone_number.as_e164 if address.phone_number else ""
        return BuyerDetails(address.name, phone, street + area, address.notes)


from oscar.apps.partner.models import *  # noqa: E402, F403  (the rest of Oscar's models)
