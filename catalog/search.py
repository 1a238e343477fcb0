"""Product search that needs no search server: folded text in the database.

Every product keeps a folded copy (lower case, no accents, đ as d, words only) of its title
and of its title, description, seller and commune, refreshed on every save. A query is folded
the same way, so "mien dong", "Miến dong" and "MIẾN  DONG" match alike, and a product a seller
adds or changes is found at once: there is no index to rebuild. Every word of the query must
begin a word of the text: the copies start with a space (the title's ends with one too), so that
is one `LIKE '% term%'`, and a whole word of the title one `LIKE '% term %'`. On PostgreSQL the trigram
(pg_trgm) GIN index on the folded text serves those LIKEs; on SQLite they scan the table,
fine for a demo.

Views never call this module's classes directly: they call `search_products()`, which uses the
class named by the CATALOG_SEARCH_BACKEND setting. A search server (OpenSearch, Elasticsearch,
Solr) can take over by naming another class with the same two methods: `search(queryset,
query)` returns the products of `queryset` that match, best first (a server backend asks the
server for ids and returns `queryset.filter(pk__in=ids)` ordered by them), and
`suggest(queryset, query, limit)` returns what to offer when nothing matched.

Why not Wagtail's search (modelsearch 1.3)? It would let products and stories share one search
box, and it has OpenSearch/Elasticsearch backends. But its database backends do not fold
Vietnamese the same way on both databases: on PostgreSQL only its fuzzy mode is
accent-insensitive (with the `unaccent` extension installed by a command of its own), and
SQLite's FTS5 tokenizer, as configured, keeps "đ" (it has no decomposition) and letters with
two marks such as "ế", so "thach den" and "mien dong" find nothing in the demo. It also keeps
a second copy of the text in its own index table, and its results are not the plain queryset
the listings filter by price and stock, sort and paginate. Why not Haystack (Oscar's
default)? Its simple backend finds nothing to browse and does not fold accents, its Whoosh
backend is unmaintained, and its other backends need a search server and an index kept in
step. One folded column with a trigram index is enough at this marketplace's scale (see
`manage.py benchmark_search` for 20,000 products); stories can join later through a backend
of the interface above, e.g. one that asks modelsearch's OpenSearch backend.
"""

import difflib
import hashlib
import re
from dataclasses import dataclass, field
from functools import reduce
from operator import and_, or_

from django.conf import settings
from django.core.cache import cache
from django.db.models import Case, IntegerField, Q, Value, When
from django.utils.html import strip_tags
from django.utils.module_loading import import_string

from vietnam.text import fold

# More words than this in one query add little but cost a LIKE each.
MAX_TERMS = 8


def fold_words(value):
    """The folded words of a text, punctuation left out: "Hạt dẻ (1kg)," gives "hat de 1kg"."""
    return " ".join(re.findall(r"\w+", fold(value)))


def spaced(words, end=""):
    """Folded words as the product table keeps them, after a space (and before `end`); "" for none."""
    return f" {words}{end}" if words else ""


def folded_title(title):
    """A title as the product table keeps it folded (Product.search_title): " hat de trung khanh "."""
    return spaced(fold_words(title)[:253], " ")


def fold_product(product):
    """(folded title, folded searchable text) of a product, as its table keeps them."""
    seller = product.seller.name if product.seller_id else ""
    words = [product.title, strip_tags(product.description or ""), seller, product.origin]
    return folded_title(product.title), spaced(fold_words(" ".join(str(word) for word in words if word)))


def search_terms(query):
    """The distinct folded words of a query, in order: "Miến  DONG, miến" gives ["mien", "dong"]."""
    return list(dict.fromkeys(fold_words(query).split()))[:MAX_TERMS]


def term_matches(field, term):
    """A condition: a word of the folded `field` begins with `term`.

    Vietnamese syllables are short and hide inside one another ("hat" in "chat", "de" in
    "den"), so a term must begin a word; it may end early, so "mie" finds "mien" as one types.
    Every word of the folded copies follows a space (`spaced()`).
    """
    return Q(**{f"{field}__contains": f" {term}"})


@dataclass
class Suggestions:
    """What a search that found nothing offers instead."""

    correction: str = ""  # the query spelt like words of product names ("mien dog" → "mien dong")
    corrected: list = field(default_factory=list)  # products the correction finds
    partial: list = field(default_factory=list)  # products with some of the words

    def __bool__(self):
        return bool(self.corrected or self.partial)


