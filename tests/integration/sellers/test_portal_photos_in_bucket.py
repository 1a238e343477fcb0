"""Photos uploaded in the seller portal, kept in an S3-compatible bucket (MEDIA_STORAGE_URL), on moto's S3 server."""

import io
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth.models import Group
from oscar.core.loading import get_model
from PIL import Image

from catalog.thumbnails import PICTURE_FORMATS, PICTURE_WIDTHS, SQUARE_SRCSETS, SQUARES
from sellers.onboarding import SELLER_GROUP
from tests.factories import ProductImageFactory, UserFactory
from tests.objectstorage import CREDENTIALS
from tests.pages import ENGLISH, VIETNAMESE, open_page, soup_of
from tests.photos import photo_file, png_claiming, two_halves
from tests.processes import app_server

Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")

ADD_URL = "/seller/san-pham/them/"


@pytest.fixture
def seller_client(client, seller):
    owner = UserFactory(email=None, phone="0987 654 321")
    owner.groups.add(Group.objects.get(name=SELLER_GROUP))
    seller.users.add(owner)
    client.force_login(owner)
    return client


@pytest.fixture
def listing_data(category):
    return {
        "title": "Thạch đen Phục Hòa",
        "product_class": str(ProductClass.objects.get(name="Thực phẩm").pk),
        "category": str(category.pk),
        "price": "125.000",
        "stock": "12",
        "description": "Thạch đen nấu từ cây thạch đen phơi khô.",
        "is_public": "on",
    }


def camera_photo():
    return photo_file(two_halves(3000, 2000), "JPEG", "IMG_20260105.jpg")


def pictures_on(response):
    """Every picture URL a page (a response, or its HTML) shows, srcsets split."""
    page = BeautifulSoup(response, "html.parser") if isinstance(response, str) else soup_of(response)
    urls = [img["src"] for img in page.select("img[src]")]
    for element in page.select("[srcset]"):
        urls += [candidate.split()[0] for candidate in element["srcset"].split(",")]
    return set(urls)


def fetched(url):
    """GET a URL as a browser would; (status, content type, image format)."""
    with urllib.request.urlopen(url, timeout=10) as answer:
        return answer.status, answer.headers["Content-Type"], Image.open(io.BytesIO(answer.read())).format


def files_in(folder):
    return [path for path in Path(folder).rglob("*") if path.is_file()]


@pytest.mark.django_db
def test_a_photo_she_uploads_is_in_the_bucket_with_its_thumbnails_and_the_shop_shows_them_from_there(
    seller_client, listing_data, media_bucket, media_root, django_capture_on_commit_callbacks
):
    # When she adds a product with a camera photo in the portal (the thumbnails' task runs on commit)
    with django_capture_on_commit_callbacks(execute=True):
        response = seller_client.post(ADD_URL, {**listing_data, "photos": [camera_photo()]})

    # Then the photo, stored at 2,000 px, and every size pages show of it are objects in the bucket
    assert response.status_code == 302
    product = Product.objects.get(title="Thạch đen Phục Hòa")
    photo = product.images.get()
    objects = media_bucket.names()
    assert photo.original.name in objects
    thumbnails = [name for name in objects if name.startswith("cache/")]
    srcsets = sum(len(srcset.widths) * len(srcset.formats) for srcset in SQUARE_SRCSETS.values())
    assert len(thumbnails) == len(PICTURE_FORMATS) * len(PICTURE_WIDTHS) + len(SQUARES) + srcsets
    original = media_bucket.client.get_object(Bucket=media_bucket.name, Key=photo.original.name)
    assert Image.open(original["Body"]).size == (2000, 1333)

    # When a buyer opens the product's page and the catalogue
    pages = [open_page(seller_client, url, VIETNAMESE) for url in (product.get_absolute_url(), "/shop/catalogue/")]

    # Then their pictures come from the bucket, and each answers with an image
    shown = set.union(*(pictures_on(page) for page in pages)) - {""}
    assert len(shown) >= 7  # the gallery's 6 sizes and the card's
    bucket_base = f"{media_bucket.endpoint}/{media_bucket.name}/"
    assert all(url.startswith(bucket_base) for url in shown if "/static/" not in url), shown
    for url in (url for url in shown if url.startswith(bucket_base)):
        status, content_type, image_format = fetched(url)
        assert (status, content_type.split("/")[0]) == (200, "image")
        assert image_format in ("JPEG", "WEBP", "AVIF")
    # made already: showing them added nothing to the bucket
    assert media_bucket.names() == objects
    # and nothing went to the app server's disk
    assert files_in(media_root) == []


@pytest.mark.django_db
def test_a_refused_photo_still_says_why_and_a_kept_one_waits_in_the_bucket(
    seller_client, listing_data, media_bucket, media_root
):
    # When she sends a good photo and a PNG too large to read within the memory budget (54 megapixels)
    seller_client.cookies[settings.LANGUAGE_COOKIE_NAME] = ENGLISH
    response = seller_client.post(ADD_URL, {**listing_data, "photos": [camera_photo(), png_claiming(9000, 6000)]})

    # Then the large one is refused, saying why, and nothing is saved but the good photo, kept for her next try
    assert response.status_code == 200
    (error,) = [error.get_text(" ", strip=True) for error in soup_of(response).select("#add-photos .field-error")]
    assert error.startswith("bom.png")
    assert "This photo is too large (54.0 megapixels): a PNG photo can have at most" in error
    assert not Product.objects.exists()
    (kept,) = [name for name in media_bucket.names() if not name.startswith("cache/")]  # and its preview's thumbnail
    assert kept.startswith("portal-uploads/")

    # When she sends the form again with the kept photo
    tokens = [box["value"] for box in soup_of(response).select("input[name=kept_photos]")]
    assert seller_client.post(ADD_URL, {**listing_data, "kept_photos": tokens}).status_code == 302

    # Then the product has it, read back from the bucket
    photo = Product.objects.get().images.get()
    assert photo.original.name in media_bucket.names()
    assert files_in(media_root) == []


def csp_sources(header, directive):
    for part in header.split(";"):
        name, *sources = part.split()
        if name == directive:
            return sources
    return []


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_app_server_set_to_a_bucket_shows_photos_from_it_and_its_csp_allows_them(media_bucket, product):
    # Given a product photo in the bucket
    ProductImageFactory(product=product, original__width=800, original__height=600)

    # When a buyer opens its page on a server whose MEDIA_STORAGE_URL names the bucket
    with (
        app_server(MEDIA_STORAGE_URL=media_bucket.url, **CREDENTIALS) as base,
        urllib.request.urlopen(base + product.get_absolute_url(), timeout=30) as answer,
    ):
        policy, page = answer.headers["Content-Security-Policy"], answer.read().decode()

    # Then its pictures come from the bucket, whose host the page's policy lets it show, and they answer
    endpoint = urlsplit(media_bucket.endpoint)
    assert f"{endpoint.scheme}://{endpoint.netloc}" in csp_sources(policy, "img-src")
    shown = {url for url in pictures_on(page) if not url.startswith("/static/")}
    assert len(shown) == 4  # 400 px and its own 600 px, in WebP and JPEG
    assert all(url.startswith(f"{media_bucket.endpoint}/{media_bucket.name}/cache/") for url in shown), shown
    for url in shown:
        assert fetched(url)[:2] == (200, "image/webp" if ".webp" in url else "image/jpeg")
