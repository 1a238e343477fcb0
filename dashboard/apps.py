import oscar.apps.dashboard.apps as oscar_dashboard


class DashboardConfig(oscar_dashboard.DashboardConfig):
    """Oscar's dashboard, forked so its catalogue, order and seller screens can be. The label stays "dashboard"."""

    name = "dashboard"
