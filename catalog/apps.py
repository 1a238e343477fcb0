import oscar.apps.catalogue.apps as oscar_catalogue


class CatalogueConfig(oscar_catalogue.CatalogueConfig):
    """Oscar's catalogue app, with OCOP product data. The label stays "catalogue"."""

    name = "catalog"
