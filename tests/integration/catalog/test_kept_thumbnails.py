"""A product photo keeps the names of its sizes (catalog.thumbnails), so pages show them without asking sorl.

sorl's thumbnail tag asks its key-value store, through the cache, for every picture; these pages ask nothing.
"""

import io
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings
from oscar.core.loading import get_model

from catalog.thumbnails import PICTURE_FORMATS, PICTURE_WIDTHS, SQUARES
from tests import caches
from tests.factories import ProductFactory, ProductImageFactory
from tests.pages import VIETNAMESE, open_page, soup_of
from tests.shopping import fill_basket

ProductImage = get_model("catalogue", "ProductImage")


def pictures_on(response):
    """Every picture URL a page shows: its <img> and <source> URLs, srcsets split."""
    page = soup_of(response)
    urls = [img["src"] for img in page.select("img[src]")]
    for element in page.select("[srcset]"):
        urls += [candidate.split()[0] for candidate in element["srcset"].split(",")]
    return urls


def photos_on(response):
    """The URLs of the product photos' sizes a page shows (sorl's names start with cache/)."""
    return {url for url in pictures_on(response) if url.startswith("/media/cache/")}


def sorl_queries(captured):
    return [query["sql"] for query in captured.captured_queries if "thumbnail_kvstore" in query["sql"]]


def open_counted(client, url):
    """Open `url`; the page, its cache calls for thumbnails and its SQL queries to sorl's key-value store."""
    caches.calls.clear()
    with CaptureQueriesContext(connection) as captured:
        response = open_page(client, url, VIETNAMESE)
    assert response.status_code == 200
    return response, caches.thumbnail_calls(), sorl_queries(captured)


@pytest.fixture
def counted_cache():
    """The cache, counted; emptied, since local-memory caches outlive a test (sorl's store would find old files)."""
    with override_settings(CACHES=caches.COUNTING_LOCMEM):
        cache.clear()
        yield caches.calls


def camera_photo(product, order=0):
    return ProductImageFactory(product=product, display_order=order, original__width=1600, original__height=1200)


@pytest.mark.django_db
def test_catalogue_product_page_and_basket_show_saved_photos_without_a_lookup(
    client, product, category, media_root, counted_cache, django_capture_on_commit_callbacks
):
    # Given a catalogue page of 25 products with photos (two for the one opened), saved and their task run
    with django_capture_on_commit_callbacks(execute=True):
        camera_photo(product)
        camera_photo(product, order=1)
        for number in range(24):
            camera_photo(ProductFactory(title=f"Miến dong {number}", seller=product.seller, categories=[category]))
    fill_basket(client, product)

    # When a buyer opens the catalogue, the product's page and her basket
    catalogue, catalogue_calls, catalogue_sorl = open_counted(client, "/shop/catalogue/")
    page, page_calls, page_sorl = open_counted(client, product.get_absolute_url())
    basket, basket_calls, basket_sorl = open_counted(client, "/shop/basket/")

    # Then none of them asked the cache or sorl's table about a thumbnail
    assert len(soup_of(catalogue).select(".product-card img")) >= 24
    assert (catalogue_calls, page_calls, basket_calls) == ([], [], [])
    assert (catalogue_sorl, page_sorl, basket_sorl) == ([], [], [])
    # and every photo they show is a file in the media folder: a card's, the gallery's sizes, the strip's, a line's
    shown = photos_on(catalogue) | photos_on(page) | photos_on(basket)
    assert len(soup_of(page).select(".product-gallery source, .product-gallery img")) == 2 + 2 + 2  # photos, strip
    assert len(shown) >= 24 + 2 * len(PICTURE_FORMATS) * len(PICTURE_WIDTHS) + 2 + 1
    assert all(Path(media_root, url.removeprefix("/media/")).is_file() for url in shown)
    # and the card's <img> keeps its size attributes
    card = soup_of(catalogue).select_one(".product-card img")
    assert (card["width"], card["height"]) == ("400", "400")


@pytest.mark.django_db
def test_a_replaced_photo_shows_its_new_sizes(client, product, media_root, django_capture_on_commit_callbacks):
    # Given a photo whose sizes are kept
    with django_capture_on_commit_callbacks(execute=True):
        photo = camera_photo(product)
    before = photos_on(open_page(client, product.get_absolute_url(), VIETNAMESE))

    # When the seller replaces its file
    with django_capture_on_commit_callbacks(execute=True):
        photo = ProductImage.objects.get(pk=photo.pk)
        replacement = ProductImageFactory.build(original__width=900, original__height=1200, original__color="green")
        photo.original = replacement.original
        photo.save()

    # Then the kept sizes are the new file's, and the page shows them, none of the old ones
    photo.refresh_from_db()
    assert photo.thumbnails["of"] == photo.original.name
    after = photos_on(open_page(client, product.get_absolute_url(), VIETNAMESE))
    assert after
    assert not after & before
    assert {size["name"] for size in photo.thumbnails["JPEG"]} <= {url.removeprefix("/media/") for url in after}


