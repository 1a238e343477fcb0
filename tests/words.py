"""Finding words of the wrong language on a page: English left in a Vietnamese page, Vietnamese in an English one.

A page's words are what a person reads or hears: its text, its buttons' labels, the placeholders, titles,
aria-labels and alt texts, the options of its lists, its error messages. The data the test made (product and
seller names, addresses, story texts, people's names) and what is the same in both languages (numbers, prices,
emails, phone numbers, brand names, codes) are taken out first; what is left must be in the page's language.

English is told from Vietnamese written without its marks by two things at once: an English word is a word of
the site's English texts (the msgids of every catalogue the site loads, and a few common words), and it cannot be
a Vietnamese syllable (`the`, `to`, `an`, `con` can be; `your`, `basket`, `order` cannot). Two or more English
words of the commonest kind in a row (`go to`, `log in`) count as English too. Vietnamese is told in an English page
by its letters: a word with Vietnamese marks (ă â đ ê ô ơ ư and the tones).
"""

import json
import re
from dataclasses import dataclass, field
from functools import cache

from bs4 import BeautifulSoup, Comment, NavigableString
from django.conf import settings
from django.utils import translation

from vietnam.geography import provinces, wards_of_province

# What a person reads besides the text: the attributes a browser shows or reads aloud.
SHOWN_ATTRIBUTES = ("placeholder", "title", "aria-label", "alt", "data-loading-text", "aria-description")
BUTTON_INPUTS = {"submit", "button", "reset"}
UNREAD_ELEMENTS = {"script", "style", "noscript", "code", "pre"}

# Words both languages write alike on this site: brands, loanwords of Vietnamese web shops, units.
SHARED_TEXT = (
    "OCOP VietQR Visa Mastercard Zalo Stripe Wagtail Oscar Agribank Napas Facebook Google YouTube Youtube "
    "email Email online website web logo menu video ok OK OTP SMS QR PDF Excel CSV XLSX kg ml km Chợ "
    "Vietcombank Vietinbank BIDV Techcombank MB MoMo ZaloPay"
)
SHARED_WORDS = {word.lower() for word in SHARED_TEXT.split()}
# Words English writes in Vietnamese: the currency.
SHARED_VIETNAMESE = {"đồng"}
# Common English words, whether or not a catalogue of the site writes them.
COMMON_TEXT = """the your you yours our we us my me this that these those there here what which who when where why how
    and or not no yes of for from with without by at on in to into onto up down out over under about after before
    is are was were be been being has have had do does did can could will would should may might must shall
    a an all any some every each other more most less many much few only just also still again now then than
    please thank thanks sorry welcome hello hi oops
    basket cart checkout order orders add remove delete submit continue address addresses total subtotal shipping
    delivery edit save cancel back next previous home search results result product products item items price
    quantity voucher code apply pay payment method preview place confirm confirmation account profile login
    logout log sign register password reset email phone number name first last change view details show hide
    open close more less new update updated status pending placed shipped delivered cancelled paid unpaid seller
    sellers buyer customer guest help contact about page pages documents just ago minute minutes hour hours day
    days week weeks month months year years today yesterday issue issues found error errors invalid required field
    fields enter entered valid not yet none empty stock available unavailable sold out offer offers discount
    story stories figures programme program shop store dashboard summary recent list table filter sort"""
COMMON_ENGLISH = set(COMMON_TEXT.split())
# The commonest English words that are also Vietnamese syllables without marks: two of them in a row are English.
SHORT_ENGLISH = {"the", "to", "in", "on", "an", "at", "it", "no", "do", "me", "can", "go", "by", "my", "up", "so"}

ONSET = r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?"
NUCLEUS = r"(?:oai|oay|uya|uye|ai|ao|au|ay|eo|ia|iu|oa|oe|oi|oo|ua|ui|uy|[aeiouy])"
CODA = r"(?:ng|nh|ch|[cmnpt])?"
VIETNAMESE_SYLLABLE = re.compile(ONSET + NUCLEUS + CODA, re.IGNORECASE)
VIETNAMESE_LETTERS = set("àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ")
VIETNAMESE_LETTERS |= {letter.upper() for letter in VIETNAMESE_LETTERS}

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# Things that are no language: addresses of mail and of pages, numbers with their units and signs, codes.
NO_LANGUAGE = re.compile(
    r"\S+@\S+|https?://\S+|www\.\S+|/[\w./?=&%-]*|\b\w*\d\w*\b|[#№]\S+",
)
ACRONYM = re.compile(r"[A-Z]{2,5}")


@dataclass
class Finding:
    phrase: str
    words: list = field(default_factory=list)

    def __str__(self):
        return f"{', '.join(dict.fromkeys(self.words))}  ←  “{self.phrase[:160]}”"


