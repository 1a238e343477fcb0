"""Product photo uploads: what is taken, how it is stored, and what a refused seller reads."""

import io

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

from catalog.images import MAX_SIDE, ProductPhotoField, prepare_product_photo
from tests.photos import (
    BLUE,
    EXIF_GPS_IFD,
    RED,
    colour_at,
    jpeg_claiming,
    photo_file,
    png_claiming,
    sideways_phone_jpeg,
    stored,
    two_halves,
)


def refusal(upload):
    """The message a seller reads, in Vietnamese, when her upload is refused."""
    with translation.override("vi"), pytest.raises(ValidationError) as refused:
        prepare_product_photo(upload)
    return refused.value.messages[0]


def test_a_sideways_phone_photo_is_stored_upright_as_a_jpeg_without_its_gps_position():
    # Given a 400 × 300 photo lying on its side, red on the left, tagged "turned right"
    photo = stored(prepare_product_photo(sideways_phone_jpeg(400, 300)))

    # Then it stands upright: 300 × 400, the red half on top
    assert photo.format == "JPEG"
    assert photo.size == (300, 400)
    assert colour_at(photo, 150, 50) == RED
    assert colour_at(photo, 150, 350) == BLUE
    # And nothing says where it was taken, nor turns it again
    assert not photo.getexif().get_ifd(EXIF_GPS_IFD)
    assert 0x0112 not in photo.getexif()


@pytest.mark.parametrize(
    ("image_format", "name"),
    [("PNG", "anh-chup-man-hinh.png"), ("WEBP", "anh.webp"), ("HEIF", "IMG_0043.HEIC")],
)
def test_png_webp_and_heic_photos_are_stored_as_jpeg(image_format, name):
    upload = photo_file(two_halves(640, 480), image_format, name)

    result = prepare_product_photo(upload)

    assert result.name.endswith(".jpg")
    assert result.content_type == "image/jpeg"
    photo = stored(result)
    assert (photo.format, photo.size) == ("JPEG", (640, 480))
    assert colour_at(photo, 10, 240) == RED


def test_a_transparent_png_is_stored_on_white():
    logo = Image.new("RGBA", (100, 100), (0, 0, 0, 0))

    photo = stored(prepare_product_photo(photo_file(logo, "PNG", "logo.png")))

    assert photo.convert("RGB").getpixel((50, 50)) == (255, 255, 255)


