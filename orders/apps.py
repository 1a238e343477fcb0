import oscar.apps.order.apps as oscar_order


class OrderConfig(oscar_order.OrderConfig):
    """Oscar's order app; here it is the home of the order's whole life. The label stays "order"."""

    name = "orders"
