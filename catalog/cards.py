"""Product cards kept rendered in each server process's memory: a listing draws 24 of them on every request,
logged-in visitors' too, whom the page cache never serves.

A card is the same for every visitor (the price and stock rule, sellers/strategy.py, depends on no one), so its
HTML is kept per product, language, the options the listing drew it with (its heading's level, its photo's sizes
and place, as the first load at once) and day (an OCOP certificate expires at midnight), in the generation of what
the storefront shows (vietnam/showing.py): a price, stock, photo or seller change anywhere renews it, and every
card is drawn afresh. The same keeps other parts of pages that are the same for every visitor (`kept_html`), such
as a product page's maker and "more from her", which then ask the database nothing.

The generation is read from the shared cache once per request; the parts come from this process's memory, so a
page of cards costs no cache round trip per card. An entry lives CARD_CACHE_SECONDS at most (a photo's signed
address on object storage expires), and the least recently drawn go first past CARDS_KEPT.
"""

import threading
import time
from collections import OrderedDict

from django.conf import settings
from django.db.models import prefetch_related_objects
from django.utils import timezone
from django.utils.translation import get_language

from vietnam.showing import generation_of

# About 2 KB a card: a few MB per process.
CARDS_KEPT = 2000

_cards = OrderedDict()
_lock = threading.Lock()


def kept_card(request, product, options, draw):
    """The card of `product` drawn with `options` (a tuple of strings), from memory or by `draw()`."""

    def draw_with_what_it_reads():
        prefetch = getattr(product, "prefetch_for_card", None)
        if prefetch is not None:
            prefetch()
        return draw()

    return kept_html(request, ("card", product.pk, *options), draw_with_what_it_reads)


def prefetched_for_cards(products, *lookups):
    """The products, as a list, whose `lookups` are read for all of them at once when the first card must be drawn.

    A listing whose cards are all kept then asks only for the products themselves.
    """
    products = list(products)
    done = False

    def prefetch():
        nonlocal done
        if not done:
            done = True
            prefetch_related_objects(products, *lookups)

    for product in products:
        product.prefetch_for_card = prefetch
    return products


def kept_html(request, parts, draw):
    """The HTML `draw()` makes, kept under `parts` (what it depends on besides the language, the day and what the
    storefront shows): a card, or another part of a page that is the same for every visitor, such as a product
    page's maker and "more from her".
    """
    if settings.CARD_CACHE_SECONDS <= 0 or request is None:
        return draw()
    generation = generation_of(request)
    if generation is None:
        return draw()
    key = (generation, get_language(), timezone.localdate(), *parts)
    now = time.monotonic()
    with _lock:
        kept = _cards.get(key)
        if kept is not None and kept[0] > now:
            _cards.move_to_end(key)
            return kept[1]
    html = draw()
    with _lock:
        _cards[key] = (now + settings.CARD_CACHE_SECONDS, html)
        _cards.move_to_end(key)
        while len(_cards) > CARDS_KEPT:
            _cards.popitem(last=False)
    return html


def forget_cards():
    """Empties this process's cards (tests)."""
    with _lock:
        _cards.clear()
