import pytest
from oscar.core.utils import slugify as oscar_slugify

from vietnam.text import slugify


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Thạch đen", "thach-den"),
        ("Miến dong Nguyên Bình", "mien-dong-nguyen-binh"),
        ("Hạt dẻ Trùng Khánh", "hat-de-trung-khanh"),
        ("Gạo nếp Pì Pất", "gao-nep-pi-pat"),
        ("ĐẶC SẢN Đông Khê", "dac-san-dong-khe"),
        ("Thổ cẩm Dao đỏ – khăn 100% cotton!", "tho-cam-dao-do-khan-100-cotton"),
    ],
)
def test_vietnamese_text_is_transliterated_into_the_slug(text, slug):
    assert slugify(text) == slug


def test_oscar_makes_its_slugs_with_our_transliterating_function():
    # Oscar's own slugify reads OSCAR_SLUG_FUNCTION; its default would give "thach-u0111en".
    assert oscar_slugify("Thạch đen") == "thach-den"
