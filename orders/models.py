"""The order's records: Oscar's order models, and the shipments each order is split into, one per seller."""

from decimal import Decimal
from typing import NamedTuple

from django.db import models
from django.db.models import F, Q, Sum, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from oscar.apps.order.abstract_models import AbstractLine

from vietnam.phones import format_phone

from .status import LineStatus, OrderStatus, ShipmentStatus


class ShipmentQuerySet(models.QuerySet):
    def of(self, seller):
        """Her shipments, and no one else's; an order waiting for its card or transfer payment is not hers yet."""
        return self.filter(seller=seller).exclude(order__status=OrderStatus.PENDING_PAYMENT)

    def waiting(self):
        """New shipments she has not accepted yet."""
        return self.filter(status=ShipmentStatus.NEW)

    def to_do(self):
        """Shipments that still need her hands: new, accepted or packed."""
        return self.filter(status__in=Shipment.TO_DO)

    def to_send(self):
        """Accepted shipments she has still to pack or send."""
        return self.filter(status__in=(ShipmentStatus.ACCEPTED, ShipmentStatus.PACKED))

    def with_her_totals(self):
        """Each shipment with `her_items` and `her_total`: her lines not cancelled, counted in the same query.

        The lines are summed in the database so a list of shipments costs one query however long it is.
        """
        hers = Q(order__lines__partner=F("seller")) & ~Q(order__lines__status=LineStatus.CANCELLED)
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
    """One seller's part of an order (the buyer's parcel): her lines, which she accepts, packs and sends herself.

    Its status changes only through the verbs of orders/fulfilment.py and orders/cancelling.py.
    The table keeps the name it had when shipments lived in the partner app.
    """

    Status = ShipmentStatus

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

    order = models.ForeignKey(
        "order.Order", verbose_name=_("Order"), on_delete=models.CASCADE, related_name="shipments"
    )
    seller = models.ForeignKey(
        "partner.Partner", verbose_name=_("Seller"), on_delete=models.PROTECT, related_name="shipments"
    )
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
    # A delivered parcel whose money went back to its buyer (orders/returning.py): sent back, or never right.
    refunded_at = models.DateTimeField(_("Refunded at"), null=True, blank=True)
    refund_reason = models.TextField(_("Why it was refunded"), blank=True)

    objects = ShipmentQuerySet.as_manager()

    class Meta:
        db_table = "partner_shipment"
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
        return self.lines.exclude(status=LineStatus.CANCELLED)

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

    @property
    def is_cancelled(self):
        return self.status == self.Status.CANCELLED

    @property
    def is_refunded(self):
        return self.refunded_at is not None

    @property
    def has_left(self):
        """Whether the parcel has left its seller: sent, or delivered already."""
        return self.status in (self.Status.SHIPPED, self.Status.DELIVERED)

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


class Line(AbstractLine):
    """Oscar's order line; one seller's product in the order, live until it is cancelled."""

    @property
    def is_cancelled(self):
        return self.status == LineStatus.CANCELLED


from oscar.apps.order.models import *  # noqa: E402, F403  (the rest of Oscar's models)