def test_a_very_large_photo_is_brought_down_to_the_longest_side_allowed():
    upload = photo_file(two_halves(5000, 2500), "JPEG", "IMG_0044.JPG", quality=70)

    photo = stored(prepare_product_photo(upload))

    assert photo.size == (MAX_SIDE, MAX_SIDE // 2)


def test_a_small_photo_is_kept_at_its_size():
    photo = stored(prepare_product_photo(photo_file(two_halves(300, 200), "JPEG", "nho.jpg")))

    assert photo.size == (300, 200)


def test_a_text_file_named_jpg_is_refused_as_not_a_photo():
    upload = SimpleUploadedFile("mien-dong.jpg", "Miến dong Phia Đén, 500 g".encode())

    assert refusal(upload) == "Tệp này không phải là ảnh. Hãy chọn ảnh định dạng JPEG, PNG, WebP hoặc HEIC."


def test_a_gif_is_refused_naming_the_formats_that_are_taken():
    upload = photo_file(two_halves(60, 60), "GIF", "hoat-hinh.gif")

    assert refusal(upload) == "Không dùng được ảnh định dạng GIF. Hãy chọn ảnh định dạng JPEG, PNG, WebP hoặc HEIC."


@pytest.mark.parametrize(
    ("width", "height"),
    [(9_000, 9_000), (100_000, 100_000)],  # over our limit; over twice Pillow's (DecompressionBombError)
    ids=["81-megapixels", "10-gigapixels"],
)
def test_a_decompression_bomb_is_refused_before_it_is_decoded(width, height):
    assert refusal(png_claiming(width, height)) == "Ảnh này quá lớn để xử lý: ảnh chỉ được tối đa 80 megapixel."


def refusal_in_english(upload):
    with translation.override("en-gb"):
        with pytest.raises(ValidationError) as refused:
            prepare_product_photo(upload)
        return str(refused.value.messages[0])  # read while English is on: the message is translated lazily


def test_a_png_too_large_to_read_within_the_memory_budget_is_refused_saying_why():
    # A flat 79-megapixel screenshot is a small file, but decoded whole it would take over a gigabyte
    assert refusal_in_english(png_claiming(10_000, 7_900)) == (
        "This photo is too large (79.0 megapixels): a PNG photo can have at most 34 megapixels. "
        "Take it again at a smaller size."
    )


def test_an_80_megapixel_jpeg_is_read_reduced_and_stored():
    # Baseline JPEG: decoded at a quarter of its sides, within the budget (the pixels behind its header are grey)
    photo = stored(prepare_product_photo(jpeg_claiming(10_320, 7_740)))

    assert photo.size == (MAX_SIDE, 1500)


def test_a_large_progressive_jpeg_whose_decoder_would_keep_too_much_is_refused():
    # A progressive JPEG's decoder keeps every coefficient of the whole photo, whatever the reduction
    assert refusal_in_english(jpeg_claiming(10_320, 7_740, progressive=True, subsampling=0)).startswith(
        "This photo is too large (79.8 megapixels): a JPEG photo can have at most 32 megapixels."
    )


def test_a_transparent_picture_is_allowed_fewer_pixels_than_an_opaque_one():
    opaque = Image.new("RGB", (6_000, 4_000), "white")  # 24 megapixels: decoded, fitted and stored
    transparent = png_claiming(6_000, 4_000, colour_type=6)  # the same size with an alpha channel: refused

    assert stored(prepare_product_photo(photo_file(opaque, "PNG", "ban-do.png"))).size == (MAX_SIDE, 1333)
    assert refusal_in_english(transparent).startswith("This photo is too large (24.0 megapixels)")


def test_a_file_over_the_size_limit_is_refused_with_its_size():
    upload = SimpleUploadedFile("IMG_0045.JPG", b"\xff\xd8\xff" + bytes(16 * 1024 * 1024))

    assert refusal(upload) == "Ảnh này nặng 16,0 MB, quá mức tối đa 15 MB. Hãy chọn ảnh nhỏ hơn."


def test_a_photo_cut_off_halfway_is_refused_as_damaged():
    whole = photo_file(two_halves(400, 300), "JPEG", "IMG_0046.JPG").read()
    upload = SimpleUploadedFile("IMG_0046.JPG", whole[: len(whole) // 2])

    assert refusal(upload) == "Ảnh này bị hỏng hoặc chưa đầy đủ. Hãy chụp hoặc xuất lại ảnh rồi tải lên."


class PhotoForm(forms.Form):
    photo = ProductPhotoField()


def test_a_form_with_the_photo_field_gets_the_stored_jpeg_or_shows_the_refusal():
    heic = photo_file(two_halves(64, 48), "HEIF", "IMG_0047.HEIC")
    taken = PhotoForm(files={"photo": heic})
    with translation.override("vi"):
        refused = PhotoForm(files={"photo": SimpleUploadedFile("IMG_0048.HEIC", b"not a photo")})

        assert taken.is_valid()
        assert stored(taken.cleaned_data["photo"]).format == "JPEG"
        assert not refused.is_valid()
        assert refused.errors["photo"] == [
            "Tệp này không phải là ảnh. Hãy chọn ảnh định dạng JPEG, PNG, WebP hoặc HEIC."
        ]


def test_an_hdr_phone_photo_read_as_mpo_is_taken_as_a_jpeg():
    # Given a JPEG with a second picture inside (Android's Ultra HDR, an iPhone's gain map)
    main, gain_map = Image.new("RGB", (1200, 900), "darkgreen"), Image.new("RGB", (300, 225), "gray")
    buffer = io.BytesIO()
    main.save(buffer, "MPO", save_all=True, append_images=[gain_map])
    assert Image.open(io.BytesIO(buffer.getvalue())).format == "MPO"

    stored = prepare_product_photo(SimpleUploadedFile("PXL_2026.jpg", buffer.getvalue(), content_type="image/jpeg"))

    photo = Image.open(stored)
    assert (photo.format, photo.size) == ("JPEG", (1200, 900))
