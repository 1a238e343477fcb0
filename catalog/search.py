"""Product search that needs no search server: folded text in the database.

Every product keeps a folded copy (lower case, no accents, đ as d) of its title and of its
title, description, seller and commune. A query is folded the same way, so "mien dong",
"Miến dong" and "MIẾN  DONG" match alike. On PostgreSQL a trigram index on the folded text
keeps `LIKE '%…%'` fast; on SQLite it is a table scan, fine for a local demo.
"""

from django.utils.html import strip_tags

from shop.text import fold


def fold_product(product):
    """(folded title, folded searchable text) of a product."""
    seller = product.seller.name if product.seller_id else ""
    words = [product.title, strip_tags(product.description or ""), seller, product.origin]
    return fold(product.title)[:255], fold(" ".join(str(word) for word in words if word))
