from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from vietnam.geography import provinces


class ZoneKind(models.TextChoices):
    HOME = "home", _("The marketplace's province")
    NEARBY = "nearby", _("Nearby provinces")
    COUNTRY = "country", _("Rest of the country")


class DeliveryZone(models.Model):
    """Where a parcel goes, as the fees see it: the marketplace's province, the provinces near it, or anywhere else.

    There is one zone of each kind (the data migration makes them); staff change their names, bands,
    neighbours and free-shipping threshold in the admin, never in code.
    """

    Kind = ZoneKind

    kind = models.CharField(_("Kind"), max_length=16, choices=Kind, unique=True)
    name = models.CharField(_("Name"), max_length=64, help_text=_("What buyers see, e.g. “Trong tỉnh”."))
    province_codes = models.JSONField(
        _("Provinces"),
        default=list,
        blank=True,
        help_text=_("Only for nearby provinces: the provinces this zone covers."),
    )
    extra_kg_charge = models.PositiveIntegerField(
        _("Each kilogram above the last band (₫)"),
        default=0,
        help_text=_("Added to the last band's fee for each started kilogram above it; 0 charges the last band's fee."),
    )
    free_over = models.PositiveIntegerField(
        _("Free shipping from (₫)"),
        null=True,
        blank=True,
        help_text=_("A seller's items worth this much or more ship free. Leave empty for no free shipping."),
    )

    class Meta:
        ordering = ["pk"]
        verbose_name = _("Delivery zone")
        verbose_name_plural = _("Delivery zones")

    def __str__(self):
        return self.name

    def clean(self):
        if self.kind != self.Kind.NEARBY and self.province_codes:
            raise ValidationError({"province_codes": _("Only the nearby zone lists its provinces.")})
        known = {code for code, _name in provinces()}
        codes = [int(code) for code in self.province_codes or []]
        if any(code not in known for code in codes):
            raise ValidationError({"province_codes": _("Choose provinces from the list.")})
        if settings.MARKETPLACE_PROVINCE_CODE in codes:
            raise ValidationError({"province_codes": _("The marketplace's own province has a zone of its own.")})
        self.province_codes = sorted(set(codes))


class DeliveryBand(models.Model):
    """A weight band of a zone: a parcel of up to this many grams costs this much to send."""

    zone = models.ForeignKey(DeliveryZone, verbose_name=_("Zone"), on_delete=models.CASCADE, related_name="bands")
    up_to_grams = models.PositiveIntegerField(_("Up to (grams)"), validators=[MinValueValidator(1)])
    charge = models.PositiveIntegerField(_("Fee (₫)"))

    class Meta:
        ordering = ["zone", "up_to_grams"]
        constraints = [models.UniqueConstraint(fields=["zone", "up_to_grams"], name="one_band_per_weight_in_zone")]
        verbose_name = _("Weight band")
        verbose_name_plural = _("Weight bands")

    def __str__(self):
        return f"{self.zone}: ≤ {self.up_to_grams} g"


from oscar.apps.shipping.models import *  # noqa: E402, F403  (the rest of Oscar's models)
