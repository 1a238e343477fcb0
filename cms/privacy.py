"""Which pages are private, read from the cache: `public()` without a query of its own on every page.

Wagtail's `PageQuerySet.public()` reads every view restriction from the database each time it is called, so
each product page (its maker's stories), the home page and the story list paid one more query for a table that
editors change perhaps once a year. The addresses of the restricted pages are kept in the cache instead, and
forgotten whenever a restriction is saved or deleted or a page moves (its descendants' paths change with it).
"""

from django.core.cache import cache
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from wagtail.models import PageManager as WagtailPageManager
from wagtail.models import PageViewRestriction
from wagtail.query import PageQuerySet
from wagtail.signals import post_page_move

RESTRICTED_PATHS_KEY = "cms.restricted_paths"


def restricted_paths():
    """The tree paths of the pages with a view restriction (each one's descendants are private too)."""
    paths = cache.get(RESTRICTED_PATHS_KEY)
    if paths is None:
        paths = list(PageViewRestriction.objects.values_list("page__path", flat=True))
        cache.set(RESTRICTED_PATHS_KEY, paths, timeout=None)
    return paths


def forget_restricted_paths(**kwargs):
    cache.delete(RESTRICTED_PATHS_KEY)


class PublicPageQuerySet(PageQuerySet):
    """Wagtail's page queryset whose `public()` and `private()` take the restricted pages from the cache."""

    def private_q(self):
        q = Q()
        for path in restricted_paths():
            q |= Q(path__startswith=path)
        return q if q else Q(pk__in=[])  # no private section: match no page


class PageManager(WagtailPageManager.from_queryset(PublicPageQuerySet)):
    """Wagtail's page manager (its checks ask for a subclass) with the queryset above."""


def connect_signals():
    post_save.connect(forget_restricted_paths, sender=PageViewRestriction, dispatch_uid="cms.restriction.saved")
    post_delete.connect(forget_restricted_paths, sender=PageViewRestriction, dispatch_uid="cms.restriction.deleted")
    post_page_move.connect(forget_restricted_paths, dispatch_uid="cms.page.moved")
