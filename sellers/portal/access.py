"""Who may use the seller portal, and the one rule of isolation: a seller reaches her own rows only.

Every portal view inherits SellerPortalMixin. It finds the approved business of the person
logged in (`self.seller`) and, before any view code runs, answers 404 for an id in the URL that
is not among her own rows (OWN_ROWS). Views still look objects up through `self.my_products()`,
`self.my_shipments()`…, never through the model's manager.
tests/integration/sellers/test_portal_isolation.py tries every portal URL as a second seller.

Union staff acting for a seller who agreed (acting.py) get her business as `self.seller`, and the
same rule; `request.acting_for` is set then, for the banner and her log.
"""

from django.contrib import messages
from django.contrib.auth.mixins import AccessMixin
from django.core.exceptions import ImproperlyConfigured
from django.db.models import Case, IntegerField, Value, When
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from . import acting

Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
ProductImage = get_model("catalogue", "ProductImage")
Shipment = get_model("order", "Shipment")


# Each id a portal URL may take, and the method that finds it among her own rows.
OWN_ROWS = {
    "product_pk": "my_products",
    "photo_pk": "my_photos",
    "shipment_pk": "my_shipments",
}


def business_of(user):
    """The business a person sells for, approved or not (an approved one first); None for a customer.

    One query, or none for a visitor.
    """
    if not user.is_authenticated:
        return None
    approved_first = Case(
        When(status=Partner.Status.APPROVED, then=Value(0)), default=Value(1), output_field=IntegerField()
    )
    return Partner.objects.filter(users=user).order_by(approved_first, "pk").first()


def business_of_request(request):
    """business_of() the person logged in, asked once per request however many times the page needs it."""
    if not hasattr(request, "_business_of_user"):
        request._business_of_user = business_of(request.user)
    return request._business_of_user


def seller_home_for(user):
    """Her shop's home page, for a person who sells for an approved business; else None."""
    return portal_home_of(business_of(user))


def portal_home_of(business):
    """The portal's home page if this business (or None) is approved; else None."""
    if business and business.status == Partner.Status.APPROVED:
        return reverse("seller-portal:home")
    return None


class SellerPortalMixin(AccessMixin):
    """For the seller of an approved business; others are sent to log in or told why they cannot enter."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if acting.is_acting(request):
            return self.dispatch_acting(request, *args, **kwargs)
        business = business_of_request(request)
        if business is None or business.status != Partner.Status.APPROVED:
            return render(request, "sellers/portal/no_entry.html", {"business": business}, status=403)
        self.seller = business
        self.check_ids_are_hers(kwargs)
        return super().dispatch(request, *args, **kwargs)

    def dispatch_acting(self, request, *args, **kwargs):
        """For staff acting for a seller: her business while she agrees; else the acting stops here."""
        business = acting.seller_acted_for(request)
        if business is None:
            back = acting.stop_acting(request)
            messages.warning(
                request, _("This seller no longer lets the Union work on her shop, so you stopped acting for her.")
            )
            return redirect(back)
        self.seller = request.acting_for = business
        self.check_ids_are_hers(kwargs)
        return super().dispatch(request, *args, **kwargs)

    def check_ids_are_hers(self, kwargs):
        """404 for an id in the URL that is not hers, before the view (or its 405) runs, GET or POST."""
        for kwarg, value in kwargs.items():
            if kwarg not in OWN_ROWS:
                raise ImproperlyConfigured(f"{type(self).__name__}: say in OWN_ROWS whose {kwarg} it is.")
            get_object_or_404(getattr(self, OWN_ROWS[kwarg])().only("pk"), pk=value)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["seller"] = self.seller
        context["acting"] = getattr(self.request, "acting_for", None) is not None  # the banner
        context["waiting_count"] = self.my_shipments().waiting().count()  # the badge on "Orders"
        return context

    def my_products(self):
        return Product.objects.filter(seller=self.seller)

    def my_photos(self):
        return ProductImage.objects.filter(product__seller=self.seller)

    def my_shipments(self):
        return Shipment.objects.of(self.seller)

    def my_business(self):
        """Her business as saved, a copy of its own (for a form to change)."""
        return Partner.objects.get(pk=self.seller.pk)
