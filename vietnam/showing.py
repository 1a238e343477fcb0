"""The generation of what the storefront shows: one value in the shared cache, renewed whenever a product, its price
or stock, a photo, a category, a seller's status or a published page changes (shop/pagecache.py connects the
signals). Whatever keeps a rendered piece of the storefront (a whole page, a product's card) puts the generation in
its key, so a change anywhere is seen on the next request by every server, with nothing hunted down and deleted.
"""

import uuid

from django.core.cache import cache

GENERATION_KEY = "pagecache.generation"


def current_generation():
    """The current generation, made if there is none yet; None when the cache does not answer."""
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def generation_of(request):
    """current_generation(), read once per request however many kept pages and parts ask for it."""
    if not hasattr(request, "_storefront_generation"):
        request._storefront_generation = current_generation()
    return request._storefront_generation


def renew_generation(**kwargs):
    """Starts a new generation: everything kept under the old one is rendered afresh on its next request."""
    cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
