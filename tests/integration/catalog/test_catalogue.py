import pytest

from tests.factories import PartnerFactory, ProductFactory, ProductImageFactory, create_category

# The catalogue lists 24 products a page; the number of queries must not grow with them.
MAX_CATALOGUE_QUERIES = 20


@pytest.mark.django_db
def test_products_and_categories_get_transliterated_slugs():
    category = create_category("Thạch đen")
    product = ProductFactory(title="Thạch đen Phục Hòa")

    assert category.slug == "thach-den"
    assert product.slug == "thach-den-phuc-hoa"
    assert product.get_absolute_url() == f"/shop/catalogue/thach-den-phuc-hoa_{product.pk}/"


@pytest.mark.django_db
def test_a_sellers_slug_is_made_from_her_business_name():
    seller = PartnerFactory(name="Cơ sở Hạt dẻ Đàm Thủy")

    assert seller.slug == "co-so-hat-de-dam-thuy"
    assert seller.get_absolute_url() == "/sellers/co-so-hat-de-dam-thuy/"


def add_products_with_images(count):
    sellers = PartnerFactory.create_batch(3)
    for n in range(count):
        product = ProductFactory(seller=sellers[n % 3])
        ProductImageFactory(product=product)


@pytest.mark.django_db
def test_catalogue_queries_do_not_grow_with_the_number_of_products(cards_and_queries):
    # Given 5 products, then 30 (more than a page)
    add_products_with_images(5)
    cards_small, queries_small = cards_and_queries("/shop/catalogue/", MAX_CATALOGUE_QUERIES)
    add_products_with_images(25)
    cards_large, queries_large = cards_and_queries("/shop/catalogue/", MAX_CATALOGUE_QUERIES)

    # Then the page shows more cards for the same number of queries
    assert (cards_small, cards_large) == (5, 24)
    assert queries_large <= queries_small
