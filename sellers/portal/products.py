"""My products: list, add, edit, photos, published switch, quick stock.

Every product and photo in a URL is looked up through the seller's own (SellerPortalMixin),
so another seller's id is not found. The rules of a listing are in sellers/listing.py.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import FormView, ListView, View

from sellers import listing

from .access import SellerPortalMixin
from .paging import NearestPageMixin
from .product_forms import ListingForm

PER_PAGE = 20


class ProductListView(SellerPortalMixin, NearestPageMixin, ListView):
    """Her products, newest first, public or hidden, each with its photo, price, stock and switches."""

    template_name = "sellers/portal/products/list.html"
    paginate_by = PER_PAGE


    def get_queryset(self):
        # Prefetched, so the page costs the same few queries for 2 products or 20.
        return self.my_products().order_by("-date_created", "-pk").prefetch_related("images", "stockrecords")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["rows"] = [listing.ListingRow(product) for product in context["object_list"]]
        return context


class ListingFormView(SellerPortalMixin, FormView):
    """Add a product (no product_pk) or change one of hers; photos come with the same form."""

    template_name = "sellers/portal/products/form.html"
    form_class = ListingForm

    @cached_property
    def product(self):
        if "product_pk" not in self.kwargs:
            return None
        products = self.my_products().prefetch_related("images", "stockrecords")
        return get_object_or_404(products, pk=self.kwargs["product_pk"])

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "seller": self.seller, "product": self.product}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["product"] = self.product
        context["photos"] = list(self.product.images.all()) if self.product else []
        context["max_photos"] = listing.MAX_PHOTOS
        return context

    def form_valid(self, form):
        token = form.cleaned_data["form_token"]
        try:
            product, saved = listing.save_listing_once(self.seller, self.product, token, form.listing_values)
        except ValidationError as error:
            # Another tab added photos meanwhile: the limit is checked again inside the transaction.
            form.add_error("photos", error)
            return self.form_invalid(form)
        if not saved:
            return self.sent_again(product)
        for photo in form.kept:
            photo.discard()
        messages.success(self.request, saved_message(product, form.cleaned_data["stock"]))
        return redirect(f"{reverse('seller-portal:products')}#product-{product.pk}")

    def sent_again(self, product):
        """The same form came a second time (a double tap): say it was saved once, and show her list."""
        if product is None:  # the first send is still saving it
            messages.info(
                self.request,
                _(
                    "This product is being saved. You tapped Save twice, so it is saved once: "
                    "it will be in your list in a moment."
                ),
            )
            return redirect("seller-portal:products")
        messages.info(
            self.request,
            _("“%(title)s” is already saved. You tapped Save twice, so it was saved once.") % {"title": product.title},
        )
        return redirect(f"{reverse('seller-portal:products')}#product-{product.pk}")

    def form_invalid(self, form):
        form.keep_good_photos()
        return super().form_invalid(form)


def saved_message(product, typed):
    """ "Saved", and how many are left to sell if that is not what she typed (the stock moved while she edited)."""
    left = listing.ListingRow(product).left
    if left == typed:
        return _("Saved “%(title)s”.") % {"title": product.title}
    if left == 0:
        return _("Saved “%(title)s”. The stock went down while the page was open: none are left to sell now.") % {
            "title": product.title
        }
    return ngettext(
        "Saved “%(title)s”. The stock changed while the page was open: %(left)s is left to sell now, not %(typed)s.",
        "Saved “%(title)s”. The stock changed while the page was open: %(left)s are left to sell now, not %(typed)s.",
        left,
    ) % {"title": product.title, "left": left, "typed": typed}


class ButtonView(SellerPortalMixin, View):
    """What a button posts to. A GET is refused (405) after the lookup, so another seller's id is 404 either way."""

    http_method_names = ["get", "post"]

    def get(self, request, **kwargs):
        self.find(**kwargs)
        return HttpResponseNotAllowed(["POST"])


class ProductActionView(ButtonView):
    """A button on her list: find her product, act, and go back to the same page.

    Done, it goes back to the product's row, which shows the change; refused, to the top of
    the page, where the message says why.
    """

    def find(self, product_pk):
        return get_object_or_404(self.my_products(), pk=product_pk)

    def post(self, request, product_pk):
        product = self.find(product_pk)
        done = self.act(product)
        page = request.POST.get("page", "")
        query = f"?page={page}" if page.isdigit() and page != "1" else ""
        row = f"#product-{product.pk}" if done else ""
        return redirect(f"{reverse('seller-portal:products')}{query}{row}")

    def act(self, product):
        """Do what the button says; False if it was refused (with a message saying why)."""
        raise NotImplementedError


class PublishedSwitchView(ProductActionView):
    """Show a product to buyers, or hide it. The button sends the state it asks for, so a double tap does not undo."""

    def act(self, product):
        wanted = self.request.POST.get("public")
        public = not product.is_public if wanted not in ("0", "1") else wanted == "1"
        listing.set_published(product, public)
        if public:
            messages.success(self.request, _("“%(title)s” is on sale: buyers can see it.") % {"title": product.title})
        else:
            messages.success(self.request, _("“%(title)s” is hidden: buyers cannot see it.") % {"title": product.title})
        return True


class QuickStockView(ProductActionView):
    """One more or one less in stock, from the − and + buttons."""

    def act(self, product):
        change = {"1": 1, "+1": 1, "-1": -1}.get(self.request.POST.get("change", "").strip())
        try:
            listing.change_stock(product, change)
        except ValidationError as error:
            messages.error(self.request, error.messages[0])
            return False
        return True


class PhotoActionView(ButtonView):
    """A button under a photo: find the photo, of this product and hers, act, and go back to its photos."""

    def find(self, product_pk, photo_pk):
        return get_object_or_404(self.my_photos().filter(product_id=product_pk), pk=photo_pk)

    def post(self, request, product_pk, photo_pk):
        photo = self.find(product_pk, photo_pk)
        self.act(photo)
        return redirect(f"{reverse('seller-portal:product-edit', kwargs={'product_pk': product_pk})}#photos")

    def act(self, photo):
        raise NotImplementedError


class PhotoMoveUpView(PhotoActionView):
    def act(self, photo):
        listing.move_photo_up(photo)


class PhotoDeleteView(PhotoActionView):
    def act(self, photo):
        listing.delete_photo(photo)
        messages.success(self.request, _("The photo is deleted."))


urlpatterns = [
    path("", ProductListView.as_view(), name="products"),
    path("them/", ListingFormView.as_view(), name="product-create"),
    path("<int:product_pk>/", ListingFormView.as_view(), name="product-edit"),
    path("<int:product_pk>/hien-thi/", PublishedSwitchView.as_view(), name="product-published"),
    path("<int:product_pk>/kho/", QuickStockView.as_view(), name="product-stock"),
    path("<int:product_pk>/anh/<int:photo_pk>/len/", PhotoMoveUpView.as_view(), name="photo-move-up"),
    path("<int:product_pk>/anh/<int:photo_pk>/xoa/", PhotoDeleteView.as_view(), name="photo-delete"),
]
