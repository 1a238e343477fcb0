"""The storefront's pages as anonymous visitors see them, kept in the cache: the second visit makes no SQL query.

What is kept: the home page and the other Wagtail pages (stories), the catalogue, its categories, a product, the
sellers and a seller's page, and search, each per address (with its query), language and day, for PAGE_CACHE_SECONDS.
What is never kept, and never served from the cache: a visitor with a session (logged in, or in checkout), one
with messages waiting (their cookie), any other page (basket, checkout, portal, /cms/), and a response that is
not 200, sets a cookie (but the CSRF token's and the recently viewed products'), or says private/no-store.

Every entry's key holds a generation, changed when something a page shows changes (a product, its price or stock,
a photo, a category, a seller's status, a Wagtail page published or unpublished or deleted): the next visit then
renders afresh, and the old entries expire unread. No entry is hunted down and deleted.

What differs between visitors on a kept page is left to the visitor's own request or browser:
- the Content-Security-Policy nonce: the kept body's nonce is replaced by this request's (django-csp makes it, and
  its header, as for any page), so inline scripts keep a nonce no one saw before and the policy stays strict;
- the CSRF token: a visitor without a csrftoken cookie is given one, and shop/js/storefront.js puts it into the form
  being sent (Django accepts the cookie's secret as the form's token); the token written in the kept body is not hers;
- the basket count in the header: the same script reads it from the basket_count cookie, which this middleware
  sets whenever a request loaded the basket (adding to it, the basket page, checkout). A visitor with a basket
  is served kept pages, but her pages are never kept, since they show her count.

A kept page is served by the first middleware after the Content-Security-Policy's (KeptPageMiddleware), so a hit
reads no session, user, basket or URL pattern: it runs within 2× of a static file's speed (`make benchmark`). The
pages are kept at the end of the stack (PageCacheMiddleware), where the view and its response are known.

Django's own CacheMiddleware is not used: it keys an entry by the response's Vary headers, and every page varies
on Cookie (the CSRF token), which would make one entry per visitor; it would also keep the first visitor's nonce.
"""

import hashlib

from django.apps import apps
from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.middleware.csrf import CsrfViewMiddleware, rotate_token
from django.utils import timezone
from django.utils.cache import get_max_age
from django.utils.functional import LazyObject, empty
from django.utils.translation import get_language
from wagtail.signals import page_published, page_unpublished

from vietnam.showing import generation_of, renew_generation

from .middleware import chosen_language

# The views whose pages are kept (their URL names, as request.resolver_match gives them).
CACHED_VIEWS = {
    "wagtail_serve",
    "catalogue:index",
    "catalogue:category",
    "catalogue:detail",
    "product-search",
    "sellers:index",
    "sellers:detail",
}
# Cookies a kept page may have set without being any visitor's own: each visit gets its own CSRF cookie, and the
# recently viewed products (Oscar's history cookie) are shown on no kept page.
IGNORED_COOKIES = {settings.CSRF_COOKIE_NAME, "oscar_history"}
# Whatever changes one of these changes what some kept page shows. A Wagtail page's own changes are its
# publishing and unpublishing (the signals below; saving a draft changes nothing shown), and its deletion.
SHOWN_MODELS = [
    "catalogue.Product",
    "catalogue.ProductImage",
    "catalogue.ProductCategory",
    "catalogue.Category",
    "partner.StockRecord",
    "partner.Partner",
    "wagtailcore.Page",
    "wagtailcore.PageViewRestriction",  # a page made private leaves the storefront at once
    "shipping.DeliveryZone",  # the basket's fees, kept (shipping/repository.py)
    "shipping.DeliveryBand",
]
BASKET_COUNT_COOKIE = "basket_count"
SESSION = settings.SESSION_COOKIE_NAME


class KeptPageMiddleware:
    """Serves a kept page, before the session, the user, the basket or the address's view are looked at.

    Just inside the Content-Security-Policy's middleware, which writes this request's nonce into the header. A hit
    costs two cache reads; whatever else the stack would have done for an anonymous visitor's GET is done here:
    her CSRF cookie when she has none (through CsrfViewMiddleware's own hooks), and her basket count.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.csrf = CsrfViewMiddleware(get_response)

    def __call__(self, request):
        if may_be_served(request):
            key = page_key(request, chosen_language(request))
            kept = cache.get(key) if key else None
            if kept is not None:
                return self.serve(request, kept)
        return self.get_response(request)

    def serve(self, request, kept):
        """The kept page, with this request's nonce in place of the one it was written with, and her cookies."""
        content = kept["content"]
        if kept["nonce"]:
            content = content.replace(kept["nonce"].encode(), str(request.csp_nonce).encode())
        response = HttpResponse(content, headers=kept["headers"])
        if settings.CSRF_COOKIE_NAME not in request.COOKIES:
            self.csrf.process_request(request)
            rotate_token(request)  # a new secret (get_token would also mask one for a form), set as her cookie
            response = self.csrf.process_response(request, response)
        update_basket_count(request, response)
        return response


