from django import forms
from django.conf import settings
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from oscar.apps.shipping.admin import *  # noqa: F403  (Oscar's admin, unchanged)
from oscar.templatetags.currency_filters import currency

from vietnam.geography import provinces

from .models import DeliveryBand, DeliveryZone


class DeliveryZoneForm(forms.ModelForm):
    province_codes = forms.TypedMultipleChoiceField(
        label=_("Provinces"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=DeliveryZone._meta.get_field("province_codes").help_text,
    )

    class Meta:
        model = DeliveryZone
        fields = ["name", "province_codes", "extra_kg_charge", "free_over"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.kind != DeliveryZone.Kind.NEARBY:
            del self.fields["province_codes"]
        else:  # the marketplace's own province has its zone: it is not offered
            home = settings.MARKETPLACE_PROVINCE_CODE
            self.fields["province_codes"].choices = [(code, name) for code, name in provinces() if code != home]


class DeliveryBandInline(admin.TabularInline):
    model = DeliveryBand
    extra = 1
    min_num = 1

    def get_formset(self, request, obj=None, **kwargs):
        """Oscar's inline, refusing to leave a zone without bands: it could not price a parcel."""
        return super().get_formset(request, obj, validate_min=True, **kwargs)


@admin.register(DeliveryZone)
class DeliveryZoneAdmin(admin.ModelAdmin):
    """The three zones are fixed (the data migration makes them): staff edit them, never add or delete one."""

    form = DeliveryZoneForm
    inlines = [DeliveryBandInline]
    list_display = ["name", "kind", "band_summary", "free_over", "extra_kg_charge"]
    readonly_fields = ["kind"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("bands")

    @admin.display(description=_("Weight bands"))
    def band_summary(self, zone):
        return " · ".join(f"≤ {band.up_to_grams} g: {currency(band.charge, 'VND')}" for band in zone.bands.all())

    def get_fields(self, request, obj=None):
        fields = ["kind", "name", "province_codes", "extra_kg_charge", "free_over"]
        if obj is None or obj.kind != DeliveryZone.Kind.NEARBY:
            fields.remove("province_codes")
        return fields

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
