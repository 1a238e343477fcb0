from django.views.generic import DetailView
from oscar.core.loading import get_model

Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")


class SellerDetailView(DetailView):
    """A seller's public page: her photo, story and products."""

    model = Partner
    template_name = "sellers/partner_detail.html"
    context_object_name = "seller"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["products"] = Product.objects.for_cards().made_by(self.object)
        context["stories"] = self.object.stories.live().public().order_by("-first_published_at")
        return context
