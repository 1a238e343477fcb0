from oscar.apps.dashboard.catalogue import views

from dashboard.acting import ActingNeedsPermissionMixin


class ProductListView(ActingNeedsPermissionMixin, views.ProductListView):
    """Oscar's product list: officers read it; its bulk actions need the right to change products."""

    acting_permission = "catalogue.change_product"


class CategoryListView(ActingNeedsPermissionMixin, views.CategoryListView):
    """Oscar's categories: officers read them; hiding or showing them needs the right to change categories."""

    acting_permission = "catalogue.change_category"


class CategoryDetailListView(ActingNeedsPermissionMixin, views.CategoryDetailListView):
    """Oscar's subcategories of a category, as CategoryListView."""

    acting_permission = "catalogue.change_category"
