from wagtail import hooks

from .choosers import product_chooser_viewset, seller_chooser_viewset


@hooks.register("register_admin_viewset")
def register_product_chooser():
    return product_chooser_viewset


@hooks.register("register_admin_viewset")
def register_seller_chooser():
    return seller_chooser_viewset