class PageCacheMiddleware:
    """Keeps a page that may be kept (the module's docstring says which), and sets the basket count's cookie.

    After CsrfViewMiddleware and BasketMiddleware (whether she has a basket), when the view is known.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request._page_cache_key = None
        response = self.get_response(request)
        if request._page_cache_key and storable(request, response):
            keep(request._page_cache_key, request, response)
        update_basket_count(request, response)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method == "GET" and may_be_served(request) and request.resolver_match.view_name in CACHED_VIEWS:
            request._page_cache_key = page_key(request, get_language())


def may_be_served(request):
    """Whether this request may be served a kept page: an anonymous visitor's GET, with no messages waiting."""
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and not request.COOKIES.get(settings.SESSION_COOKIE_NAME)
        and not request.COOKIES.get(CookieStorage.cookie_name)
        and not getattr(request, "is_dummy", False)
    )


def page_key(request, language):
    """The cache key of this address's page in `language`, in the current generation; None without a cache."""
    generation = generation_of(request)
    if generation is None:
        return None
    address = hashlib.md5(request.build_absolute_uri().encode(), usedforsecurity=False).hexdigest()
    # The day too: an OCOP certificate expires at midnight, and a page kept before shows its stars no longer after.
    return f"pagecache.{generation}.{language}.{timezone.localdate().isoformat()}.{address}"


def storable(request, response):
    """Whether this response, to a cacheable request, is the same for every anonymous visitor and may be kept."""
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not request.COOKIES.get(settings.OSCAR_BASKET_COOKIE_OPEN)  # her basket count is in the page
        and not set(response.cookies) - IGNORED_COOKIES
        and "private" not in cache_control
        and "no-store" not in cache_control
        and get_max_age(response) != 0
    )


def keep(key, request, response):
    """Keeps the page's body and headers (no cookies), with the nonce it was written with."""
    nonce = getattr(request, "_csp_nonce", None)
    headers = {name: value for name, value in response.headers.items() if name.lower() != "content-length"}
    kept = {"content": response.content, "headers": headers, "nonce": nonce}
    cache.set(key, kept, timeout=settings.PAGE_CACHE_SECONDS)


def update_basket_count(request, response):
    """Sets the basket_count cookie the header's count is read from, when this request loaded the basket.

    A visitor with neither a basket nor a session (she logged out, or her basket's cookie expired) has no count.
    """
    shown = request.COOKIES.get(BASKET_COUNT_COOKIE)
    basket = loaded_basket(request)
    if basket is not None:
        count = basket.num_items
    elif shown and not any(request.COOKIES.get(name) for name in (settings.OSCAR_BASKET_COOKIE_OPEN, SESSION)):
        count = 0
    else:
        return
    if count and shown != str(count):
        response.set_cookie(
            BASKET_COUNT_COOKIE,
            str(count),
            max_age=settings.OSCAR_BASKET_COOKIE_LIFETIME,
            secure=settings.SESSION_COOKIE_SECURE,
            samesite="Lax",
        )
    elif not count and shown:
        response.delete_cookie(BASKET_COUNT_COOKIE, samesite="Lax")


def loaded_basket(request):
    """The basket this request loaded, or None: Oscar's middleware gives a lazy one, which a view may replace."""
    basket = getattr(request, "basket", None)
    if isinstance(basket, LazyObject):
        return None if basket._wrapped is empty else basket._wrapped
    return basket


def forget_pages(**kwargs):
    """Starts a new generation of what the storefront shows: every kept page is rendered afresh on its next visit."""
    renew_generation()


def connect_signals():
    """Forgets the kept pages whenever something they show changes."""
    for model in SHOWN_MODELS:
        post_save.connect(forget_pages, sender=model, dispatch_uid=f"pagecache.saved.{model}")
        post_delete.connect(forget_pages, sender=model, dispatch_uid=f"pagecache.deleted.{model}")
    # Who sells for a business: the header's link to her shop is kept (sellers/context_processors.py).
    sellers_of = apps.get_model("partner", "Partner").users.through
    m2m_changed.connect(forget_pages, sender=sellers_of, dispatch_uid="pagecache.sellers_changed")
    page_published.connect(forget_pages, dispatch_uid="pagecache.published")
    page_unpublished.connect(forget_pages, dispatch_uid="pagecache.unpublished")
