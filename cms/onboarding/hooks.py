"""Bulk onboarding's screens (/cms/onboarding/) and menu item, registered with Wagtail by cms/wagtail_hooks.py."""

from django.urls import include, path
from wagtail import hooks

from . import urls
from .menu import import_menu_item


@hooks.register("register_admin_urls")
def register_onboarding_urls():
    """Behind Wagtail's admin login, and each view's own permission."""
    return [path("onboarding/", include(urls, namespace="onboarding"))]


@hooks.register("register_admin_menu_item")
def register_import_menu():
    return import_menu_item()
