"""Catalogue pages that read the database directly, so browsing and search need no search server."""

from urllib.parse import unquote

from django.db.models import Exists, OuterRef
from django.http import Http404, HttpResponsePermanentRedirect, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from oscar.apps.catalogue import views as oscar_views
from oscar.core.loading import get_model

from .browsing import product_listing, public_categories, suggestions_for
from .search import search_terms

Category = get_model("catalogue", "Category")
Product = get_model("catalogue", "Product")


class CatalogueView(TemplateView):
    """All published products, filtered and sorted from the query string (replaces Oscar's Haystack browse view)."""

    template_name = "oscar/catalogue/browse.html"
    category = None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form, page = product_listing(
            self.request.GET, category=self.category, categories=public_categories(self.request)
        )
        context.update(
            form=form,
            page_obj=page,
            paginator=page.paginator,
            is_paginated=page.has_other_pages(),
            products=page.object_list,
            summary=_("All products"),
        )
        return context


class ProductCategoryView(CatalogueView):
    """Published products of a category and its subcategories."""

    template_name = "oscar/catalogue/category.html"

    def get(self, request, *args, **kwargs):
        # A public one is among those every listing reads; staff may also see one that is not.
        pk = int(kwargs["pk"])
        self.category = public_categories(request).get(pk) or get_object_or_404(Category, pk=pk)
        if not (self.category.is_public or request.user.is_staff):
            raise Http404
        # Categories are found by pk, so a renamed one redirects to its new path.
        expected_path = self.category.get_absolute_url()
        if unquote(expected_path) != unquote(request.path):
            query = request.META.get("QUERY_STRING")
            return HttpResponsePermanentRedirect(f"{expected_path}?{query}" if query else expected_path)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["category"] = self.category
        context["summary"] = self.category.name
        return context


class ProductSearchView(CatalogueView):
    """Products matching the words of `q`, accents or not (replaces Oscar's search)."""

    template_name = "oscar/search/results.html"

    def get(self, request, *args, **kwargs):
        if not search_terms(request.GET.get("q", "")):
            # Nothing to search for: the catalogue, with whatever filters came along.
            params = request.GET.copy()
            params.pop("q", None)
            params.pop("page", None)
            query = params.urlencode()
            return HttpResponseRedirect(reverse("catalogue:index") + (f"?{query}" if query else ""))
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = context["form"]
        context["query"] = form.query
        context["summary"] = form.query
        if not context["paginator"].count and not form.active_filters():
            context["suggestions"] = suggestions_for(form.query)
        return context


OTHER_PRODUCTS = 4
STORIES = 3
REVIEWS = 5


class ProductDetailView(oscar_views.ProductDetailView):
    """Oscar's product page; what it shows takes the same number of queries however much there is."""

    def get_queryset(self):
        """The product with its maker and kind, and whether it has options (the basket form asks).

        Its photos are read by the gallery and the link preview's picture, kept drawn (detail.html): only to draw them.
        """
        Option = get_model("catalogue", "Option")
        AttributeValue = get_model("catalogue", "ProductAttributeValue")
        return (
            super()
            .get_queryset()
            .select_related("seller", "product_class")
            .annotate(  # as Oscar's base_queryset() does for its lists: Product.has_options reads these
                has_product_class_options=Exists(Option.objects.filter(productclass=OuterRef("product_class"))),
                has_product_options=Exists(Option.objects.filter(product=OuterRef("pk"))),
                # Few products have attributes beyond the label's own fields: the page asks for them only then.
                has_attribute_values=Exists(AttributeValue.objects.filter(product=OuterRef("pk"))),
            )
        )

    def is_viewable(self, product, request):
        """Oscar's rule, and her seller must be approved (staff still see it, to check it)."""
        seller_public = product.seller is None or product.seller.is_public
        return super().is_viewable(product, request) and (seller_public or request.user.is_staff)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        product, user = self.object, self.request.user
        if product.seller:
            context["maker_stories"] = product.seller.stories.live().public().order_by("-first_published_at")[:STORIES]
            context["other_products"] = (
                Product.objects.for_cards().made_by(product.seller).exclude(pk=product.pk)[:OTHER_PRODUCTS]
            )
        # Oscar keeps the rating of the approved reviews with the product, None while there are none.
        reviews = product.reviews.approved().select_related("user").order_by("-date_created")[:REVIEWS]
        context["reviews"] = reviews if product.rating is not None else []
        context["can_review"] = product.is_review_permitted(user)
        context["own_review"] = product.reviews.filter(user=user).first() if user.is_authenticated else None
        return context
