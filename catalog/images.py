"""Product photos: which uploads are taken, and how they are stored.

Sellers take photos with their phones: JPEG, HEIC from iPhones, sometimes PNG or WebP
screenshots, often sideways with only an EXIF tag saying which way is up, and up to
50 megapixels. A photo is stored upright, at most MAX_SIDE pixels on its longest side, as a
JPEG without its metadata (phone photos carry the GPS position of the maker's home).
Anything else is refused with a message the seller can act on.
"""

import io
from pathlib import Path

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError
from pillow_heif import register_heif_opener

register_heif_opener()

MB = 1024 * 1024
MAX_UPLOAD_SIZE = 15 * MB
# Below Pillow's own decompression-bomb threshold (Image.MAX_IMAGE_PIXELS, ~89 MP), above
# the 48–64 MP of today's phone cameras.
MAX_PIXELS = 80_000_000
MAX_SIDE = 2000
JPEG_QUALITY = 85
# Pillow's name of each format taken; pillow-heif reads HEIC as "HEIF". Phones' HDR photos
# (Android's Ultra HDR, iPhone's gain maps) are JPEGs that Pillow reads as "MPO".
ACCEPTED_FORMATS = {"JPEG", "MPO", "PNG", "WEBP", "HEIF"}

MESSAGES = {
    "file_too_large": _("This photo is %(size)s MB; a photo can be at most %(limit)s MB. Choose a smaller one."),
    "not_an_image": _("This file is not a photo. Choose a photo in JPEG, PNG, WebP or HEIC format."),
    "unsupported_format": _(
        "Photos in %(format)s format cannot be used. Choose a photo in JPEG, PNG, WebP or HEIC format."
    ),
    "too_many_pixels": _("This picture is too large to process: a photo can have at most %(limit)s megapixels."),
    "damaged": _("This photo is damaged or incomplete. Take or export it again, then upload it."),
}


def refuse(code, **params):
    return ValidationError(MESSAGES[code], code=code, params=params)


def prepare_product_photo(upload):
    """The uploaded file as it is stored: an upright JPEG of at most MAX_SIDE px, without metadata.

    Raises ValidationError, with a message for the seller, for a file that is too big, not a
    photo, in another format, a decompression bomb or damaged.
    """
    if upload.size > MAX_UPLOAD_SIZE:
        raise refuse("file_too_large", size=number_format(upload.size / MB, 1), limit=MAX_UPLOAD_SIZE // MB)
    upload.seek(0)
    try:
        image = Image.open(upload)
    except Image.DecompressionBombError:
        # Pillow refuses outright a file that claims more than twice its own limit.
        raise refuse("too_many_pixels", limit=MAX_PIXELS // 10**6) from None
    except (UnidentifiedImageError, OSError, ValueError):
        raise refuse("not_an_image") from None
    with image:
        if image.format not in ACCEPTED_FORMATS:
            raise refuse("unsupported_format", format=image.format)
        width, height = image.size
        if width * height > MAX_PIXELS:
            raise refuse("too_many_pixels", limit=MAX_PIXELS // 10**6)
        # A CMYK profile would be wrong on the RGB copy; any other is kept for true colours.
        icc_profile = image.info.get("icc_profile") if image.mode != "CMYK" else None
        try:
            photo = upright_and_smaller(image)
        except (OSError, ValueError, SyntaxError):
            raise refuse("damaged") from None

    stored = io.BytesIO()
    photo.save(stored, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True, icc_profile=icc_profile)
    name = f"{Path(upload.name).stem or 'anh'}.jpg"
    return SimpleUploadedFile(name, stored.getvalue(), content_type="image/jpeg")


def upright_and_smaller(image):
    """A new RGB image: turned as its EXIF orientation says, fitted within MAX_SIDE, transparency on white."""
    if image.format in ("JPEG", "MPO"):
        # Let the JPEG decoder scale down by 1/2, 1/4… while reading: far less memory for big photos.
        image.draft("RGB", (MAX_SIDE, MAX_SIDE))
    photo = ImageOps.exif_transpose(image)
    photo.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    if photo.mode in ("RGBA", "LA", "PA") or (photo.mode == "P" and "transparency" in photo.info):
        photo = photo.convert("RGBA")
        on_white = Image.new("RGB", photo.size, "white")
        on_white.paste(photo, mask=photo.getchannel("A"))
        return on_white
    return photo.convert("RGB")


class ProductPhotoField(forms.ImageField):
    """A form's photo upload, checked and made ready to store by prepare_product_photo."""

    # The content decides, not the file's name: "IMG_0042" from a phone has no extension.
    default_validators = []

    def to_python(self, data):
        # FileField's checks (an empty file, a long name), then ours in place of ImageField's.
        upload = forms.FileField.to_python(self, data)
        if upload is None:
            return None
        return prepare_product_photo(upload)


class ProductPhotoModelField(models.ImageField):
    """An ImageField whose forms (the dashboard's, the seller portal's) use ProductPhotoField."""

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": ProductPhotoField, **kwargs})
