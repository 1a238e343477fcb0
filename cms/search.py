"""Stories in site search: the same folded, accent-free matching as products (catalog.search).

A story keeps a folded copy of its title, intro, maker's name and the text of its body,
refreshed when it is saved, so "mua dong tren gian phoi" finds "Mùa đông trên giàn phơi
miến" with the same `LIKE` conditions the product search uses.
"""

from functools import reduce
from operator import and_

from catalog.search import fold_words, search_terms, term_matches


def fold_story(story, body_field=None):
    """The folded searchable text of a story: title, intro, the maker's name, the body's text.

    `body_field` is the StreamField that reads the body; a data migration passes its
    historical model's field, whose blocks are those of that point in history.
    """
    body_field = body_field or story._meta.get_field("body")
    seller = story.seller.name if story.seller_id else ""
    words = [story.title, story.intro, seller, *body_field.get_searchable_content(story.body)]
    return fold_words(" ".join(str(word) for word in words if word))


def search_stories(queryset, query):
    """The stories of `queryset` containing every word of the query, newest first."""
    terms = search_terms(query)
    if not terms:
        return queryset.none()
    matching = queryset.filter(reduce(and_, (term_matches("search_text", term) for term in terms)))
    return matching.order_by("-first_published_at", "-pk")
