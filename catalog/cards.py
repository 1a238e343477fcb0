"""Product cards kept rendered in each server process's memory: a listing draws 24 of them on every request,
logged-in visitors' too, whom the page cache never serves.

A card is the same for every visitor (the price and stock rule, sellers/strategy.py, depends on no one), so its
HTML is kept per product, language, the options the listing drew it with (its heading's level, its photo's sizes
and place, as the first load at once) and day (an OCOP certificate expires at midnight), in the generation of what
the storefront shows (vietnam/showing.py): a price, stock, photo or seller change anywhere renews it, and every
card is drawn afresh. The same keeps other parts of pages that are the same for every visitor (`kept`), such
as a product page's maker and "more from her", which then ask the database nothing, and what every listing reads
alike, such as the public categories its filters offer.

The generation is read from the shared cache once per request; the parts come from this process's memory
(vietnam.showing.kept), so a page of cards costs no cache round trip per card.
"""

from vietnam.showing import kept


def kept_card(request, product, options, draw):
    """The card of `product` (a product or a `Listed` one) drawn with `options` (a tuple of strings), from memory
    or by `draw(product)`; "" for a listed product no longer there to draw.
    """

    def draw_with_what_it_reads():
        shown = product.read() if isinstance(product, Listed) else product
        if shown is None:
            return None
        return draw(shown)

    return kept(request, ("card", product.pk, *options), draw_with_what_it_reads) or ""


class Listed:
    """A product of a listing's page known by its id alone: its card is most often kept, and the product is read
    only when one must be drawn, with the rest of its page's (`listed()`).
    """

    __slots__ = ("pk", "_read")

    def __init__(self, pk, read):
        self.pk, self._read = pk, read

    def read(self):
        """The product, with all its card shows; None if it is no longer listed."""
        return self._read().get(self.pk)


def listed(ids, products, *lookups):
    """`Listed` products of `ids`, in order; the first one read reads all of them among `products()` (a queryset's
    maker, not called unless a card is drawn), with `lookups`.

    The listing found the ids, so what is read needs no ranking or counting again, only the products of the page.
    """
    found = None

    def read():
        nonlocal found
        if found is None:
            found = products().filter(pk__in=ids).prefetch_related(*lookups).in_bulk()
        return found

    return [Listed(pk, read) for pk in ids]
