"""Our two Vietnamese catalogues are sound: each translation keeps its msgid's placeholders and the newlines it starts
and ends with (what GNU msgfmt --check-format asks; we compile with Babel, which does not check)."""

from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings

CATALOGUES = [path for folder in settings.LOCALE_PATHS for path in Path(folder).glob("vi/LC_MESSAGES/django.po")]


def entries(path):
    with path.open("rb") as po_file:
        catalog = read_po(po_file, locale="vi")
    return catalog, [message for message in catalog if message.id and message.string]


def pairs(message):
    """(msgid, msgstr) pairs of an entry: one, or one a plural form."""
    ids = message.id if isinstance(message.id, tuple) else (message.id,)
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return [(ids[min(index, len(ids) - 1)], string) for index, string in enumerate(strings)]


def test_both_catalogues_are_read():
    assert [path.parts[-4] for path in CATALOGUES] == ["locale", "locale-vendor"]


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda path: path.parts[-4])
def test_every_translation_keeps_its_placeholders(path):
    catalog, _messages = entries(path)

    problems = [f"{message.lineno}: {message.id!r}: {error}" for message, errors in catalog.check() for error in errors]

    assert problems == []


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda path: path.parts[-4])
def test_every_translation_starts_and_ends_with_a_newline_as_its_msgid_does(path):
    _catalog, messages = entries(path)

    problems = [
        f"{message.lineno}: {msgid[:50]!r}"
        for message in messages
        for msgid, msgstr in pairs(message)
        if msgstr
        and (msgid.startswith("\n") != msgstr.startswith("\n") or msgid.endswith("\n") != msgstr.endswith("\n"))
    ]

    assert problems == []
