from oscar.apps.basket import middleware

from .offers import apply_offers


class BasketMiddleware(middleware.BasketMiddleware):
    """Oscar's basket middleware; the offers it looks up stay with the basket for the rest of the request."""

    def apply_offers_to_basket(self, request, basket):
        """Overrides Oscar's to keep the offers found, which the basket page would otherwise look up again."""
        if not basket.is_empty:
            apply_offers(basket, request.user, request)
