"""A product photo's sizes are made when it is saved (catalog.thumbnails), so no buyer's page waits for them."""

from pathlib import Path

import pytest
from django_tasks import default_task_backend
from oscar.core.loading import get_model

from catalog.thumbnails import PICTURE_FORMATS, PICTURE_WIDTHS, SQUARE_SRCSETS, SQUARES, make_product_thumbnails
from tests.factories import ProductImageFactory
from tests.pages import VIETNAMESE, open_page, soup_of
from tests.shopping import fill_basket

ProductImage = get_model("catalogue", "ProductImage")

SIZES_OF_A_PHOTO = (
    len(PICTURE_FORMATS) * len(PICTURE_WIDTHS)
    + len(SQUARES)
    + sum(len(srcset.widths) * len(srcset.formats) for srcset in SQUARE_SRCSETS.values())
)


def thumbnails_in(media_root):
    """The thumbnails sorl has written (under cache/), by name."""
    return sorted(str(path.relative_to(media_root)) for path in Path(media_root, "cache").rglob("*") if path.is_file())


def pictures_on(response):
    """Every picture a page shows: its <img> and <source> URLs, srcsets split."""
    page = soup_of(response)
    urls = [img["src"] for img in page.select("img[src]")]
    for element in page.select("[srcset]"):
        urls += [candidate.split()[0] for candidate in element["srcset"].split(",")]
    return urls


@pytest.mark.django_db
def test_a_saved_photo_has_every_size_its_pages_show_made_before_a_buyer_opens_them(
    client, product, media_root, django_capture_on_commit_callbacks
):
    # Given two camera photos saved for the product (the gallery shows its strip of small ones from two)
    with django_capture_on_commit_callbacks(execute=True):
        for order in range(2):
            ProductImageFactory(product=product, display_order=order, original__width=1600, original__height=1200)
    made = thumbnails_in(media_root)
    assert len(made) == 2 * SIZES_OF_A_PHOTO

    # When a buyer opens its page, finds its card in the catalogue and puts it in her basket
    product_page = open_page(client, product.get_absolute_url(), VIETNAMESE)
    catalogue = open_page(client, "/shop/catalogue/", VIETNAMESE)
    fill_basket(client, product)
    basket = open_page(client, "/shop/basket/", VIETNAMESE)

    # Then every photo on those pages is one made already, and none was made for her
    shown = {url.removeprefix("/media/") for page in (product_page, catalogue, basket) for url in pictures_on(page)}
    shown = {url for url in shown if url.startswith("cache/")}
    assert len(shown) >= SIZES_OF_A_PHOTO
    assert shown <= set(made)
    assert thumbnails_in(media_root) == made


@pytest.mark.django_db
def test_a_new_photo_enqueues_its_thumbnails_once_and_saving_it_again_does_not(
    product, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}

    # When a photo is added, then saved again with a caption, and read back and saved once more
    with django_capture_on_commit_callbacks(execute=True):
        photo = ProductImageFactory(product=product)
    with django_capture_on_commit_callbacks(execute=True):
        photo.caption = "Thạch đen trong bát"
        photo.save()
        ProductImage.objects.get(pk=photo.pk).save()

    # Then its thumbnails were asked for once, for its file
    queued = [(result.task.func, result.args) for result in default_task_backend.results]
    assert queued == [(make_product_thumbnails.func, [photo.original.name])]
