from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.apps.catalogue.abstract_models import AbstractProduct
from oscar.apps.catalogue.managers import ProductQuerySet as OscarProductQuerySet


class ProductQuerySet(OscarProductQuerySet):
    def base_queryset(self):
        """Oscar's prefetches, plus each stock record's seller, whom every product card names."""
        return super().base_queryset().prefetch_related("stockrecords__partner")

    def for_cards(self):
        """Public products with all a product card shows, in a fixed number of queries."""
        return self.browsable().base_queryset()

    def made_by(self, seller):
        """The products a seller sells, newest first."""
        return self.filter(stockrecords__partner=seller).distinct().order_by("-date_created", "-pk")


class Product(AbstractProduct):
    """A product of a Cao Bằng maker, with its OCOP rating and shipping weight."""

    ocop_stars = models.PositiveSmallIntegerField(
        _("OCOP stars"),
        null=True,
        blank=True,
        validators=[MinValueValidator(3), MaxValueValidator(5)],
        help_text=_("OCOP rating awarded: 3, 4 or 5 stars."),
    )
    weight_grams = models.PositiveIntegerField(
        _("Weight (grams)"),
        null=True,
        blank=True,
        help_text=_("Packed weight, used to work out shipping."),
    )
    origin = models.CharField(
        _("Origin"), max_length=128, blank=True, help_text=_("Commune or ward, e.g. Xã Trùng Khánh.")
    )

    objects = ProductQuerySet.as_manager()

    @property
    def seller(self):
        """The seller of the first stock record: a product has one maker here."""
        records = self.stockrecords.all()
        return records[0].partner if records else None


from oscar.apps.catalogue.models import *  # noqa: E402, F403  (the rest of Oscar's models)
