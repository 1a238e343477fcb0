from django.db import models
from django.db.models import Exists, OuterRef
from oscar.apps.basket.abstract_models import AbstractBasket
from oscar.apps.basket.managers import OpenBasketManager


class OpenBaskets(OpenBasketManager):
    """Oscar's open baskets, each read knowing whether it holds a voucher (`has_vouchers`), so that finding the
    offers of one that holds none asks nothing more (basket/offers.py): every page of a logged-in buyer reads it.
    """

    def get_queryset(self):
        held = self.model.vouchers.through.objects.filter(basket=OuterRef("pk"))
        return super().get_queryset().annotate(has_vouchers=Exists(held))


class Basket(AbstractBasket):
    """Oscar's basket; its lines come with all that pricing, availability and the sellers' parcels read."""

    objects = models.Manager()  # still the default one (the first): `open` sees open baskets only
    open = OpenBaskets()

    def all_lines(self):
        """Overrides Oscar's to load each line's product class, seller and stock record's seller in the same query."""
        if self.id is not None and self._lines is None:
            self._lines = (
                self.lines.select_related("product__product_class", "product__seller", "stockrecord__partner")
                .prefetch_related("attributes", "product__images")
                .order_by(self._meta.pk.name)
            )
        return super().all_lines()

    @property
    def num_items(self):
        """Overrides Oscar's: a basket not saved yet (a first visit's) has none, without compiling an empty query."""
        return 0 if self.id is None else super().num_items

    @property
    def num_lines(self):
        """Overrides Oscar's COUNT query: the lines are loaded for the page anyway, this loads them once."""
        return len(self.all_lines())


from oscar.apps.basket.models import *  # noqa: E402, F403  (the rest of Oscar's models)
