"""The Django admin's change form of a delivery zone, as staff save it."""

from shipping.models import DeliveryZone


def zone_form(zone, charges, *, delete=(), **changes):
    """The admin's change form of a zone as saved: `charges` {band pk: new fee}, `delete` band pks to remove."""
    bands = list(zone.bands.all())
    data = {
        "name": zone.name,
        "extra_kg_charge": zone.extra_kg_charge,
        "free_over": "" if zone.free_over is None else zone.free_over,
        "bands-TOTAL_FORMS": len(bands),
        "bands-INITIAL_FORMS": len(bands),
        "bands-MIN_NUM_FORMS": 1,
        "bands-MAX_NUM_FORMS": 1000,
    }
    if zone.kind == DeliveryZone.Kind.NEARBY:
        data["province_codes"] = [str(code) for code in zone.province_codes]
    for index, band in enumerate(bands):
        data |= {
            f"bands-{index}-id": band.pk,
            f"bands-{index}-zone": zone.pk,
            f"bands-{index}-up_to_grams": band.up_to_grams,
            f"bands-{index}-charge": charges.get(band.pk, band.charge),
        }
        if band.pk in delete:
            data[f"bands-{index}-DELETE"] = "on"
    return data | changes
