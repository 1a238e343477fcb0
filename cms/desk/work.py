"""What waits for the Women's Union's staff: each pile is a count and its oldest items.

Every pile costs two queries whatever its size (a count, then the oldest few with what a panel shows
of them), so the staff's home costs the same with 5 or 5,000 things waiting.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import IntegerField, OuterRef, Subquery
from django.db.models.functions import Cast
from django.utils import timezone
from oscar.core.loading import get_model
from wagtail.models import Page, WorkflowState

from orders.status import OrderStatus
from payments.methods import VIETQR

Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
ProductReview = get_model("reviews", "ProductReview")
Order = get_model("order", "Order")

OLDEST = 5  # items a panel lists; its link leads to the rest
CERTIFICATE_WARNING_DAYS = 60


@dataclass(frozen=True)
class Pile:
    count: int
    oldest: list


def pile_of(queryset, size=OLDEST):
    """The count of `queryset` and its first `size` rows in its own order (two queries)."""
    return Pile(count=queryset.count(), oldest=list(queryset[:size]))


def waiting_applications():
    """Applications to sell waiting for an editor's decision, first sent first."""
    return Partner.objects.filter(status=Partner.Status.APPLIED).select_related("registered_by").order_by("pk")


def pages_awaiting_approval():
    """Pages (stories mostly) in the Union's approval workflow, submitted longest ago first; each with its
    page's `title` (Wagtail keeps a workflow's object as text, hence the cast)."""
    page = Page.objects.filter(pk=Cast(OuterRef("object_id"), output_field=IntegerField()))
    return (
        WorkflowState.objects.active()
        .filter(base_content_type__app_label="wagtailcore", base_content_type__model="page")
        .annotate(title=Subquery(page.values("title")[:1]))
        .select_related("requested_by")
        .order_by("created_at", "pk")
    )


def reviews_to_moderate():
    """Buyers' reviews waiting for moderation, oldest first, with their product."""
    return (
        ProductReview.objects.filter(status=ProductReview.FOR_MODERATION)
        .select_related("product")
        .order_by("date_created", "pk")
    )


def transfers_to_record():
    """Orders to be paid by VietQR transfer whose transfer nobody has recorded yet, oldest first."""
    return (
        Order.objects.filter(status=OrderStatus.PENDING_PAYMENT, sources__source_type__code=VIETQR)
        .distinct()
        .order_by("date_placed", "pk")
    )


def certificates_expiring(today=None, days=CERTIFICATE_WARNING_DAYS):
    """Products whose OCOP certificate runs out from today to `days` ahead, soonest first, with their seller."""
    today = today or timezone.localdate()
    return (
        Product.objects.filter(ocop_expires_on__gte=today, ocop_expires_on__lte=today + timedelta(days=days))
        .select_related("seller")
        .order_by("ocop_expires_on", "pk")
    )
