import oscar.apps.customer.apps as oscar_customer
from django.contrib.auth.signals import user_logged_in
from django.urls import path

from orders.guests import forget_guest_orders


def forget_guest_orders_on_login(sender, request, user, **kwargs):
    """Someone logging in on a device does not open the guest orders it remembers (Django keeps the session's
    data through a login): they may be another woman's."""
    if request is not None and hasattr(request, "session"):
        forget_guest_orders(request.session)


class CustomerConfig(oscar_customer.CustomerConfig):
    """Oscar's customer app; people log in with an email or a phone number. The label stays "customer"."""

    name = "customer"

    def ready(self):
        super().ready()
        user_logged_in.connect(forget_guest_orders_on_login, dispatch_uid="customer.forget_guest_orders_on_login")

    def get_urls(self):
        """Oscar's, and a page where a guest finds her order by its number and her phone number."""
        urls = [path("order-status/", self.anon_order_form_view.as_view(), name="guest-order-lookup")]
        return urls + super().get_urls()
