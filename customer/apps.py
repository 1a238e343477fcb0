import oscar.apps.customer.apps as oscar_customer


class CustomerConfig(oscar_customer.CustomerConfig):
    """Oscar's customer app; people log in with an email or a phone number. The label stays "customer"."""

    name = "customer"
