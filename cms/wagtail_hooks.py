import copy

from django.urls import include, path
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.utils.version import get_main_version

from . import acting  # acting for a seller: the list of sellers who agreed, starting and stopping
from .autosave import continue_on_page_made_by_autosave
from .choosers import product_chooser_viewset, seller_chooser_viewset
from .desk import wagtail_hooks as desk_hooks  # noqa: F401  the staff's home: importing it registers its hooks
from .figures import urls as figures_urls  # the programme in figures, for union editors and officers
from .figures.menu import figures_menu_item
from .onboarding import hooks as onboarding_hooks  # noqa: F401  bulk onboarding's screens and menu item
from .payouts import urls as payout_urls
from .payouts.menu import money_menu_item


@hooks.register("before_create_page")
def keep_a_submit_that_raced_autosave(request, parent_page, page_class):
    """A new page's form posted after autosave created the page acts on that page (cms/autosave.py)."""
    return continue_on_page_made_by_autosave(request, parent_page, page_class)


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


@hooks.register("register_admin_urls")
def register_acting_urls():
    return [path("lam-thay/", include((acting.urlpatterns, "acting-for-seller")))]


@hooks.register("register_admin_menu_item")
def register_acting_menu():
    return acting.acting_menu_item()


@hooks.register("register_admin_urls")
def register_figures_urls():
    return [path("figures/", include(figures_urls, namespace="figures"))]


@hooks.register("register_admin_menu_item")
def register_figures_menu():
    return figures_menu_item()


# Locked logins, for union editors: importing it registers its screen and menu item.
from . import lockouts  # noqa: E402, F401


@hooks.register("construct_help_menu")
def whats_new_in_the_readers_language(request, items):
    """Wagtail names its "What's new" item once, in the language of the first page that drew the menu; it is
    named again on each page, in the reader's language."""
    for index, item in enumerate(items):
        if item.name.startswith("whats-new-in-wagtail-"):
            renamed = copy.copy(item)
            renamed.label = _("What's new in Wagtail %(version)s") % {"version": get_main_version(include_patch=False)}
            items[index] = renamed
