"""The generation of what the storefront shows: one value in the shared cache, renewed whenever a product, its price
or stock, a photo, a category, a seller's status or a published page changes (shop/pagecache.py connects the
signals). Whatever keeps a rendered piece of the storefront (a whole page, a product's card) puts the generation in
its key, so a change anywhere is seen on the next request by every server, with nothing hunted down and deleted.
What each process keeps in its own memory under it (`kept`) is made afresh the same way.
"""

import threading
import time
import uuid
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import get_language

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


# What is kept in this process's memory under the generation: cards and other parts of pages (catalog/cards.py),
# and what many pages read alike. An entry lives CARD_CACHE_SECONDS at most (a photo's signed address on object
# storage expires), and the least recently used go first past KEPT_ENTRIES (about 2 KB a card: a few MB).

KEPT_ENTRIES = 2000

_kept = OrderedDict()
_lock = threading.Lock()


def kept(request, parts, make):
    """What `make()` gives, kept under `parts` (what it depends on besides the language, the day and what the
    storefront shows): a card's HTML, another part of a page that is the same for every visitor, such as a product
    page's maker and "more from her", or what every listing reads alike, such as the public categories. What is
    kept is shared by every request of the process: it must not be changed. None (nothing to show) is not kept.
    """
    if settings.CARD_CACHE_SECONDS <= 0 or request is None:
        return make()
    generation = generation_of(request)
    if generation is None:
        return make()
    key = (generation, get_language(), timezone.localdate(), *parts)
    now = time.monotonic()
    with _lock:
        entry = _kept.get(key)
        if entry is not None and entry[0] > now:
            _kept.move_to_end(key)
            return entry[1]
    value = make()
    if value is None:
        return None
    with _lock:
        _kept[key] = (now + settings.CARD_CACHE_SECONDS, value)
        _kept.move_to_end(key)
        while len(_kept) > KEPT_ENTRIES:
            _kept.popitem(last=False)
    return value


def forget_kept():
    """Empties this process's kept entries (tests)."""
    with _lock:
        _kept.clear()
