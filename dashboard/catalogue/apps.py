import oscar.apps.dashboard.catalogue.apps as oscar_catalogue_dashboard


class CatalogueDashboardConfig(oscar_catalogue_dashboard.CatalogueDashboardConfig):
    """Oscar's product dashboard, whose form also edits the maker, OCOP and label data."""

    name = "dashboard.catalogue"
