import pytest

from tests.factories import PartnerFactory, ProductFactory, ProductImageFactory

MAX_HOME_PAGE_QUERIES = 25


def add_sellers_with_products(sellers, products_each):
    for _ in range(sellers):
        seller = PartnerFactory()
        for _ in range(products_each):
            ProductImageFactory(product=ProductFactory(seller=seller))


@pytest.mark.django_db
def test_home_page_queries_do_not_grow_with_products_and_sellers(cards_and_queries):
    # Given 2 sellers with 2 products each, then 10 sellers with 4 each
    add_sellers_with_products(2, 2)
    cards_small, queries_small = cards_and_queries("/", MAX_HOME_PAGE_QUERIES)
    add_sellers_with_products(8, 4)
    cards_large, queries_large = cards_and_queries("/", MAX_HOME_PAGE_QUERIES)

    # Then it shows the newest 8 products for the same number of queries
    assert (cards_small, cards_large) == (4, 8)
    assert queries_large <= queries_small
