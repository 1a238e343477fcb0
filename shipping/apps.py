import oscar.apps.shipping.apps as oscar_shipping


class ShippingConfig(oscar_shipping.ShippingConfig):
    """Oscar's shipping app; each seller sends her own lines, at fees staff set per zone. The label stays "shipping"."""

    name = "shipping"
