"""The product chooser of the Wagtail admin: how an editor picks the products a story shows."""

from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView
from wagtail.admin.viewsets.chooser import ChooserViewSet

from catalog.search import search_products


class ProductSearchForm(BaseFilterForm):
    """Search by the shop's own folded text, so "mien dong" finds "Miến dong".

    Product is not indexed by Wagtail's search, whose database backends do not fold
    Vietnamese (see catalog/search.py).
    """

    q = forms.CharField(
        label=_("Search term"),
        widget=forms.TextInput(attrs={"placeholder": _("Search")}),
        required=False,
    )

    def filter(self, objects):
        query = self.cleaned_data.get("q")
        if query:
            objects = search_products(objects, query)
            self.is_searching = True
            self.search_query = query
        return objects


class ProductChooseMixin:
    filter_form_class = ProductSearchForm
    ordering = ["title", "pk"]

    @property
    def columns(self):
        return [
            *super().columns,
            Column("seller", label=_("Seller"), accessor="seller"),
        ]


class ProductChooseView(ProductChooseMixin, ChooseView):
    pass


class ProductChooseResultsView(ProductChooseMixin, ChooseResultsView):
    pass


class ProductChooserViewSet(ChooserViewSet):
    """Choose one product a buyer can see: public, from an approved seller."""

    model = "catalogue.Product"
    icon = "tag"
    choose_one_text = _("Choose a product")
    choose_another_text = _("Choose another product")
    choose_view_class = ProductChooseView
    choose_results_view_class = ProductChooseResultsView

    def get_object_list(self):
        return get_model("catalogue", "Product").objects.for_cards()


product_chooser_viewset = ProductChooserViewSet("product_chooser", url_prefix="product-chooser")


class SellerChooserViewSet(ChooserViewSet):
    """Choose one seller a buyer can see (approved, not suspended), for the home page."""

    model = "partner.Partner"
    icon = "group"
    choose_one_text = _("Choose a seller")
    choose_another_text = _("Choose another seller")

    def get_object_list(self):
        return get_model("partner", "Partner").objects.public().order_by("name")


seller_chooser_viewset = SellerChooserViewSet("seller_chooser", url_prefix="seller-chooser")
SellerChooserBlock = seller_chooser_viewset.get_block_class(name="SellerChooserBlock", module_path="cms.choosers")
