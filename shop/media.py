"""Where uploaded files are kept: the file system (MEDIA_ROOT), or an S3-compatible bucket (MEDIA_STORAGE_URL).

MEDIA_STORAGE_URL names the bucket, an optional folder in it, and S3Storage's options (django-storages) as a
query string, e.g. `s3://cho-ocop-media?region_name=ap-southeast-1` on Amazon S3, or
`s3://cho-ocop-media/media?endpoint_url=https://s3.example.vn&region_name=hn` elsewhere. The keys are not in
the URL: boto3 reads AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or a machine's role) as it always does.

Read by shop/settings.py before Django is set up, so it imports nothing of Django's but its exception.
"""

from urllib.parse import parse_qsl, urlsplit

from django.core.exceptions import ImproperlyConfigured

S3_BACKEND = "storages.backends.s3.S3Storage"
# What the URL's query string may set, and how each is read; anything else is a mistake worth stopping for.
# No ACL: objects get the bucket's own (private unless its policy lets the public read), never public-write.
OPTIONS = {
    "endpoint_url": str,
    "region_name": str,
    "custom_domain": str,
    "url_protocol": str,
    "addressing_style": str,
    "signature_version": str,
    "querystring_auth": "bool",
    "querystring_expire": int,
}
TRUE, FALSE = {"1", "true", "yes", "on"}, {"0", "false", "no", "off"}


def media_storage(url):
    """STORAGES["default"] for MEDIA_STORAGE_URL: django-storages' S3Storage on its bucket, with our defaults.

    - a file never replaces another of the same name (two sellers' "anh.jpg" in one month): file_overwrite off;
    - behind a public custom domain (a CDN, or a bucket the public may read) URLs are plain and can be cached;
      otherwise each URL is signed and answers for an hour (querystring_expire), so the bucket stays private;
    - Signature Version 4, which every region and S3-compatible service takes; on Amazon S3 (no endpoint_url)
      the bucket's own host in its region, elsewhere the endpoint's host with the bucket in the path.
    """
    parts = urlsplit(url)
    if parts.scheme != "s3" or not parts.hostname:
        raise ImproperlyConfigured(f"MEDIA_STORAGE_URL must look like s3://bucket?region_name=…, not {url!r}.")
    options = {"bucket_name": parts.netloc, "file_overwrite": False, "signature_version": "s3v4"}
    folder = parts.path.strip("/")
    if folder:
        options["location"] = folder
    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        options[key] = read_option(key, value)
    if "endpoint_url" not in options and "region_name" not in options:
        raise ImproperlyConfigured("MEDIA_STORAGE_URL needs region_name=… on Amazon S3, or endpoint_url=… elsewhere.")
    options.setdefault("addressing_style", "path" if "endpoint_url" in options else "virtual")
    options.setdefault("querystring_auth", "custom_domain" not in options)
    return {"BACKEND": S3_BACKEND, "OPTIONS": options}


def read_option(key, value):
    kind = OPTIONS.get(key)
    if kind is None:
        raise ImproperlyConfigured(f"MEDIA_STORAGE_URL: unknown option {key!r}; it takes {', '.join(OPTIONS)}.")
    if kind == "bool":
        if value.lower() not in TRUE | FALSE:
            raise ImproperlyConfigured(f"MEDIA_STORAGE_URL: {key} is 1 or 0, not {value!r}.")
        return value.lower() in TRUE
    try:
        return kind(value)
    except ValueError:
        raise ImproperlyConfigured(f"MEDIA_STORAGE_URL: {key} must be a number, not {value!r}.") from None


def media_url(storage):
    """Where the files of a STORAGES entry from media_storage() are fetched from: MEDIA_URL, whose host CSP allows."""
    options = storage["OPTIONS"]
    bucket, folder = options["bucket_name"], options.get("location", "")
    if "custom_domain" in options:
        base = f"{options.get('url_protocol', 'https:')}//{options['custom_domain']}"
    elif "endpoint_url" in options:
        endpoint = urlsplit(options["endpoint_url"])
        if options["addressing_style"] == "virtual":
            base = f"{endpoint.scheme}://{bucket}.{endpoint.netloc}"
        else:
            base, folder = f"{endpoint.scheme}://{endpoint.netloc}", "/".join(filter(None, [bucket, folder]))
    else:
        base = f"https://{bucket}.s3.{options['region_name']}.amazonaws.com"
    return "/".join(filter(None, [base, folder])) + "/"
