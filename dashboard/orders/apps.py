import oscar.apps.dashboard.orders.apps as oscar_orders_dashboard


class OrdersDashboardConfig(oscar_orders_dashboard.OrdersDashboardConfig):
    """Oscar's order screens, through the order's verbs; officers read, editors and operators act."""

    name = "dashboard.orders"
