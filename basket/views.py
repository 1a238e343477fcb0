from django.contrib import messages
from django.views.generic import FormView
from oscar.apps.basket import views
from oscar.core.loading import get_class

from .offers import Applicator, upsell_messages

BasketMessageGenerator = get_class("basket.utils", "BasketMessageGenerator")


class BasketView(views.BasketView):
    """Oscar's basket page, for a fixed number of queries however many lines and sellers it shows."""

    def get_upsell_messages(self, basket):
        """Overrides Oscar's to use the offers the middleware found for this request, not look them up again."""
        offers = getattr(basket, "offers_found", None)
        if offers is None:
            return super().get_upsell_messages(basket)
        return upsell_messages(basket, offers)


class BasketAddView(views.BasketAddView):
    """Oscar's "Thêm vào giỏ hàng": one short notice with a link to the basket (addition.html), where Oscar shows
    two (what was added, then the basket's new total), which push the product down a phone's screen. An offer
    gained or lost is still told."""

    def form_valid(self, form):
        basket = self.request.basket
        offers_before = basket.applied_offers()
        self.line, self.line_created = basket.add_product(
            form.product, form.cleaned_data["quantity"], form.cleaned_options()
        )
        messages.success(self.request, self.get_success_message(form), extra_tags="safe noicon basket-added")
        basket.reset_offer_applications()
        Applicator().apply(basket, self.request.user, self.request)
        generator = BasketMessageGenerator()
        for level, message in generator.get_offer_messages(offers_before, basket.applied_offers()):
            messages.add_message(self.request, level, message, extra_tags="safe noicon")
        self.add_signal.send(sender=self, product=form.product, user=self.request.user, request=self.request)
        return FormView.form_valid(self, form)  # Oscar's redirect, without its messages