def shown_phrases(html):
    """The pieces of text a person reads on the page, in the order of the page: text and shown attributes."""
    soup = html if isinstance(html, BeautifulSoup) else BeautifulSoup(html, "html.parser")
    phrases = []
    for data in soup.select('script[type="application/json"]'):  # menus drawn from data (Wagtail's sidebar)
        phrases.extend(labels_in(json.loads(data.string or "null")))
    for element in soup.descendants:
        if isinstance(element, NavigableString):
            if isinstance(element, Comment) or element.find_parent(UNREAD_ELEMENTS):
                continue
            if type(element) is not NavigableString:  # doctype, CDATA, processing instructions
                continue
            text = " ".join(element.split())
            if text:
                phrases.append(text)
            continue
        if element.name in UNREAD_ELEMENTS or element.name is None:
            continue
        for name in SHOWN_ATTRIBUTES:
            value = element.get(name)
            if value and value.strip():
                phrases.append(" ".join(value.split()))
        if element.name == "input" and element.get("type", "text") in BUTTON_INPUTS and element.get("value"):
            phrases.append(" ".join(element["value"].split()))
    return phrases


def labels_in(data):
    """The "label" texts of JSON data, at any depth."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "label" and isinstance(value, str) and value.strip():
                yield " ".join(value.split())
            else:
                yield from labels_in(value)
    elif isinstance(data, list):
        for value in data:
            yield from labels_in(value)


@cache
def english_words():
    """Every ASCII word of the site's English texts (the msgids of the catalogues it loads), with common ones."""
    catalog = translation.trans_real.translation("vi")._catalog
    words = set(COMMON_ENGLISH)
    for key in catalog.keys():  # noqa: SIM118 (Django's TranslationCatalog is not iterable)
        msgid = key[0] if isinstance(key, tuple) else key
        msgid = msgid.split("\x04")[-1]  # pgettext's context
        for word in WORD.findall(msgid):
            if word.isascii() and len(word) > 1:
                words.add(word.lower())
    return frozenset(words - SHARED_WORDS)


@cache
def place_names():
    """The names of the country's provinces and communes: data in every language (the address forms list them)."""
    names = set()
    for code, name in provinces():
        names.add(name)
        names.update(ward for _code, ward in wards_of_province(code))
    return frozenset(names)


def is_english(word):
    lower = word.lower()
    return lower in english_words() and not VIETNAMESE_SYLLABLE.fullmatch(lower)


def has_vietnamese_letters(word):
    return any(letter in VIETNAMESE_LETTERS for letter in word)


class Words:
    """What a test's pages may show in either language: its own data, and the place names."""

    def __init__(self, data=()):
        self.data = set()
        self.add(
            settings.SITE_NAME,
            settings.MARKETPLACE_PROGRAMME,
            getattr(settings, "VIETQR_ACCOUNT_NAME", ""),
            getattr(settings, "VIETQR_BANK_NAME", ""),
            *dict(settings.LANGUAGES).values(),  # the language switch names each language in itself
        )
        self.add(*data)

    def add(self, *texts):
        for text in texts:
            text = " ".join(str(text or "").split())
            if len(text) > 1:
                self.data.add(text)
        self._ordered = None

    def without_data(self, phrase):
        """The phrase with the test's data, place names and what has no language taken out."""
        if phrase in place_names():
            return ""
        if self._ordered is None:
            self._ordered = sorted(self.data, key=len, reverse=True)
        for text in self._ordered:
            if text in phrase:
                phrase = phrase.replace(text, " | ")
        return NO_LANGUAGE.sub(" | ", phrase)

    def english_in(self, html):
        """Findings of English words in a page that should be all Vietnamese."""
        findings = {}
        for phrase in shown_phrases(html):
            rest = self.without_data(phrase)
            words = [word for word in WORD.findall(rest) if not ACRONYM.fullmatch(word)]
            flagged = [word for word in words if word.isascii() and is_english(word)]
            run = []
            for word in [*words, ""]:
                if word.lower() in SHORT_ENGLISH:
                    run.append(word)
                    continue
                if len(run) >= 2:
                    flagged.extend(run)
                run = []
            if flagged:
                findings.setdefault(phrase, Finding(phrase)).words.extend(flagged)
        return list(findings.values())

    def vietnamese_in(self, html):
        """Findings of Vietnamese words in a page that should be all English."""
        findings = {}
        for phrase in shown_phrases(html):
            rest = self.without_data(phrase)
            words = WORD.findall(rest)
            flagged = [word for word in words if has_vietnamese_letters(word) and word.lower() not in SHARED_VIETNAMESE]
            if flagged:
                findings.setdefault(phrase, Finding(phrase)).words.extend(flagged)
        return list(findings.values())


def report(page, findings, language):
    """A failure message: the page, then each phrase in the wrong language with its words."""
    wrong = {"vi": "English left in the Vietnamese page", "en": "Vietnamese left in the English page"}[language]
    return f"{wrong} “{page}”:\n" + "\n".join(f"  {finding}" for finding in findings)
