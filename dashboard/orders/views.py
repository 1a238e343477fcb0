"""Oscar's order screens, through the same door as everyone else (orders/processing.py, the order's verbs).

Union officers read orders; editors and operators act on them. A status change goes through the
event handler, which cancels the whole order or refuses with a reason; Oscar's line statuses,
shipping and payment events, and its bulk status change are not offered, since sellers and
payments move an order forward.
"""

from django.contrib import messages
from django.db.models import Q
from django.utils.translation import gettext as _
from oscar.apps.dashboard.orders import views
from oscar.apps.order.exceptions import InvalidOrderStatus

from dashboard.acting import ActingNeedsPermissionMixin
from orders.cancelling import can_be_cancelled_by_staff
from orders.refusals import Refused
from orders.returning import parcel_refund, refund_delivered_shipment
from orders.status import ShipmentStatus
from payments.instructions import payment_of
from vietnam.phones import format_phone

ACTING_PERMISSION = "order.change_order"


class OrderListView(ActingNeedsPermissionMixin, views.OrderListView):
    """Oscar's order list; selected orders can be downloaded, not moved to another status in bulk."""

    acting_permission = ACTING_PERMISSION
    actions = ("download_selected_orders",)
    reading_actions = ("download_selected_orders",)  # a spreadsheet of what she may read already

    def get_queryset(self):
        """Oscar's, with each order's basket (whether a guest placed it: dashboard_buyers.placed_by_guest), and the
        orders delivered to or placed by the phone number searched."""
        queryset = super().get_queryset().select_related("basket")
        phone = self.searched_phone()
        if phone:
            queryset = queryset.filter(Q(shipping_address__phone_number=phone) | Q(user__phone=phone))
        return queryset

    def searched_phone(self):
        """The phone number searched for (its stored form when it is a mobile number), or None; Oscar's
        get_queryset made the form."""
        return self.form.cleaned_data.get("phone") if self.form.is_valid() else None

    def get_context_data(self, **kwargs):
        """Oscar's; the filters searched are listed by our template ("applied_filters"): Oscar's writes an
        untranslatable "Filters:" before them."""
        context = super().get_context_data(**kwargs)
        context["applied_filters"] = context.pop("search_filters")
        return context

    def get_search_filter_descriptions(self):
        descriptions = super().get_search_filter_descriptions()
        phone = self.searched_phone()
        if phone:
            shown = format_phone(phone) if phone.startswith("+84") else phone
            descriptions.append(_("Buyer's phone number is {phone}").format(phone=shown))
        return descriptions


class OrderDetailView(ActingNeedsPermissionMixin, views.OrderDetailView):
    """Oscar's order page; staff who may change orders can write notes and cancel the whole order."""

    acting_permission = ACTING_PERMISSION
    order_actions = ("save_note", "delete_note", "change_order_status", "refund_parcel")
    line_actions = ()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_cancel"] = can_be_cancelled_by_staff(self.object)
        delivered = self.object.shipments.filter(status=ShipmentStatus.DELIVERED).select_related("seller")
        context["delivered_parcels"] = [(shipment, parcel_refund(shipment)) for shipment in delivered.order_by("pk")]
        return context

    def refund_parcel(self, request, order):
        """A delivered parcel's money goes back to its buyer, with a reason; the seller's ledger follows."""
        shipment = order.shipments.filter(pk=request.POST.get("shipment_id")).first()
        if shipment is None:
            return self.reload_page(error=_("This parcel is not part of the order."))
        try:
            refund_delivered_shipment(shipment, reason=request.POST.get("refund_reason", "")[:500], by=request.user)
        except Refused as refused:
            return self.reload_page(error=refused.message)
        messages.success(
            request, _("%(seller)s's parcel is refunded; her balance is corrected.") % {"seller": shipment.seller.name}
        )
        return self.reload_page()

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
