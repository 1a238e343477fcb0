"""The product page: Oscar's view, with the maker's stories and other products, and the reviews."""

from oscar.apps.catalogue import views as oscar_views
from oscar.core.loading import get_model

Product = get_model("catalogue", "Product")

OTHER_PRODUCTS = 4
STORIES = 3
REVIEWS = 5


class ProductDetailView(oscar_views.ProductDetailView):
    """Oscar's product page; what it shows takes the same number of queries however much there is."""

    def get_queryset(self):
        return super().get_queryset().select_related("seller", "product_class").prefetch_related("images")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        product, user = self.object, self.request.user
        if product.seller:
            context["maker_stories"] = product.seller.stories.live().public().order_by("-first_published_at")[:STORIES]
            context["other_products"] = (
                Product.objects.for_cards().made_by(product.seller).exclude(pk=product.pk)[:OTHER_PRODUCTS]
            )
        context["reviews"] = product.reviews.approved().select_related("user").order_by("-date_created")[:REVIEWS]
        context["can_review"] = product.is_review_permitted(user)
        context["own_review"] = product.reviews.filter(user=user).first() if user.is_authenticated else None
        return context
