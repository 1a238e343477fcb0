"""A product card and a basket line show their photo as <picture>: AVIF or WebP at the widths made, else the JPEG.

The widths come from what the photo's task made (catalog.thumbnails.SQUARE_SRCSETS), kept with the photo, so a
list page asks neither the cache nor the storage about them; the first cards of a listing load at once.
"""

import pytest
from django.core.cache import cache
from django.core.files.storage import FileSystemStorage
from django.test.utils import override_settings

from tests import caches
from tests.factories import ProductFactory, ProductImageFactory
from tests.pages import VIETNAMESE, open_page, soup_of
from tests.shopping import fill_basket

# What a storage is asked beyond a file's URL: each is a round trip to a bucket.
STORAGE_LOOKUPS = ("exists", "open", "size", "listdir", "get_modified_time", "get_created_time", "get_accessed_time")


def widths_in(srcset):
    return [int(candidate.split()[-1].removesuffix("w")) for candidate in srcset.split(",")]


def camera_photo(product):
    return ProductImageFactory(product=product, original__width=1600, original__height=1200)


def counted(method, name, calls):
    """`method`, noting its name in `calls` each time it is called."""

    def counting(*args, **kwargs):
        calls.append(name)
        return method(*args, **kwargs)

    return counting


def seller_products(product, count, category):
    """`count` more products of the product's seller, each with a small photo."""
    for number in range(count):
        other = ProductFactory(title=f"Miến dong {number}", seller=product.seller, categories=[category])
        ProductImageFactory(product=other)


def loaded(response):
    """The page as a browser shows it once storefront.js has given the photos below the first screen their addresses
    (`lazy`: a photo that waited for it), without the <noscript> copies meant for a browser without scripts."""
    soup = soup_of(response)
    for copy in soup.select("noscript"):
        copy.decompose()
    for picture in soup.select("picture.lazy-picture"):
        for source in picture.select("source[data-srcset]"):
            source["srcset"] = source.attrs.pop("data-srcset")
        picture.img["src"] = picture.img.attrs.pop("data-src")
        picture.img["loading"] = "lazy"
    return soup


def card_pictures(response):
    return loaded(response).select(".product-card-image picture")


@pytest.mark.django_db
def test_a_card_shows_its_photo_in_avif_and_webp_at_the_widths_made_over_a_sized_jpeg(
    client, product, media_root, django_capture_on_commit_callbacks
):
    # Given a product with a camera photo, its sizes made when it was saved
    with django_capture_on_commit_callbacks(execute=True):
        camera_photo(product)

    # When a buyer opens the catalogue
    [picture] = card_pictures(open_page(client, "/shop/catalogue/", VIETNAMESE))

    # Then the card offers AVIF, then WebP, each at 160, 320, 480 and 640 px, laid out as the grid is
    sources = picture.select("source")
    assert [source["type"] for source in sources] == ["image/avif", "image/webp"]
    assert all(widths_in(source["srcset"]) == [160, 320, 480, 640] for source in sources)
    assert all(source["srcset"].count(".avif") == 4 for source in sources[:1])
    assert all("calc(50vw - 21px)" in source["sizes"] for source in sources)
    # and a JPEG for a browser that takes neither, with its size, so the card does not move as it loads
    img = picture.select_one("img")
    assert img["src"].endswith(".jpg")
    assert (img["width"], img["height"]) == ("400", "400")


@pytest.mark.django_db
def test_a_photo_smaller_than_the_widths_is_offered_once_at_its_own_width(
    client, product, media_root, django_capture_on_commit_callbacks
):
    # Given a product whose photo is 60 px wide, smaller than every width a card asks for
    with django_capture_on_commit_callbacks(execute=True):
        ProductImageFactory(product=product)

    [picture] = card_pictures(open_page(client, "/shop/catalogue/", VIETNAMESE))

    # Then each format lists it once, not blown up and not four times over
    assert [widths_in(source["srcset"]) for source in picture.select("source")] == [[60], [60]]


