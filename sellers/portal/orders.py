"""My orders: her shipments, her lines, and the steps from new to delivered.

Every shipment comes from the URL's `shipment_pk` through `my_shipments()`, so another seller's
is a 404 for reading and for every step alike. The steps themselves are the order's verbs
(orders/fulfilment.py, orders/cancelling.py).
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView, TemplateView
from oscar.core.loading import get_model

from orders import cancelling, fulfilment
from orders.amounts import parcel_amounts, with_parcel_amounts
from orders.payment_methods import PaymentMethodCode
from orders.refusals import Refused

from .access import SellerPortalMixin
from .order_forms import CancelForm, ShipForm

Shipment = get_model("order", "Shipment")

# The chips above her list, as (key in ?status=, label, statuses shown or None for all).
FILTERS = [
    ("todo", _("To do"), Shipment.TO_DO),
    ("shipped", _("Sent"), (Shipment.Status.SHIPPED,)),
    ("delivered", _("Delivered"), (Shipment.Status.DELIVERED,)),
    ("cancelled", _("Cancelled"), (Shipment.Status.CANCELLED,)),
    ("all", _("All"), None),
]
DEFAULT_FILTER = "todo"

# The way from a new order to the buyer's door, as the detail page draws it.
PROGRESS = [
    Shipment.Status.NEW,
    Shipment.Status.ACCEPTED,
    Shipment.Status.PACKED,
    Shipment.Status.SHIPPED,
    Shipment.Status.DELIVERED,
]


class OrderListView(SellerPortalMixin, ListView):
    """Her shipments, newest first, those that need her first."""

    template_name = "sellers/portal/orders/list.html"
    context_object_name = "shipments"
    paginate_by = 20

    def get(self, request, *args, **kwargs):
        keys = [key for key, _label, _statuses in FILTERS]
        chosen = request.GET.get("status")
        self.filter_key = chosen if chosen in keys else DEFAULT_FILTER
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        # Newest first, said again: a query that sums (GROUP BY) leaves the model's ordering out.
        shipments = self.my_shipments().with_her_totals().select_related("order").order_by("-created_at", "-pk")
        statuses = {key: statuses for key, _label, statuses in FILTERS}[self.filter_key]
        return shipments if statuses is None else shipments.filter(status__in=statuses)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # What she collects for each, with one query for the page's payment methods.
        context["shipments"] = with_parcel_amounts(context["shipments"])
        # Only what waits for her gets a number: five counts would push the chips onto three lines.
        to_do = self.my_shipments().to_do().count()
        context["filters"] = [
            {
                "key": key,
                "label": label,
                "count": to_do if key == DEFAULT_FILTER else None,
                "current": key == self.filter_key,
            }
            for key, label, _statuses in FILTERS
        ]
        context["filter_key"] = self.filter_key
        return context


class OrderDetailView(SellerPortalMixin, TemplateView):
    """One of her shipments: her lines and fee, how the buyer pays and what to collect, whom to send
    them to, and the one next step."""

    template_name = "sellers/portal/orders/detail.html"

    def get(self, request, *args, **kwargs):
        self.shipment = self.get_shipment()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        """Nothing is sent to the order's own address: hers is shown again, another seller's is not found."""
        return redirect(self.get_shipment())

    def get_shipment(self):
        shipments = self.my_shipments().with_her_totals().select_related("order__shipping_address", "order__user")
        return get_object_or_404(shipments, pk=self.kwargs["shipment_pk"])

    def get_context_data(self, ship_form=None, cancel_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        shipment = self.shipment
        amounts = parcel_amounts(shipment)
        context.update(
            shipment=shipment,
            order=shipment.order,
            lines=list(shipment.lines.order_by("pk")),
            amounts=amounts,
            payment_method=PaymentMethodCode(amounts.method_code).label,
            buyer=shipment.buyer_details(),
            progress=_progress(shipment),
        )
        if shipment.status == Shipment.Status.PACKED:
            context["ship_form"] = ship_form or ShipForm()
        if shipment.can_cancel:
            context["cancel_form"] = cancel_form or CancelForm(shipment)
        return context


def _progress(shipment):
    """Each step of the way, done or not, with the one she is at marked; nothing for a cancelled shipment."""
    if shipment.status == Shipment.Status.CANCELLED:
        return []
    reached = PROGRESS.index(shipment.status)
    return [
        {"label": Shipment.Status(status).label, "done": index <= reached, "current": index == reached}
        for index, status in enumerate(PROGRESS)
    ]


class StepView(OrderDetailView):
    """A tap on the next step; she comes back to the order, told what happened."""

    step = None  # a verb of orders/fulfilment.py or orders/cancelling.py, as staticmethod(…)
    done_message = ""

    def get(self, request, *args, **kwargs):
        """Steps are taken by POST; opening the address (a reload, a shared link) shows the order."""
        return redirect(self.get_shipment())

    def post(self, request, *args, **kwargs):
        self.shipment = self.get_shipment()
        return self.take_step()

    def take_step(self, **arguments):
        try:
            self.step(self.shipment, by=self.request.user, **arguments)
        except Refused as refusal:
            messages.error(self.request, refusal.message)
        else:
            messages.success(self.request, self.done_message)
        # "#top": a redirect keeps the form's #fragment otherwise, and the message is at the top.
        return redirect(self.shipment.get_absolute_url() + "#top")


class AcceptView(StepView):
    step = staticmethod(fulfilment.accept_shipment)
    done_message = _("Order accepted. When the parcel is ready, tap “It is packed”.")


class PackView(StepView):
    step = staticmethod(fulfilment.pack_shipment)
    done_message = _("Packed. When you hand the parcel over, tap “I have sent it”.")


class ShipView(StepView):
    step = staticmethod(fulfilment.ship_shipment)
    done_message = _("Sent. The buyer can now follow the parcel.")

    def post(self, request, *args, **kwargs):
        self.shipment = self.get_shipment()
        form = ShipForm(request.POST)
        if not form.is_valid() and self.shipment.status == Shipment.Status.PACKED:
            return self.render_to_response(self.get_context_data(ship_form=form))
        data = form.cleaned_data
        return self.take_step(carrier=data.get("carrier_name", ""), tracking_code=data.get("tracking_code", ""))


class DeliverView(StepView):
    step = staticmethod(fulfilment.deliver_shipment)
    done_message = _("Delivered. Thank you!")


class CancelView(StepView):
    step = staticmethod(cancelling.cancel_lines)
    done_message = _("Cancelled. The buyer has been told, and the products are on sale again.")

    def post(self, request, *args, **kwargs):
        self.shipment = self.get_shipment()
        form = CancelForm(self.shipment, request.POST)
        if not form.is_valid() and self.shipment.can_cancel:
            return self.render_to_response(self.get_context_data(cancel_form=form))
        data = form.cleaned_data
        return self.take_step(lines=data.get("lines", []), reason=data.get("reason_text", ""))


urlpatterns = [
    path("", OrderListView.as_view(), name="orders"),
    path("<int:shipment_pk>/", OrderDetailView.as_view(), name="order-detail"),
    path("<int:shipment_pk>/nhan/", AcceptView.as_view(), name="order-accept"),
    path("<int:shipment_pk>/dong-goi/", PackView.as_view(), name="order-pack"),
    path("<int:shipment_pk>/gui/", ShipView.as_view(), name="order-ship"),
    path("<int:shipment_pk>/da-giao/", DeliverView.as_view(), name="order-deliver"),
    path("<int:shipment_pk>/huy/", CancelView.as_view(), name="order-cancel"),
]
