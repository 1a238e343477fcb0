import pytest

from tests.factories import PartnerFactory, ProductFactory, ProductImageFactory
from tests.pages import soup_of

MAX_HOME_PAGE_QUERIES = 25


def add_sellers_with_products(sellers, products_each):
    for _ in range(sellers):
        seller = PartnerFactory()
        for _ in range(products_each):
            ProductImageFactory(product=ProductFactory(stockrecords__partner=seller))


def queries_to_show_home_page(client, django_assert_max_num_queries):
    client.get("/")  # thumbnails are made once; measure the page as visitors see it
    with django_assert_max_num_queries(MAX_HOME_PAGE_QUERIES) as captured:
        response = client.get("/")
    assert response.status_code == 200
    return len(soup_of(response).select(".product-card")), len(captured)


@pytest.mark.django_db
def test_home_page_queries_do_not_grow_with_products_and_sellers(client, django_assert_max_num_queries):
    # Given 2 sellers with 2 products each, then 10 sellers with 4 each
    add_sellers_with_products(2, 2)
    cards_small, queries_small = queries_to_show_home_page(client, django_assert_max_num_queries)
    add_sellers_with_products(8, 4)
    cards_large, queries_large = queries_to_show_home_page(client, django_assert_max_num_queries)

    # Then it shows the newest 8 products for the same number of queries
    assert (cards_small, cards_large) == (4, 8)
    assert queries_large <= queries_small
