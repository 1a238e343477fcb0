"""Product photos: which uploads are taken, and how they are stored.

Sellers take photos with their phones: JPEG, HEIC from iPhones, sometimes PNG or WebP
screenshots, often sideways with only an EXIF tag saying which way is up, and up to
50 megapixels. A photo is stored upright, at most MAX_SIDE pixels on its longest side, as a
JPEG without its metadata (phone photos carry the GPS position of the maker's home).
Anything else is refused with a message the seller can act on.

Reading a picture takes memory in proportion to its pixels, not to its file: a 308 KB PNG of 79
megapixels once took a worker from 165 MB to 1.2 GB. So every photo is read within DECODE_BUDGET.
A JPEG is decoded already reduced (1/2, 1/4 or 1/8 of its sides) towards the size it is stored
at, which keeps even 80 megapixels small; a PNG, WebP or HEIC is decoded whole, and one with more
pixels than the budget allows for its format is refused before it is decoded, saying so.
`make benchmark-photo` measures the worker's peak for the largest photo of each format taken.
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
# the 48–64 MP of today's phone cameras; a JPEG that large is read reduced.
MAX_PIXELS = 80_000_000
# What reading and fitting one photo may take on top of a worker's own memory.
DECODE_BUDGET = 200 * MB
# Bytes each pixel of a picture decoded whole costs while it is read and fitted (measured with `make
# benchmark-photo`, rounded up): Pillow keeps RGB in 4 bytes; libwebp and libheif decode into buffers of
# their own that Pillow then copies. Fitting a transparent picture goes through a premultiplied copy
# (TRANSPARENCY_BYTES more). A JPEG's cost is that of its reduced picture, plus, when it is progressive,
# the decoder's 2 bytes for each coefficient of the whole photo (JPEG_COEFFICIENT_BYTES).
BYTES_PER_PIXEL = {"JPEG": 7, "MPO": 7, "PNG": 6, "WEBP": 15, "HEIF": 7}
TRANSPARENCY_BYTES = 4
JPEG_COEFFICIENT_BYTES = 2
MAX_SIDE = 2000
JPEG_QUALITY = 85
# Pillow's name of each format taken; pillow-heif reads HEIC as "HEIF". Phones' HDR photos
# (Android's Ultra HDR, iPhone's gain maps) are JPEGs that Pillow reads as "MPO".
ACCEPTED_FORMATS = {"JPEG", "MPO", "PNG", "WEBP", "HEIF"}
# The names sellers know the formats by.
FORMAT_NAMES = {"MPO": "JPEG", "WEBP": "WebP", "HEIF": "HEIC"}

MESSAGES = {
    "file_too_large": _("This photo is %(size)s MB; a photo can be at most %(limit)s MB. Choose a smaller one."),
    "not_an_image": _("This file is not a photo. Choose a photo in JPEG, PNG, WebP or HEIC format."),
    "unsupported_format": _(
        "Photos in %(format)s format cannot be used. Choose a photo in JPEG, PNG, WebP or HEIC format."
    ),
    "too_many_pixels": _("This picture is too large to process: a photo can have at most %(limit)s megapixels."),
    "too_large_to_read": _(
        "This photo is too large (%(megapixels)s megapixels): a %(format)s photo can have at most %(limit)s "
        "megapixels. Take it again at a smaller size."
    ),
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
        reduce_while_reading(image)
        check_decoding_fits_budget(image, width * height)
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


def reduce_while_reading(image):
    """Have the JPEG decoder scale a JPEG down by 1/2, 1/4 or 1/8 as it reads, as far as the stored size allows."""
    if image.format in ("JPEG", "MPO"):
        image.draft("RGB", fitted_size(image.size))


def decoding_cost(image, pixels):
    """About how many bytes reading `image` (of `pixels` before any reduction) and fitting it will take."""
    width, height = image.size  # reduced already, for a JPEG
    transparent = image.mode in ("RGBA", "LA", "RGBa", "La")
    cost = width * height * (BYTES_PER_PIXEL[image.format] + (TRANSPARENCY_BYTES if transparent else 0))
    if image.format in ("JPEG", "MPO") and image.info.get("progressive"):
        # A progressive JPEG's decoder keeps every coefficient of the whole photo, in each colour's own sampling.
        samplings = [(h, v) for _id, h, v, _table in image.layer]
        most = max(h for h, _v in samplings) * max(v for _h, v in samplings)
        cost += pixels * JPEG_COEFFICIENT_BYTES * sum(h * v for h, v in samplings) / most
    return cost


def check_decoding_fits_budget(image, pixels):
    """Refuse, before decoding it, a photo whose reading would take more than DECODE_BUDGET."""
    cost = decoding_cost(image, pixels)
    if cost > DECODE_BUDGET:
        raise refuse(
            "too_large_to_read",
            megapixels=number_format(pixels / 10**6, 1),
            format=FORMAT_NAMES.get(image.format, image.format),
            limit=int(pixels * DECODE_BUDGET / cost / 10**6),
        )


def upright_and_smaller(image):
    """A new RGB image: fitted within MAX_SIDE, turned as its EXIF orientation says, transparency on white.

    Fitted first, in place, so the whole picture is let go of before any copy is made.
    """
    image.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    photo = ImageOps.exif_transpose(image)
    if photo.mode in ("RGBA", "LA", "PA") or (photo.mode == "P" and "transparency" in photo.info):
        photo = photo.convert("RGBA")
        on_white = Image.new("RGB", photo.size, "white")
        on_white.paste(photo, mask=photo.getchannel("A"))
        return on_white
    return photo.convert("RGB")


def fitted_size(size):
    """`size` brought within MAX_SIDE × MAX_SIDE, its proportions kept."""
    width, height = size
    scale = min(1, MAX_SIDE / max(width, height))
    return max(1, round(width * scale)), max(1, round(height * scale))


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
