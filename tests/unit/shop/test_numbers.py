import pytest
from django.utils import translation

from shop.templatetags.numbers import number


@pytest.mark.parametrize(("language", "shown"), [("vi", "60.000"), ("en-gb", "60,000")])
def test_large_numbers_are_grouped_as_each_language_writes_them(language, shown):
    with translation.override(language):
        assert number(60000) == shown
