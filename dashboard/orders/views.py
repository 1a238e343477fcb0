"""Oscar's order screens, through the same door as everyone else (orders/processing.py, the order's verbs).

Union officers read orders; editors and operators act on them. A status change goes through the
event handler, which cancels the whole order or refuses with a reason; Oscar's line statuses,
shipping and payment events, and its bulk status change are not offered, since sellers and
payments move an order forward.
"""

from django.contrib import messages
from django.utils.translation import gettext as _
from oscar.apps.dashboard.orders import views
from oscar.apps.order.exceptions import InvalidOrderStatus

from dashboard.permissions import ActingNeedsPermissionMixin
from orders.cancelling import can_be_cancelled_by_staff

ACTING_PERMISSION = "order.change_order"


class OrderListView(ActingNeedsPermissionMixin, views.OrderListView):
    """Oscar's order list; selected orders can be downloaded, not moved to another status in bulk."""

    acting_permission = ACTING_PERMISSION
    actions = ("download_selected_orders",)


class OrderDetailView(ActingNeedsPermissionMixin, views.OrderDetailView):
    """Oscar's order page; staff who may change orders can write notes and cancel the whole order."""

    acting_permission = ACTING_PERMISSION
    order_actions = ("save_note", "delete_note", "change_order_status")
    line_actions = ()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_cancel"] = can_be_cancelled_by_staff(self.object)
        return context

    def change_order_status(self, request, order):
        """Overrides Oscar's: the move goes through the event handler, which cancels or says why it cannot."""
        new_status = request.POST.get("new_status", "").strip()
        reason = request.POST.get("reason", "")[:500]
        try:
            self.get_handler(user=request.user).handle_order_status_change(order, new_status, reason=reason)
        except InvalidOrderStatus as refused:
            messages.error(request, getattr(refused, "message", str(refused)))
        else:
            messages.success(
                request,
                _(
                    "Order #%(number)s is cancelled: its products are back on sale, and its buyer and sellers "
                    "are told. Money already paid by card is refunded."
                )
                % {"number": order.number},
            )
        return self.reload_page()


class ShippingAddressUpdateView(ActingNeedsPermissionMixin, views.ShippingAddressUpdateView):
    """Oscar's page of an order's delivery address: officers read it, editors correct it."""

    acting_permission = ACTING_PERMISSION


class LineDetailView(views.LineDetailView):
    """Oscar's page of one order line, to read."""

    http_method_names = ["get", "head", "options"]
