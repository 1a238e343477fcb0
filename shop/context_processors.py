from django.conf import settings
from django.core.cache import cache
from django.utils.functional import SimpleLazyObject
from oscar.core.loading import get_model
from wagtail.models import Site

from cms.models import english_or, programme_figures

# The menus of each host, {"host:port": [{"url", "title"}, …]}, which every page's header and footer show;
# forgotten whenever a page or a site is saved or deleted (shop/apps.py), so a published change shows at once.
MENU_KEY = "menu-pages"


def menu_pages(request):
    """Live pages under the site's home page that editors marked "show in menus", as their url and title
    (in English when the reader reads English and the page has an English title).

    Kept in the cache, so a page asks the database for them only after an editor changed a page.
    """
    host = f"{request.get_host()}:{request.get_port()}"
    menus = cache.get(MENU_KEY) or {}
    if host not in menus:
        site = Site.find_for_request(request)
        pages = site.root_page.get_children().live().in_menu().specific() if site else []
        menus[host] = [
            {"url": page.get_url(request), "title": page.title, "title_en": getattr(page, "title_en", "")}
            for page in pages
        ]
        cache.set(MENU_KEY, menus, timeout=None)
    return [{"url": page["url"], "title": english_or(page["title"], page.get("title_en"))} for page in menus[host]]


def forget_menu_pages(**kwargs):
    """Receiver of a page's or a site's post_save and post_delete: the menus are read again."""
    cache.delete(MENU_KEY)


def marketplace(request):
    """What every page's header and footer need to know about this instance."""
    return {
        "site_name": settings.SITE_NAME,
        "programme_name": settings.MARKETPLACE_PROGRAMME,
        "menu_pages": SimpleLazyObject(lambda: menu_pages(request)),
        "programme_figures": SimpleLazyObject(programme_figures),
    }


def notifications(request):
    """Oscar's count of her unread notifications, asked of the database only by a page that shows it.

    Oscar's own context processor counted them on every logged-in page; the storefront's header shows none.
    """
    user = getattr(request, "user", None)
    if not (user and user.is_authenticated):
        return {}
    Notification = get_model("communication", "Notification")
    unread = Notification.objects.filter(recipient=user, date_read=None)
    return {"num_unread_notifications": SimpleLazyObject(unread.count)}