@pytest.mark.django_db
def test_the_first_cards_of_the_catalogue_load_at_once_the_first_with_high_priority_and_the_rest_lazily(
    client, product, category, media_root, django_capture_on_commit_callbacks
):
    # Given six products with photos
    with django_capture_on_commit_callbacks(execute=True):
        ProductImageFactory(product=product)
        seller_products(product, 5, category)

    # When a buyer opens the catalogue and the seller's page
    catalogue = [picture.img for picture in card_pictures(open_page(client, "/shop/catalogue/", VIETNAMESE))]
    seller_url = product.seller.get_absolute_url()
    seller_page = [picture.img for picture in card_pictures(open_page(client, seller_url, VIETNAMESE))]

    # Then the catalogue's first card (its largest paint) has high priority, the first four none lazy
    assert len(catalogue) == 6
    assert [img.get("fetchpriority") for img in catalogue] == ["high", None, None, None, None, None]
    assert [img.get("loading") for img in catalogue] == [None, None, None, None, "lazy", "lazy"]
    # the rest wait for the script, their addresses kept in data-srcset, with a copy for a browser without scripts
    fifth = soup_of(open_page(client, "/shop/catalogue/", VIETNAMESE)).select(".product-card-image")[4]
    assert fifth.select_one("picture.lazy-picture source[data-srcset]") is not None
    assert not fifth.select("picture.lazy-picture source[srcset]")
    assert fifth.select_one("noscript picture source[srcset]") is not None
    # and the seller's page, whose cards come below her portrait and story, loads them all lazily
    assert len(seller_page) == 6
    assert {img.get("loading") for img in seller_page} == {"lazy"}
    assert not any(img.get("fetchpriority") for img in seller_page)


@pytest.mark.django_db
def test_a_basket_line_shows_its_photo_in_webp_at_one_and_two_pixels_a_point(
    client, product, media_root, django_capture_on_commit_callbacks
):
    # Given a product with a camera photo in the buyer's basket
    with django_capture_on_commit_callbacks(execute=True):
        camera_photo(product)
    fill_basket(client, product)

    # When she opens her basket
    picture = loaded(open_page(client, "/shop/basket/", VIETNAMESE)).select_one(".parcel-line-photo picture")

    # Then the line offers WebP at 96, 144 and 192 px for its 72 px (96 px from 768 px up), over a sized JPEG
    [source] = picture.select("source")
    assert source["type"] == "image/webp"
    assert widths_in(source["srcset"]) == [96, 144, 192]
    assert source["sizes"] == "(min-width: 768px) 96px, 72px"
    assert (picture.img["width"], picture.img["height"]) == ("72", "72")
    assert picture.img["src"].endswith(".jpg")


@pytest.mark.django_db
def test_a_list_page_asks_neither_the_cache_nor_the_storage_about_its_pictures(
    client, product, category, media_root, monkeypatch, django_capture_on_commit_callbacks
):
    # Given 25 products with photos, their sizes made, and a storage that counts what it is asked
    with django_capture_on_commit_callbacks(execute=True):
        ProductImageFactory(product=product)
        seller_products(product, 24, category)
    asked = []
    for name in STORAGE_LOOKUPS:
        monkeypatch.setattr(FileSystemStorage, name, counted(getattr(FileSystemStorage, name), name, asked))

    # When a buyer opens the catalogue, through a cache that counts its calls
    with override_settings(CACHES=caches.COUNTING_LOCMEM):
        cache.clear()
        caches.calls.clear()
        response = open_page(client, "/shop/catalogue/", VIETNAMESE)
        thumbnail_calls = caches.thumbnail_calls()

    # Then every card shows its AVIF and WebP srcsets, and nothing was looked up for them
    pictures = card_pictures(response)
    assert len(pictures) >= 24
    assert all(len(picture.select("source[srcset]")) == 2 for picture in pictures)
    assert thumbnail_calls == []
    assert asked == []
