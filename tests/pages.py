"""Reading pages the way a visitor sees them."""

import re

from bs4 import BeautifulSoup
from django.conf import settings

VIETNAMESE = "vi"
# The English of settings.LANGUAGES, whichever variant it is ("en", "en-gb").
ENGLISH = next(code for code, _name in settings.LANGUAGES if code.split("-")[0] == "en")


def open_page(client, url, language, **extra):
    """GET a page with the language chosen through the language cookie, following redirects."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client.get(url, follow=True, **extra)


def soup_of(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def text_of(response):
    """The visible text of a page, with runs of whitespace made one space (a no-break space stays)."""
    return re.sub(r"[ \t\n\r\f\v]+", " ", soup_of(response).get_text(" ")).strip()
