from decimal import Decimal

from django.utils.translation import gettext_lazy as _
from oscar.apps.shipping import methods
from oscar.core import prices

from .fees import line_worth, shipment_fees, total_charge


class SentBySeller(methods.Base):
    """Each seller sends her own lines: the charge is the sum of the sellers' fees for the destination.

    `province_code` is the destination's province (None while it is not known: the fees are then
    the home province's, shown as estimates); `zones` a fees.ZoneTable, read from the database
    when not given. The fees of a basket are worked out once per instance for a given state of
    its lines, however often Oscar and the templates ask.
    """

    code = "sent-by-seller"
    name = _("Sent by each seller")
    description = _("Each seller packs and sends her own products; her fee depends on their weight and destination.")

    def __init__(self, province_code=None, zones=None):
        self.province_code = province_code
        self.zones = zones
        self._fees = {}

    @property
    def is_estimate(self):
        return self.province_code is None

    def shipment_fees(self, basket):
        """{seller: ShipmentFee} of the basket's lines (shipping.fees.shipment_fees)."""
        lines = list(basket.all_lines())
        state = (id(basket), tuple((line.pk, line.quantity, line_worth(line)) for line in lines))
        if state not in self._fees:
            self._fees = {state: shipment_fees(lines, self.province_code, zones=self.zones)}
        return self._fees[state]

    def calculate(self, basket):
        """Oscar's shipping charge: the sellers' fees summed, in whole đồng, with no tax."""
        charge = total_charge(self.shipment_fees(basket)) if basket.id else Decimal(0)
        return prices.Price(currency=basket.currency, excl_tax=charge, incl_tax=charge)
