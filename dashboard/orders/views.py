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

from dashboard.acting import ActingNeedsPermissionMixin
from orders.cancelling import can_be_cancelled_by_staff
from payments.instructions import payment_of

ACTING_PERMISSION = "order.change_order"


class OrderListView(ActingNeedsPermissionMixin, views.OrderListView):
    """Oscar's order list; selected orders can be downloaded, not moved to another status in bulk."""

    acting_permission = ACTING_PERMISSION
    actions = ("download_selected_orders",)
    reading_actions = ("download_selected_orders",)  # a spreadsheet of what she may read already


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
            message = _(
                "Order #%(number)s is cancelled: its products are back on sale, and its buyer and sellers are told."
            )
            messages.success(request, message % {"number": order.number})
            payment = payment_of(order)
            if payment.is_card and payment.amount_paid > payment.amount_refunded:
                messages.info(request, _("The card payment is being refunded."))
            elif payment.is_vietqr and payment.amount_paid > 0:
                messages.warning(request, _("The bank transfer is owed back: the order's notes say how much."))
        return self.reload_page()

    def delete_note(self, request, order):
        """Oscar's, for notes that may still be edited only: the order's history (system notes) stays."""
        note = order.notes.filter(pk=request.POST.get("note_id")).first()
        if note is None or not note.is_editable():
            return self.reload_page(error=_("This note cannot be deleted."))
        return super().delete_note(request, order)


class ShippingAddressUpdateView(ActingNeedsPermissionMixin, views.ShippingAddressUpdateView):
    """Oscar's page of an order's delivery address: officers read it, editors correct it."""

    acting_permission = ACTING_PERMISSION


class LineDetailView(views.LineDetailView):
    """Oscar's page of one order line, to read."""

    http_method_names = ["get", "head", "options"]
