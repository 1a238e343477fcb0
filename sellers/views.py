from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView
from oscar.core.loading import get_model

from shop.geography import ward_name

Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")


class SellerListView(ListView):
    """The sellers directory: approved sellers, by name, optionally of one commune."""

    template_name = "sellers/partner_list.html"
    context_object_name = "sellers"
    paginate_by = 24

    def get_queryset(self):
        sellers = Partner.objects.public().order_by("name")
        commune = self.request.GET.get("commune", "")
        return sellers.filter(commune_code=commune) if commune.isdigit() else sellers

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        codes = Partner.objects.public().exclude(commune_code=None).values_list("commune_code", flat=True).distinct()
        context["communes"] = sorted(((code, ward_name(code)) for code in codes), key=lambda item: item[1])
        context["chosen_commune"] = self.request.GET.get("commune", "")
        context["title"] = _("Our sellers")
        return context


class SellerDetailView(DetailView):
    """A seller's public page: her photo, story and products; only while the Union approves her."""

    template_name = "sellers/partner_detail.html"
    context_object_name = "seller"

    def get_queryset(self):
        return Partner.objects.public()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["products"] = Product.objects.for_cards().made_by(self.object)
        context["stories"] = self.object.stories.live().public().order_by("-first_published_at")
        return context
