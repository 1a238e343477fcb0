"""Pages are gzipped for a browser that takes it (Django's GZipMiddleware), plain for one that does not.

The page cache keeps a page plain (shop/pagecache.py is inside the compression), so a kept page is compressed for
one visitor and sent plain to the next, as she asked. WhiteNoise's files never go through it.
"""

import gzip

import pytest
from django.urls import reverse
from django.utils.cache import cc_delim_re

from tests.pages import text_of

TAKES_GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}


def decompressed(response):
    """The response as the browser reads it once it has undone the gzip."""
    response.content = gzip.decompress(response.content)
    return response


def varies_on(response):
    return {name.lower() for name in cc_delim_re.split(response.get("Vary", ""))}


@pytest.mark.django_db
def test_a_page_asked_with_gzip_comes_compressed_and_reads_as_the_plain_page(client, product):
    # Given the catalogue, as a browser that takes gzip and one that does not fetch it
    url = reverse("catalogue:index")
    compressed = client.get(url, **TAKES_GZIP)
    plain = client.get(url)

    # Then the first is gzipped, and smaller; the second is the page as it is
    assert compressed.status_code == plain.status_code == 200
    assert compressed["Content-Encoding"] == "gzip"
    assert int(compressed["Content-Length"]) == len(compressed.content) < len(plain.content)
    assert "Content-Encoding" not in plain
    assert plain.content.lstrip().lower().startswith(b"<!doctype html")
    # And both say they vary on what the browser accepts, for any cache between
    assert "accept-encoding" in varies_on(compressed)
    assert "accept-encoding" in varies_on(plain)
    # And, undone, the compressed page is the same page
    assert text_of(decompressed(compressed)) == text_of(plain)
    assert product.title in text_of(plain)


@pytest.mark.django_db
def test_a_kept_page_is_compressed_for_a_browser_that_takes_gzip_and_plain_for_one_that_does_not(
    client, product, settings, django_assert_num_queries
):
    # Given the page cache on, and a product page kept by a first visit of a browser that takes gzip
    settings.PAGE_CACHE_SECONDS = 600
    url = product.get_absolute_url()
    first = client.get(url, **TAKES_GZIP)
    assert first["Content-Encoding"] == "gzip"

    # When it is asked again, with gzip and then without
    with django_assert_num_queries(0):
        kept_compressed = client.get(url, **TAKES_GZIP)
    with django_assert_num_queries(0):
        kept_plain = client.get(url)

    # Then the kept page came compressed to the first, and plain to the second: it is kept plain
    assert kept_compressed["Content-Encoding"] == "gzip"
    assert "Content-Encoding" not in kept_plain
    assert kept_plain.content.lstrip().lower().startswith(b"<!doctype html")
    assert text_of(decompressed(kept_compressed)) == text_of(kept_plain) == text_of(decompressed(first))
    assert product.title in text_of(kept_plain)


@pytest.mark.django_db
def test_a_static_photo_from_whitenoise_goes_out_as_it_is(client):
    # A JPEG is compressed already; WhiteNoise answers before the pages' compression, so it is sent untouched.
    response = client.get("/static/oscar/img/image_not_found.jpg", **TAKES_GZIP)

    assert response.status_code == 200
    assert "Content-Encoding" not in response
    assert int(response["Content-Length"]) > 0
