"""Each seller's log (django-auditlog): what the Union's staff change of her shop, her products and her orders.

What is written: every change a member of staff makes, in a request, to a seller (Partner), her
products, their stock and price, their photos, her parcels (Shipment) and her order lines, in the
Oscar dashboard, the Django admin, Wagtail's admin, the application decisions, or in her own portal
while acting for her (`on_behalf`). What a seller or a buyer changes herself is not written: the log
tells her what others did to her shop. Work outside a request (a command, a worker's task) is
written only inside `recorded(actor)`.

Each entry (sellers.models.SellerLogEntry) carries the seller's id, so her log is one indexed query,
and what she calls the row (the product's title, the order's number) in `additional_data`, so her log
page reads no other table. Fields that follow others or change by themselves are left out (EXCLUDED).
"""

import contextlib
from contextvars import ContextVar

from auditlog.context import disable_auditlog, set_actor
from auditlog.middleware import AuditlogMiddleware
from auditlog.registry import auditlog
from auditlog.signals import pre_log
from django.apps import apps
from django.core.exceptions import ObjectDoesNotExist

# Each model logged, with the fields left out: timestamps, folded search copies, what follows another field.
EXCLUDED = {
    "partner.Partner": ["code", "slug", "bank_name", "approved_at", "approved_by"],
    "catalogue.Product": [
        "search_title", "search_text", "slug", "date_created", "date_updated", "rating", "is_discountable",
    ],
    "partner.StockRecord": ["date_created", "date_updated", "num_allocated", "price_currency"],
    "catalogue.ProductImage": ["date_created", "display_order"],
    "order.Shipment": ["created_at", "accepted_at", "packed_at", "shipped_at", "delivered_at", "cancelled_at"],
}  # fmt: skip
# Order lines: only what staff change of them.
INCLUDED = {"order.Line": ["status"]}

_recording = ContextVar("recording_sellers_log", default=False)


def register_models():
    """Connect auditlog to each logged model (from the app's ready())."""
    for label, fields in EXCLUDED.items():
        auditlog.register(apps.get_model(label), exclude_fields=list(fields))
    for label, fields in INCLUDED.items():
        auditlog.register(apps.get_model(label), include_fields=list(fields))
    pre_log.connect(_only_while_recording, dispatch_uid="sellers.audit.only_while_recording")


def _only_while_recording(sender, **kwargs):
    """auditlog asks before each entry: write it only for staff's requests and `recorded` work."""
    return _recording.get()


@contextlib.contextmanager
def recorded(actor):
    """Write what is changed inside, with `actor` as who did it (for work done outside a request)."""
    token = _recording.set(True)
    try:
        with set_actor(actor):
            yield
    finally:
        _recording.reset(token)


def about(instance, action):
    """(the seller's id, what she calls it) for an entry about `instance`, which the log page reads."""
    label = instance._meta.label
    if label == "partner.Partner":
        deleted = action == 2  # auditlog's Action.DELETE: she is gone, and her log with her
        return (None if deleted else instance.pk), {}
    if label == "catalogue.Product":
        return instance.seller_id, {"product": instance.title}
    if label == "catalogue.ProductImage":
        product = related(instance, "product")
        return (product.seller_id if product else None), {"product": product.title if product else ""}
    if label == "partner.StockRecord":
        product = related(instance, "product")
        return instance.partner_id, {"product": product.title if product else ""}
    if label == "order.Shipment":
        order = related(instance, "order")
        return instance.seller_id, {"order": order.number if order else ""}
    if label == "order.Line":
        order = related(instance, "order")
        return instance.partner_id, {"order": order.number if order else "", "product": instance.title}
    return None, {}


def related(instance, name):
    """The row `instance` points to, or None when it went first (deleting a product deletes its photos after)."""
    try:
        return getattr(instance, name)
    except ObjectDoesNotExist:
        return None


class AuditMiddleware(AuditlogMiddleware):
    """auditlog's middleware (the actor of each entry) for staff's requests; others write nothing.

    An entry made in a seller's portal by staff acting for her is marked `on_behalf`
    (the portal sets `request.acting_for`, sellers/portal/acting.py).
    """

    def __call__(self, request):
        user = getattr(request, "user", None)
        if not (user and user.is_authenticated and user.is_staff):
            with disable_auditlog():  # not even auditlog's read of the row before each save
                return self.get_response(request)
        token = _recording.set(True)
        try:
            return super().__call__(request)
        finally:
            _recording.reset(token)

    def get_extra_data(self, request):
        return {
            **super().get_extra_data(request),
            "on_behalf": lambda: getattr(request, "acting_for", None) is not None,
        }
