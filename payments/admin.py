from django.contrib import admin

from orders.admin import ReadOnlyAdmin

from .models import CheckoutSession, StripeEvent


@admin.register(StripeEvent)
class StripeEventAdmin(ReadOnlyAdmin):
    list_display = ["event_id", "type", "order", "outcome", "created", "processed_at"]
    list_filter = ["type"]
    list_select_related = ["order"]
    search_fields = ["event_id", "order__number"]
    date_hierarchy = "processed_at"


@admin.register(CheckoutSession)
class CheckoutSessionAdmin(ReadOnlyAdmin):
    list_display = ["session_id", "order", "attempt", "expires_at", "created_at"]
    list_select_related = ["order"]
    search_fields = ["session_id", "order__number"]
