import oscar.apps.dashboard.partners.apps as oscar_partners_dashboard


class PartnersDashboardConfig(oscar_partners_dashboard.PartnersDashboardConfig):
    """Oscar's sellers dashboard, where only staff who may change sellers change one."""

    name = "dashboard.partners"
