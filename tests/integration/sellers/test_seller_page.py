import pytest

from tests.factories import PartnerFactory, ProductFactory, ProductImageFactory
from tests.pages import soup_of

MAX_SELLER_PAGE_QUERIES = 20


def give_products(seller, count):
    for _ in range(count):
        ProductImageFactory(product=ProductFactory(seller=seller))


@pytest.mark.django_db
def test_seller_page_queries_do_not_grow_with_her_products(cards_and_queries):
    # Given a seller with 2 products, then 8
    seller = PartnerFactory()
    give_products(PartnerFactory(), 3)  # another seller's, not shown
    give_products(seller, 2)
    cards_small, queries_small = cards_and_queries(seller.get_absolute_url(), MAX_SELLER_PAGE_QUERIES)
    give_products(seller, 6)
    cards_large, queries_large = cards_and_queries(seller.get_absolute_url(), MAX_SELLER_PAGE_QUERIES)

    # Then her page shows them all for the same number of queries
    assert (cards_small, cards_large) == (2, 8)
    assert queries_large <= queries_small


@pytest.mark.django_db
def test_seller_page_does_not_show_unpublished_products(client, seller):
    ProductFactory(title="Thạch đen đóng hộp", seller=seller)
    ProductFactory(title="Thạch đen chưa duyệt", seller=seller, is_public=False)

    response = client.get(seller.get_absolute_url())

    titles = [card.get_text(" ", strip=True) for card in soup_of(response).select(".product-card")]
    assert len(titles) == 1
    assert "Thạch đen đóng hộp" in titles[0]
