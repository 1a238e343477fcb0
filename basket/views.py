from oscar.apps.basket import views

from .offers import upsell_messages


class BasketView(views.BasketView):
    """Oscar's basket page, for a fixed number of queries however many lines and sellers it shows."""

    def get_upsell_messages(self, basket):
        """Overrides Oscar's to use the offers the middleware found for this request, not look them up again."""
        offers = getattr(basket, "offers_found", None)
        if offers is None:
            return super().get_upsell_messages(basket)
        return upsell_messages(basket, offers)
