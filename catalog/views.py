"""Catalogue pages that read the database directly, so browsing needs no search server."""

from urllib.parse import unquote

from django.conf import settings
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView
from oscar.core.loading import get_model

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")


class CatalogueView(ListView):
    """All published products, newest first (replaces Oscar's Haystack browse view)."""

    context_object_name = "products"
    template_name = "oscar/catalogue/browse.html"
    paginate_by = settings.OSCAR_PRODUCTS_PER_PAGE

    def get_queryset(self):
        return Product.objects.for_cards().order_by("-date_created", "-pk")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["summary"] = _("All products")
        return context


class ProductCategoryView(CatalogueView):
    """Published products of a category and its subcategories."""

    template_name = "oscar/catalogue/category.html"

    def get(self, request, *args, **kwargs):
        self.category = get_object_or_404(Category, pk=kwargs["pk"])
        if not (self.category.is_public or request.user.is_staff):
            raise Http404
        # Categories are found by pk, so a renamed one redirects to its new path.
        expected_path = self.category.get_absolute_url()
        if unquote(expected_path) != unquote(request.path):
            query = request.META.get("QUERY_STRING")
            return HttpResponsePermanentRedirect(f"{expected_path}?{query}" if query else expected_path)
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        categories = self.category.get_descendants_and_self()
        return super().get_queryset().filter(categories__in=categories).distinct()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["category"] = self.category
        context["summary"] = self.category.name
        return context
