import pytest

from catalog.search import fold_words, search_terms


@pytest.mark.parametrize(
    "query",
    ["mien dong", "Miến dong", "MIẾN DONG", "mien  dong", "  Miến\tDong ", "miến, dong!", "Miến dong miến"],
)
def test_every_way_of_typing_miến_dong_gives_the_same_words(query):
    assert search_terms(query) == ["mien", "dong"]


@pytest.mark.parametrize("query", ["thach den", "Thạch đen", "THẠCH ĐEN", "thach đen", "Thạch Đen"])
def test_đ_counts_as_d(query):
    assert search_terms(query) == ["thach", "den"]


def test_a_query_of_only_punctuation_has_no_words():
    assert search_terms(" ?!… ") == []


def test_folded_text_keeps_words_and_drops_punctuation():
    assert fold_words("Hạt dẻ Trùng Khánh (1kg), loại 1!") == "hat de trung khanh 1kg loai 1"
