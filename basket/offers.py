"""The offers a basket's request found once, so that its page asks the database for them only once."""

from oscar.core.loading import get_class

OscarApplicator = get_class("offer.applicator", "Applicator")


class Applicator(OscarApplicator):
    def get_basket_offers(self, basket, user):
        """Oscar's offers of the basket's vouchers; none asked for when it was read holding none (basket.models)."""
        if getattr(basket, "has_vouchers", True) is False:
            return []
        return super().get_basket_offers(basket, user)


def apply_offers(basket, user, request):
    """Oscar's Applicator.apply, keeping the offers it found on the basket (`basket.offers_found`) for this request."""
    applicator = Applicator()
    basket.offers_found = applicator.get_offers(basket, user, request)
    applicator.apply_offers(basket, basket.offers_found)


def upsell_messages(basket, offers):
    """Oscar's upsell messages: [{"message", "offer"}] of the offers the basket almost meets and did not get."""
    applied = list(basket.offer_applications.offers.values())
    return [
        {"message": offer.get_upsell_message(basket), "offer": offer}
        for offer in offers
        if offer.is_condition_partially_satisfied(basket) and offer not in applied
    ]
