"""A delivered parcel's money becomes its seller's: a sale, her fee, and for a household seller the tax
Decree 117 has the platform withhold, when the marketplace collected it; cash she collected owes her nothing."""

from decimal import Decimal

import pytest

from ledger.balances import balance, on_the_way
from ledger.models import CollectedBy, Entry, EntryKind
from orders.cancelling import cancel_lines
from orders.fulfilment import deliver_shipment
from tests.factories import PartnerFactory, ProductFactory

from .helpers import cash_order, deliver, prepaid_order, shipment_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def household():
    return PartnerFactory(name="Bà Mai miến dong")


@pytest.fixture
def cooperative():
    return PartnerFactory(name="HTX Thạch đen Thạch An", kind="cooperative", members=12)


def entries_of(seller):
    return {(entry.kind, entry.amount) for entry in Entry.objects.filter(seller=seller)}


def test_a_delivered_prepaid_parcel_of_a_household_seller_is_credited_less_the_tax_withheld(household):
    # Given a transfer order of 125.000 ₫ of her miến, paid
    product = ProductFactory(seller=household, stockrecords__price=Decimal("125000"))
    order = prepaid_order(None, product)
    shipment = shipment_of(order, household)
    fee = int(shipment.shipping_charge)
    assert on_the_way(household).parcels == 1
    assert balance(household) == 0

    # When her parcel is delivered
    deliver(shipment)

    # Then she is credited the sale and her fee, less VAT 1 % and PIT 0.5 % of the goods, each an entry
    assert entries_of(household) == {
        (EntryKind.SALE, 125000),
        (EntryKind.SHIPPING_FEE, fee),
        (EntryKind.VAT_WITHHELD, -1250),
        (EntryKind.PIT_WITHHELD, -625),
    }
    assert balance(household) == 125000 + fee - 1875
    assert on_the_way(household).parcels == 0


def test_delivering_twice_credits_once(household):
    product = ProductFactory(seller=household, stockrecords__price=Decimal("90000"))
    shipment = shipment_of(prepaid_order(None, product), household)
    deliver(shipment)
    deliver_shipment(shipment)  # a second tap, or a second phone
    assert Entry.objects.filter(seller=household, kind=EntryKind.SALE).count() == 1


def test_a_cooperative_is_not_withheld(cooperative):
    product = ProductFactory(seller=cooperative, stockrecords__price=Decimal("200000"))
    deliver(shipment_of(prepaid_order(None, product), cooperative))
    assert {kind for kind, _amount in entries_of(cooperative)} == {EntryKind.SALE, EntryKind.SHIPPING_FEE}


def test_cash_her_carrier_handed_her_is_recorded_but_owes_her_nothing(household):
    product = ProductFactory(seller=household, stockrecords__price=Decimal("125000"))
    deliver(shipment_of(cash_order(None, product), household))
    sale = Entry.objects.get(seller=household, kind=EntryKind.SALE)
    assert sale.amount == 125000
    assert sale.collected_by == CollectedBy.SELLER
    assert not Entry.objects.filter(seller=household, kind__in=[EntryKind.VAT_WITHHELD, EntryKind.PIT_WITHHELD])
    assert balance(household) == 0


def test_cash_remitted_to_the_marketplace_is_owed_to_her_and_withheld(household, settings):
    settings.CASH_ON_DELIVERY_REMITTED_TO = "marketplace"
    product = ProductFactory(seller=household, stockrecords__price=Decimal("100000"))
    shipment = shipment_of(cash_order(None, product), household)
    deliver(shipment)
    assert balance(household) == 100000 + int(shipment.shipping_charge) - 1000 - 500


def test_the_commission_is_a_setting_and_its_own_entry(household, settings):
    settings.MARKETPLACE_COMMISSION_RATE = Decimal("0.05")
    product = ProductFactory(seller=household, stockrecords__price=Decimal("100000"))
    deliver(shipment_of(prepaid_order(None, product), household))
    commission = Entry.objects.get(seller=household, kind=EntryKind.COMMISSION)
    assert (commission.amount, commission.base, commission.rate) == (-5000, 100000, Decimal("0.05"))


def test_lines_she_cancelled_before_sending_are_not_credited(household):
    miến = ProductFactory(seller=household, stockrecords__price=Decimal("125000"))
    măng = ProductFactory(seller=household, stockrecords__price=Decimal("60000"))
    order = prepaid_order(None, miến, măng)
    shipment = shipment_of(order, household)
    cancel_lines(shipment, [order.lines.get(product=măng)], "Hết măng", notify_buyer=False)
    deliver(shipment)
    assert Entry.objects.get(seller=household, kind=EntryKind.SALE).amount == 125000


def test_entries_are_never_changed_or_deleted(household):
    product = ProductFactory(seller=household, stockrecords__price=Decimal("125000"))
    deliver(shipment_of(prepaid_order(None, product), household))
    sale = Entry.objects.get(seller=household, kind=EntryKind.SALE)
    sale.amount = 1
    with pytest.raises(TypeError):
        sale.save()
    with pytest.raises(TypeError):
        sale.delete()
    with pytest.raises(TypeError):
        Entry.objects.filter(seller=household).update(amount=0)
    with pytest.raises(TypeError):
        Entry.objects.filter(seller=household).delete()
