from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from oscar.apps.partner.abstract_models import AbstractPartner, AbstractStockRecord

from shop.text import unique_slug


class Partner(AbstractPartner):
    """A seller: a woman-run business or cooperative."""

    slug = models.SlugField(_("Slug"), max_length=128, unique=True, blank=True)
    owner_name = models.CharField(_("Owner's name"), max_length=128, blank=True)
    story = models.TextField(_("Story"), blank=True)
    photo = models.ImageField(_("Photo"), upload_to="sellers/", blank=True)
    commune = models.CharField(_("Commune or ward"), max_length=128, blank=True)

    def save(self, *args, **kwargs):
        if not self.slug:
            others = type(self)._default_manager.exclude(pk=self.pk)
            self.slug = unique_slug(others, self.name, fallback="nguoi-ban")
        renamed = self.pk and type(self)._default_manager.filter(pk=self.pk).exclude(name=self.name).exists()
        super().save(*args, **kwargs)
        if renamed:
            self.refold_products()

    def get_absolute_url(self):
        return reverse("sellers:detail", kwargs={"slug": self.slug})

    def refold_products(self):
        """Her products' search text names her; a new name must be found at once."""
        for product in self.products.select_related("seller"):
            product.save(update_fields=["search_text"])


class StockRecord(AbstractStockRecord):
    """A seller's stock and price of a product; a product has one maker, so one stock record, hers."""

    class Meta(AbstractStockRecord.Meta):
        constraints = [models.UniqueConstraint(fields=["product"], name="one_stock_record_per_product")]

    def clean(self):
        super().clean()
        maker = self.product.seller if self.product_id else None
        if maker and self.partner_id and self.partner_id != maker.pk:
            raise ValidationError(
                {"partner": _("Only its maker, %(seller)s, sells this product.") % {"seller": maker.name}}
            )

    def save(self, *args, **kwargs):
        """Keep the product's maker and its seller one: a product without a maker takes this partner."""
        self.clean()
        super().save(*args, **kwargs)
        if self.product.seller_id is None:
            self.product.seller = self.partner
            self.product.save()


from oscar.apps.partner.models import *  # noqa: E402, F403  (the rest of Oscar's models)