@pytest.mark.django_db
def test_a_photo_without_kept_sizes_is_still_shown_through_sorl(client, product, media_root, counted_cache, settings):
    # Given a photo saved while no worker made its sizes (a task that has not run yet)
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    photo = camera_photo(product)
    assert ProductImage.objects.get(pk=photo.pk).thumbnails == {}
    fill_basket(client, product)

    # When a buyer opens the catalogue, the product's page and her basket
    catalogue, catalogue_calls, _ = open_counted(client, "/shop/catalogue/")
    page, _, _ = open_counted(client, product.get_absolute_url())
    basket, _, _ = open_counted(client, "/shop/basket/")

    # Then sorl made and showed the card's square, the gallery's sizes and the line's square, as files
    assert catalogue_calls  # through sorl's store
    shown = photos_on(catalogue) | photos_on(page) | photos_on(basket)
    assert len(photos_on(catalogue)) == 1
    assert len(photos_on(page)) >= len(PICTURE_FORMATS) * len(PICTURE_WIDTHS)
    assert len(photos_on(basket)) == 1
    assert all(Path(media_root, url.removeprefix("/media/")).is_file() for url in shown)


@pytest.mark.django_db
def test_make_thumbnails_gives_photos_saved_before_their_sizes(product, media_root):
    # Given a photo saved with no task run, as photos were before their sizes were kept
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}):
        photo = camera_photo(product)

    # When the operator runs the command (the immediate backend runs the tasks it enqueues)
    call_command("make_thumbnails")

    # Then the photo keeps every size, each a file
    photo.refresh_from_db()
    assert photo.thumbnails["of"] == photo.original.name
    kept = [*photo.thumbnails["WEBP"], *photo.thumbnails["JPEG"], *(photo.thumbnails[key] for key in SQUARES)]
    for made in photo.thumbnails["srcsets"].values():
        kept += [size for image_format, sizes in made.items() if image_format != "widths" for size in sizes]
    assert all(Path(media_root, size["name"]).is_file() for size in kept)
    assert photo.thumbnails["card"]["width"] == 400
    assert [size["width"] for size in photo.thumbnails["srcsets"]["card"]["AVIF"]] == [160, 320, 480, 640]


@pytest.mark.django_db
def test_make_thumbnails_gives_photos_kept_before_the_card_srcsets_their_new_sizes(
    product, media_root, django_capture_on_commit_callbacks
):
    # Given a photo whose sizes were kept before the cards' and lines' srcsets were named
    with django_capture_on_commit_callbacks(execute=True):
        photo = camera_photo(product)
    older = {key: value for key, value in ProductImage.objects.get(pk=photo.pk).thumbnails.items() if key != "srcsets"}
    ProductImage.objects.filter(pk=photo.pk).update(thumbnails=older)

    # When the operator runs the command, then once more
    first, second = io.StringIO(), io.StringIO()
    call_command("make_thumbnails", stdout=first)
    call_command("make_thumbnails", stdout=second)

    # Then the first run made the photo's srcsets, each a file, and the second found nothing missing
    assert first.getvalue().strip().endswith(": 1")
    assert second.getvalue().strip().endswith(": 0")
    srcsets = ProductImage.objects.get(pk=photo.pk).thumbnails["srcsets"]
    formats = {key: set(made) - {"widths"} for key, made in srcsets.items()}
    assert formats == {"card": {"AVIF", "WEBP"}, "line": {"WEBP"}}
    card = [*srcsets["card"]["AVIF"], *srcsets["card"]["WEBP"]]
    assert all(Path(media_root, size["name"]).is_file() for size in card)

    # and sizes made for a list of widths since changed are made again
    thumbnails = ProductImage.objects.get(pk=photo.pk).thumbnails
    thumbnails["srcsets"]["card"]["widths"] = [160, 240, 320, 480]
    ProductImage.objects.filter(pk=photo.pk).update(thumbnails=thumbnails)
    third = io.StringIO()
    call_command("make_thumbnails", stdout=third)
    assert third.getvalue().strip().endswith(": 1")
    assert ProductImage.objects.get(pk=photo.pk).thumbnails["srcsets"]["card"]["widths"] == [160, 320, 480, 640]


@pytest.mark.django_db
def test_a_product_without_photos_shows_the_no_photo_picture_without_a_lookup_once_made(
    client, product, media_root, counted_cache
):
    # Given a product with no photo, whose page and listing have been shown once (the picture's sizes made)
    first, _calls, _sorl = open_counted(client, product.get_absolute_url())
    gallery = soup_of(first).select(".product-gallery source, .product-gallery img")
    assert gallery
    open_counted(client, "/shop/catalogue/")

    # When buyers open them again
    again, page_calls, page_sorl = open_counted(client, product.get_absolute_url())
    catalogue, catalogue_calls, catalogue_sorl = open_counted(client, "/shop/catalogue/")

    # Then the same picture shows, made once: no cache or sorl lookup for it
    assert soup_of(again).select(".product-gallery source, .product-gallery img") == gallery
    assert (page_calls, page_sorl) == ([], [])
    assert (catalogue_calls, catalogue_sorl) == ([], [])
    assert soup_of(catalogue).select_one(".product-card img")["src"].startswith("/media/cache/")
    shown = photos_on(again) | photos_on(catalogue)
    assert all(Path(media_root, url.removeprefix("/media/")).is_file() for url in shown)
