"""An S3-compatible server for the tests of object storage: moto's, in server mode, in a process of its own.

No real S3 can be reached from the tests; moto answers the same HTTP API, so django-storages and
boto3 talk to it as they would to a bucket, and its URLs can be fetched like the bucket's.
"""

import contextlib
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from urllib.parse import urlencode

import boto3
from django.conf import settings
from django.test import override_settings
from django.utils.functional import empty
from sorl.thumbnail import default as sorl_default
from sorl.thumbnail.images import get_or_create_storage

from shop.media import media_storage
from tests.processes import free_port

# moto takes any keys; boto3 and django-storages read them from the environment, as in production.
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "test-key", "AWS_SECRET_ACCESS_KEY": "test-secret"}
REGION = "ap-southeast-1"


@contextlib.contextmanager
def s3_server():
    """moto's S3 server on a free local port; yields its endpoint URL once it answers (up to 30 s)."""
    port = free_port()
    log = tempfile.TemporaryFile()  # noqa: SIM115 (closed below)
    server = subprocess.Popen([sys.executable, "-m", "moto.server", "-p", str(port)], stdout=log, stderr=log)
    try:
        deadline = time.monotonic() + 30
        while True:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
                break
            if server.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                raise AssertionError(f"moto's S3 server did not answer:\n{log.read()[-3000:].decode()}")
            time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()


class Bucket:
    """A new bucket on the server, made through boto3, and the MEDIA_STORAGE_URL that names it."""

    def __init__(self, endpoint, **options):
        self.endpoint = endpoint
        self.name = f"cho-ocop-{uuid.uuid4().hex[:12]}"
        self.client = boto3.client(
            "s3",
            endpoint_url=endpoint,
            region_name=REGION,
            aws_access_key_id=CREDENTIALS["AWS_ACCESS_KEY_ID"],
            aws_secret_access_key=CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
        )
        self.client.create_bucket(Bucket=self.name, CreateBucketConfiguration={"LocationConstraint": REGION})
        query = urlencode({"endpoint_url": endpoint, "region_name": REGION, **options})
        self.url = f"s3://{self.name}?{query}"

    def names(self):
        """The names of every object in the bucket, listed by boto3."""
        pages = self.client.get_paginator("list_objects_v2").paginate(Bucket=self.name)
        return sorted(item["Key"] for page in pages for item in page.get("Contents", []))


@contextlib.contextmanager
def media_in(bucket):
    """Django's default storage, and sorl's, on `bucket` as MEDIA_STORAGE_URL would set it (shop/media.py)."""
    storages = {**settings.STORAGES, "default": media_storage(bucket.url)}
    with override_settings(STORAGES=storages):
        forget_storages()
        try:
            yield
        finally:
            forget_storages()


def forget_storages():
    """Django forgets its storages when STORAGES changes; sorl keeps its own until told."""
    sorl_default.storage._wrapped = empty
    get_or_create_storage.cache_clear()
