"""MEDIA_STORAGE_URL read into S3Storage's options (shop/media.py), and MEDIA_URL where its files really are."""

from urllib.parse import urlsplit

import pytest
from django.core.exceptions import ImproperlyConfigured
from storages.backends.s3 import S3Storage

from shop.media import media_storage, media_url


def origin(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@pytest.mark.parametrize(
    "url",
    [
        "s3://cho-ocop-media?region_name=ap-southeast-1",
        "s3://cho-ocop-media/media?endpoint_url=https://s3.example.vn&region_name=hn",
        "s3://cho-ocop-media?endpoint_url=https://s3.example.vn&addressing_style=virtual",
        "s3://cho-ocop-media?region_name=ap-southeast-1&custom_domain=media.cho-ocop.example",
    ],
)
def test_media_url_is_where_the_storage_puts_its_files(url):
    storage = media_storage(url)
    s3 = S3Storage(access_key="key", secret_key="secret", **storage["OPTIONS"])

    assert s3.url("images/products/anh.jpg").startswith(media_url(storage) + "images/products/anh.jpg")
    assert origin(s3.url("anh.jpg")) == origin(media_url(storage))


def test_urls_are_signed_unless_a_public_custom_domain_serves_the_files():
    signed = media_storage("s3://cho-ocop-media?region_name=ap-southeast-1")["OPTIONS"]
    public = media_storage("s3://cho-ocop-media?region_name=ap-southeast-1&custom_domain=media.example")["OPTIONS"]

    assert (signed["querystring_auth"], public["querystring_auth"]) == (True, False)
    assert signed["file_overwrite"] is False
    assert "default_acl" not in signed


@pytest.mark.parametrize(
    "url",
    [
        "https://cho-ocop-media.s3.amazonaws.com/",
        "s3://cho-ocop-media",  # neither region nor endpoint
        "s3://cho-ocop-media?region_name=hn&default_acl=public-read-write",
        "s3://cho-ocop-media?region_name=hn&querystring_auth=maybe",
    ],
)
def test_a_mistaken_url_stops_the_site_saying_what_is_wrong(url):
    with pytest.raises(ImproperlyConfigured, match="MEDIA_STORAGE_URL"):
        media_storage(url)
