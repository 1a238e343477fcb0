"""The staff's home in Wagtail's admin: its panels of work, its summary, its lists and the way to Oscar.

Wagtail's own "awaiting your review" and "your pages in a workflow" panels give way to the stories
panel, which lists every page waiting in the Union's workflow (and links to Wagtail's workflow report
for the rest); its pages, images and documents counts give way to the counts of work. Its recent edits
and locked pages panels stay, below ours. cms/wagtail_hooks.py imports this module, which registers.
"""

from django.urls import include, path
from wagtail import hooks

from . import urls
from .menu import oscar_dashboard_menu_item
from .panels import CountSummaryItem, desk_of

# Wagtail's home panels that ours replace (wagtail/admin/views/home.py).
REPLACED_PANELS = {"workflow_objects_to_moderate", "user_objects_in_workflow_moderation"}


@hooks.register("construct_homepage_panels", order=100)  # after the other apps have added theirs
def put_the_work_first(request, panels):
    """Our panels first, in their order; Wagtail's moderation panels out, its others after ours."""
    kept = [panel for panel in panels if getattr(panel, "name", "") not in REPLACED_PANELS]
    ours = desk_of(request).panels
    for order, panel in enumerate(ours, start=1):
        panel.order = order  # Wagtail sorts its panels by `order`; its own start at 100
    panels[:] = [*ours, *kept]


@hooks.register("construct_homepage_summary_items", order=100)
def count_the_work(request, summary_items):
    """The summary counts what waits, not the site's pages, images and documents."""
    summary_items[:] = [CountSummaryItem(request, panel) for panel in desk_of(request).panels]


@hooks.register("register_admin_urls")
def register_desk_urls():
    return [path("desk/", include(urls, namespace="desk"))]


@hooks.register("register_admin_menu_item")
def register_oscar_dashboard_menu():
    return oscar_dashboard_menu_item()
