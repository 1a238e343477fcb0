"""The whole list behind a panel of the staff's home that Oscar's dashboard has no list for."""

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.utils.translation import gettext_lazy
from django.views.generic import ListView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from vietnam.phones import format_phone

from .work import CERTIFICATE_WARNING_DAYS, certificates_expiring


class CertificateListView(PermissionRequiredMixin, WagtailAdminTemplateMixin, ListView):
    """Every product whose OCOP certificate runs out in the next 60 days, soonest first, with its seller:
    the Union reminds her to renew it before her product loses its badge."""

    permission_required = "catalogue.view_product"
    raise_exception = True
    template_name = "cms/home/certificates.html"
    page_title = gettext_lazy("OCOP certificates running out")
    header_icon = "time"
    context_object_name = "products"
    paginate_by = 50
    page_kwarg = "p"

    def get_queryset(self):
        return certificates_expiring()

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(days=CERTIFICATE_WARNING_DAYS, **kwargs)
        for product in context["products"]:
            product.seller_phone = format_phone(product.seller.phone) if product.seller else ""
        return context
