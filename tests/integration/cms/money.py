"""Sellers with money waiting, made the way money comes: real orders paid, sent and delivered."""

from decimal import Decimal

from django.conf import settings

from tests.factories import PartnerFactory, ProductFactory
from tests.integration.ledger.helpers import cash_order, deliver, prepaid_order, shipment_of
from tests.pages import ENGLISH


def seller_with_account(name, *, kind="household", account="8300205011223", holder="NONG THI HOA"):
    """A seller who gave the Union her Agribank account (none when `account` is empty)."""
    return PartnerFactory(
        name=name,
        kind=kind,
        bank_bin="970405" if account else "",
        bank_account_number=account,
        bank_account_holder=holder if account else "",
    )


def delivered_prepaid(seller, price, quantity=1):
    """A transfer order of `quantity` of her product at `price` đồng, paid and delivered: money she is owed."""
    product = ProductFactory(seller=seller, stockrecords__price=Decimal(price))
    order = prepaid_order(None, (product, quantity))
    return deliver(shipment_of(order, seller))


def delivered_cash(seller, price):
    """A cash order delivered: the carrier handed her the money, so the marketplace owes her nothing."""
    product = ProductFactory(seller=seller, stockrecords__price=Decimal(price))
    return deliver(shipment_of(cash_order(None, product), seller))


def in_english(client):
    """The admin in English, so the pages read as the code writes them whatever the catalogue holds."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = ENGLISH
    return client
