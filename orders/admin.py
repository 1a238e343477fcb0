"""Oscar's order admin, to read: an order changes only through its verbs (docs/architecture.md), never by a form."""

from django.contrib import admin
from oscar.apps.order import admin as oscar_admin
from oscar.apps.order.admin import *  # noqa: F403  (Oscar's admin for the other order models)

from .models import Line, Order, Shipment


class ReadOnlyAdmin(admin.ModelAdmin):
    """A record to read: staff see it; only the shop's own code writes it."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class LineInline(oscar_admin.LineInline):
    """Oscar's lines of an order, to read."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


admin.site.unregister(Order)
admin.site.unregister(Line)


@admin.register(Order)
class OrderAdmin(ReadOnlyAdmin, oscar_admin.OrderAdmin):
    inlines = [LineInline]


@admin.register(Line)
class LineAdmin(ReadOnlyAdmin, oscar_admin.LineAdmin):
    pass


@admin.register(Shipment)
class ShipmentAdmin(ReadOnlyAdmin):
    list_display = ["order", "seller", "status", "shipping_charge", "carrier", "tracking_code", "created_at"]
    list_filter = ["status"]
    list_select_related = ["order", "seller"]
    search_fields = ["order__number", "seller__name", "tracking_code"]
