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


# The programme in figures (cms/figures/), for union editors and officers.
from .figures import urls as figures_urls  # noqa: E402
from .figures.menu import figures_menu_item  # noqa: E402


@hooks.register("register_admin_urls")
def register_figures_urls():
    return [path("figures/", include(figures_urls, namespace="figures"))]


@hooks.register("register_admin_menu_item")
def register_figures_menu():
    return figures_menu_item()
