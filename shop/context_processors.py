from django.conf import settings
from django.utils.functional import SimpleLazyObject
from wagtail.models import Site

from cms.models import programme_figures


def menu_pages(request):
    """Live pages under the site's home page that editors marked "show in menus"."""
    site = Site.find_for_request(request)
    if site is None:
        return []
    return list(site.root_page.get_children().live().in_menu())


def marketplace(request):
    """What every page's header and footer need to know about this instance."""
    return {
        "site_name": settings.SITE_NAME,
        "programme_name": settings.MARKETPLACE_PROGRAMME,
        "menu_pages": SimpleLazyObject(lambda: menu_pages(request)),
        "programme_figures": SimpleLazyObject(programme_figures),
    }
