"""Staff record a bank transfer that arrived for an order (from the dashboard's order page)."""

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View
from oscar.core.loading import get_model

from orders.paying import mark_order_paid
from orders.status import OrderStatus
from payments.methods import VIETQR

Order = get_model("order", "Order")


class TransferReceivedView(PermissionRequiredMixin, View):
    """POST: the order's transfer is on the Union's statement; the order goes to its sellers.

    Staff who may change orders only; anyone else is sent to log in, or refused (403). An order the
    buyer did not choose to pay by VietQR transfer is refused (400) and nothing is recorded.
    """

    permission_required = "order.change_order"
    http_method_names = ["post"]

    def post(self, request, order_number):
        order = get_object_or_404(Order, number=order_number)
        if not order.sources.filter(source_type__code=VIETQR).exists():
            return HttpResponseBadRequest(
                _("Order #%(number)s is not paid by bank transfer: no transfer can be recorded for it.")
                % {"number": order.number},
                content_type="text/plain; charset=utf-8",
            )
        bank_reference = request.POST.get("bank_reference", "").strip()[:100]
        reference = _("Bank transfer recorded by %(user)s") % {"user": request.user.get_username()}
        if bank_reference:
            reference = f"{reference}: {bank_reference}"
        was_paid = order.sources.filter(source_type__code=VIETQR, amount_debited__gte=order.total_incl_tax).exists()
        order = mark_order_paid(order, amount=order.total_incl_tax, reference=reference[:255], method_code=VIETQR)
        if was_paid:
            messages.info(
                request, _("The transfer for order #%(number)s was already recorded.") % {"number": order.number}
            )
        elif order.status == OrderStatus.CANCELLED:
            messages.warning(
                request,
                _(
                    "The transfer is recorded, but order #%(number)s was cancelled: give the money back to the buyer "
                    "(the order's notes say how much)."
                )
                % {"number": order.number},
            )
        else:
            messages.success(
                request,
                _("Transfer recorded: order #%(number)s has gone to its sellers.") % {"number": order.number},
            )
        return redirect("dashboard:order-detail", number=order.number)
