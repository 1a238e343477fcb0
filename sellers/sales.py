"""What a seller's home page tells her: what she sold this month, and what is running out."""

from django.db.models import Count, DecimalField, F, Q, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from oscar.core.loading import get_model

from orders.status import LineStatus

Line = get_model("order", "Line")
StockRecord = get_model("partner", "StockRecord")

# "Running low" when a product's stock record sets no threshold of its own.
LOW_STOCK = 3


def start_of_month(now=None):
    """Midnight of the first day of this month, in the marketplace's time zone (Asia/Ho_Chi_Minh)."""
    now = timezone.localtime(now)
    return now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def sales_since(seller, since):
    """Her takings and items sold since `since`: her lines only, cancelled ones left out."""
    lines = Line.objects.filter(partner=seller, order__date_placed__gte=since).exclude(status=LineStatus.CANCELLED)
    totals = lines.aggregate(
        amount=Coalesce(Sum("line_price_incl_tax"), Value(0), output_field=DecimalField()),
        items=Coalesce(Sum("quantity"), 0),
        orders=Count("order", distinct=True),
    )
    return totals


def running_low(seller):
    """Her stock records with few or no units left to sell, the emptiest first, with their products."""
    left = F("num_in_stock") - Coalesce("num_allocated", 0)
    return (
        StockRecord.objects.filter(partner=seller)
        .annotate(left=left)
        .filter(Q(left__lte=Coalesce("low_stock_threshold", LOW_STOCK)))
        .select_related("product")
        .order_by("left", "product__title")
    )