class DatabaseSearch:
    """Search over the folded columns of the product table (the default backend)."""

    # How long the words of product names are kept for spelling suggestions (seconds).
    vocabulary_timeout = 300

    def search(self, queryset, query):
        """Products containing every word of the query; those with all of them in the name first."""
        terms = search_terms(query)
        if not terms:
            return queryset.none()
        return self._search_terms(queryset, terms)

    def _search_terms(self, queryset, terms):
        matching = queryset.filter(reduce(and_, (term_matches("search_text", term) for term in terms)))
        # Best: every word is a whole word of the name ("hat de" and "Hạt dẻ"); then every word
        # begins a word of the name ("Hạt tiêu đen"); then the rest, newest first.
        whole_words = reduce(and_, (Q(search_title__contains=f" {term} ") for term in terms))
        word_starts = reduce(and_, (term_matches("search_title", term) for term in terms))
        relevance = Case(
            When(whole_words, then=Value(2)),
            When(word_starts, then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
        return (
            matching.alias(relevance=relevance)
            .order_by("-relevance", "-date_created", "-pk")
        )

    def suggest(self, queryset, query, limit=8):
        """For a query nothing matched: the query spelt right and what it finds, or products with some of its words."""
        terms = search_terms(query)
        if not terms:
            return Suggestions()
        corrected_terms = self.correct_spelling(queryset, terms)
        if corrected_terms != terms:
            corrected = first_products(self._search_terms(queryset, corrected_terms), limit)
            if corrected:
                return Suggestions(correction=" ".join(corrected_terms), corrected=corrected)
        # A one-letter word ("1" of "1kg", "a") would match nearly everything on its own.
        telling = [term for term in terms if len(term) > 1]
        if len(terms) > 1 and telling:
            return Suggestions(partial=first_products(self.matching_some(queryset, telling), limit))
        return Suggestions()

    def matching_some(self, queryset, terms):
        """Products with at least one of the words, those with the most words (in the name counting twice) first."""
        in_text = [term_matches("search_text", term) for term in terms]
        in_name = [term_matches("search_title", term) for term in terms]
        score = reduce(
            lambda total, condition: (
                total + Case(When(condition, then=Value(1)), default=Value(0), output_field=IntegerField())
            ),
            in_text + in_name,
            Value(0),
        )
        return queryset.filter(reduce(or_, in_text)).alias(score=score).order_by("-score", "-date_created", "-pk")

    def correct_spelling(self, queryset, terms):
        """Each word that begins no word of a product name, replaced by the closest such word (difflib)."""
        vocabulary = self.vocabulary(queryset)
        corrected = []
        for term in terms:
            if any(word.startswith(term) for word in vocabulary):
                corrected.append(term)
            else:
                # One letter wrong in a three-letter word ("dem") is a ratio of 0.67.
                cutoff = 0.6 if len(term) <= 3 else 0.75
                corrected.extend(difflib.get_close_matches(term, vocabulary, n=1, cutoff=cutoff) or [term])
        return corrected

    def vocabulary(self, queryset):
        """The distinct folded words of the names of `queryset`'s products, cached a few minutes."""

        def words():
            titles = queryset.prefetch_related(None).order_by().values_list("search_title", flat=True).distinct()
            return sorted({word for title in titles for word in title.split()})

        key = "catalog-search-vocabulary-" + hashlib.sha1(str(queryset.query).encode()).hexdigest()
        return cache.get_or_set(key, words, self.vocabulary_timeout)


def first_products(queryset, limit):
    """The first `limit` products of `queryset` in its order: their ids first, alone, then the products by id.

    Ranking reads every match; ranking narrow rows (an id and what the order needs) and then fetching a
    few whole products costs less than ranking whole products with their seller (a third less at 20,000).
    """
    ids = list(queryset.prefetch_related(None).values_list("pk", flat=True)[:limit])
    found = queryset.order_by().in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


def search_backend():
    """The search backend the CATALOG_SEARCH_BACKEND setting names."""
    return import_string(getattr(settings, "CATALOG_SEARCH_BACKEND", "catalog.search.DatabaseSearch"))()


def search_products(queryset, query):
    """The products of `queryset` matching `query`, best first."""
    return search_backend().search(queryset, query)


def suggest_products(queryset, query, limit=8):
    """Suggestions for a query nothing in `queryset` matched."""
    return search_backend().suggest(queryset, query, limit)
