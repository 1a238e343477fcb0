import oscar.apps.customer.apps as oscar_customer
from django.urls import path


class CustomerConfig(oscar_customer.CustomerConfig):
    """Oscar's customer app; people log in with an email or a phone number. The label stays "customer"."""

    name = "customer"

    def get_urls(self):
        """Oscar's, and a page where a guest finds her order by its number and her phone number."""
        urls = [path("order-status/", self.anon_order_form_view.as_view(), name="guest-order-lookup")]
        return urls + super().get_urls()
