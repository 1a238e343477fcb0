"""Photos as phones and cameras make them, generated with Pillow and pillow-heif."""

import io
import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from pillow_heif import register_heif_opener

register_heif_opener()

RED, BLUE = (200, 30, 30), (30, 30, 200)
EXIF_ORIENTATION = 0x0112
EXIF_GPS_IFD = 0x8825
# The camera was turned a quarter to the right: the pixels lie sideways, the tag says so.
TURNED_RIGHT = 6


def two_halves(width, height):
    """An image red on its left half and blue on its right, to see which way it ends up."""
    image = Image.new("RGB", (width, height), BLUE)
    image.paste(RED, (0, 0, width // 2, height))
    return image


def photo_file(image, image_format, name, **save_options):
    data = io.BytesIO()
    image.save(data, image_format, **save_options)
    return SimpleUploadedFile(name, data.getvalue())


def sideways_phone_jpeg(width=400, height=300):
    """A JPEG whose pixels lie on their side, with an EXIF orientation and a GPS position."""
    exif = Image.Exif()
    exif[EXIF_ORIENTATION] = TURNED_RIGHT
    exif.get_ifd(EXIF_GPS_IFD)[2] = (22.0, 40.0, 0.0)  # GPSLatitude: the maker's home
    return photo_file(two_halves(width, height), "JPEG", "IMG_0042.JPG", exif=exif)


def png_claiming(width, height, colour_type=2):
    """A PNG file whose header claims width × height pixels (RGB; 6: with alpha), with no pixels behind it."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, colour_type, 0, 0, 0)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IEND", b"")
    return SimpleUploadedFile("bom.png", data)


def jpeg_claiming(width, height, **save_options):
    """A JPEG whose header claims width × height pixels (a tiny JPEG with its frame's size changed)."""
    data = io.BytesIO()
    Image.new("RGB", (16, 16)).save(data, "JPEG", **save_options)
    data = bytearray(data.getvalue())
    frame = next(i for i in range(len(data) - 1) if data[i] == 0xFF and data[i + 1] in (0xC0, 0xC2))
    data[frame + 5 : frame + 9] = struct.pack(">HH", height, width)
    return SimpleUploadedFile("IMG_0050.JPG", bytes(data))


def colour_at(image, x, y):
    """Which of red and blue a pixel is closest to."""
    pixel = image.convert("RGB").getpixel((x, y))
    return min((RED, BLUE), key=lambda colour: sum(abs(a - b) for a, b in zip(pixel, colour, strict=True)))


def stored(upload):
    """A stored file (or the file about to be stored) opened with Pillow."""
    with upload.open("rb"):
        return Image.open(io.BytesIO(upload.read()))
