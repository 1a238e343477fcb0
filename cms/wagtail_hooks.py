from django.urls import include, path
from wagtail import hooks

from .choosers import product_chooser_viewset, seller_chooser_viewset
from .payouts import urls as payout_urls
from .payouts.menu import money_menu_item


@hooks.register("register_admin_viewset")
def register_product_chooser():
    return product_chooser_viewset


@hooks.register("register_admin_viewset")
def register_seller_chooser():
    return seller_chooser_viewset


@hooks.register("register_admin_urls")
def register_payout_urls():
    """Sellers' money under /cms/payouts/, behind Wagtail's admin login (and each view's own permission)."""
    return [path("payouts/", include(payout_urls, namespace="payouts"))]


@hooks.register("register_admin_menu_item")
def register_money_menu():
    return money_menu_item()


# The staff's home: its panels, summary, lists and the menu item to Oscar's dashboard (cms/desk/).
from .desk import wagtail_hooks as desk_hooks  # noqa: E402, F401  (importing it registers them)

# Bulk onboarding from a spreadsheet registers its own screens and menu item.
from .onboarding import hooks as onboarding_hooks  # noqa: E402, F401
