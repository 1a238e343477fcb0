import oscar.apps.dashboard.apps as oscar_dashboard


class DashboardConfig(oscar_dashboard.DashboardConfig):
    """Oscar's dashboard, forked only so its catalogue part can be. The label stays "dashboard"."""

    name = "dashboard"
