"""Who may use the seller portal, and the one rule of isolation: a seller reaches her own rows only.

Every portal view inherits SellerPortalMixin. It finds the approved business of the person
logged in (`self.seller`); anything taken from the URL must be looked up through
`self.my_products()`, `self.my_shipments()`…, so another seller's id is simply not found (404).
tests/integration/sellers/test_portal_isolation.py tries every portal URL as a second seller.
"""

from django.contrib.auth.mixins import AccessMixin
from django.shortcuts import render
from oscar.core.loading import get_model

Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
ProductImage = get_model("catalogue", "ProductImage")
Shipment = get_model("partner", "Shipment")
Line = get_model("order", "Line")


def business_of(user):
    """The business a person sells for, approved or not; None for a customer."""
    if not user.is_authenticated:
        return None
    businesses = Partner.objects.filter(users=user).order_by("pk")
    return businesses.filter(status=Partner.Status.APPROVED).first() or businesses.first()


class SellerPortalMixin(AccessMixin):
    """For the seller of an approved business; others are sent to log in or told why they cannot enter."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        business = business_of(request.user)
        if business is None or business.status != Partner.Status.APPROVED:
            return render(request, "sellers/portal/no_entry.html", {"business": business}, status=403)
        self.seller = business
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["seller"] = self.seller
        context["waiting_count"] = self.my_shipments().waiting().count()  # the badge on "Orders"
        return context

    def my_products(self):
        return Product.objects.filter(seller=self.seller)

    def my_photos(self):
        return ProductImage.objects.filter(product__seller=self.seller)

    def my_shipments(self):
        return Shipment.objects.of(self.seller)

    def my_lines(self):
        return Line.objects.filter(partner=self.seller)
