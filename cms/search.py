"""Stories in site search: the same folded, accent-free matching as products (catalog.search).

A story keeps a folded copy of its title, intro, maker's name and the text of its body,
refreshed when it is saved, so "mua dong tren gian phoi" finds "Mùa đông trên giàn phơi
miến" as the product search would find a product.
"""

from catalog.search import fold_words, search_terms


def fold_story(story, body_field=None):
    """The folded searchable text of a story: title, intro, the maker's name, the body's text.

    `body_field` is the StreamField that reads the body; a data migration passes its
    historical model's field, whose blocks are those of that point in history.
    """
    body_field = body_field or story._meta.get_field("body")
    seller = story.seller.name if story.seller_id else ""
    words = [story.title, story.intro, seller, *body_field.get_searchable_content(story.body)]
    return fold_words(" ".join(str(word) for word in words if word))


def matching_stories(texts, query):
    """The ids of the stories containing every word of the query, in the order of `texts`, (id, folded text) pairs.

    A word must begin a word of the text, as catalog.search.term_matches() has it for products in SQL. The live
    stories are few (hundreds, some KB each), so a search reads their kept texts (shop.views.story_texts) rather
    than the database, and asks it only for the few stories found.
    """
    terms = search_terms(query)
    if not terms:
        return []
    return [pk for pk, text in texts if all(text.startswith(term) or f" {term}" in text for term in terms)]
