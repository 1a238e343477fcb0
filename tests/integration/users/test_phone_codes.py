"""The one-time codes of users/verification.py: what they are, how long and how often they count."""

import re
from datetime import timedelta

import pytest
from django.utils import translation

from tests.pages import ENGLISH
from users.models import PhoneCode
from users.verification import MAX_WRONG_TRIES, CodeRefused, check_code, send_code

PHONE = "+84912345678"
VERIFY = PhoneCode.Purpose.VERIFY


@pytest.fixture(autouse=True)
def _in_english():
    """The refusals are read in English here (they are translated when read, as a page shows them)."""
    translation.activate(ENGLISH)


def last_code(outbox):
    return re.search(r"\b(\d{6})\b", outbox[-1][1]).group(1)


def earlier(minutes=0, seconds=0):
    """Move every code sent so far back in time, as if that long had passed."""
    for row in PhoneCode.objects.all():
        row.created_at -= timedelta(minutes=minutes, seconds=seconds)
        row.expires_at -= timedelta(minutes=minutes, seconds=seconds)
        row.save()


@pytest.mark.django_db
def test_a_code_is_six_digits_sent_in_a_plain_text_message_and_kept_only_hashed(sms_outbox):
    send_code(PHONE, VERIFY)

    ((phone, text),) = sms_outbox
    code = last_code(sms_outbox)
    assert phone == PHONE
    assert text.isascii()  # no accents: one plain SMS
    assert len(text) <= 160
    assert "Cho OCOP Cao Bang" in text
    row = PhoneCode.objects.get()
    assert code not in row.code_hash
    assert len(row.code_hash) == 64


@pytest.mark.django_db
def test_a_code_counts_once(sms_outbox):
    send_code(PHONE, VERIFY)
    code = last_code(sms_outbox)

    check_code(PHONE, VERIFY, code)
    with pytest.raises(CodeRefused, match="already used"):
        check_code(PHONE, VERIFY, code)


@pytest.mark.django_db
def test_a_code_expires_after_ten_minutes(sms_outbox):
    send_code(PHONE, VERIFY)
    earlier(minutes=10, seconds=1)

    with pytest.raises(CodeRefused, match="expired"):
        check_code(PHONE, VERIFY, last_code(sms_outbox))


@pytest.mark.django_db
def test_a_code_is_for_its_number_and_its_purpose(sms_outbox):
    send_code(PHONE, VERIFY)
    code = last_code(sms_outbox)

    with pytest.raises(CodeRefused):
        check_code("+84987654321", VERIFY, code)
    with pytest.raises(CodeRefused):
        check_code(PHONE, PhoneCode.Purpose.RESET, code)
    check_code(PHONE, VERIFY, code)


@pytest.mark.django_db
def test_wrong_guesses_use_the_code_up(sms_outbox):
    send_code(PHONE, VERIFY)
    code = last_code(sms_outbox)
    wrong = f"{(int(code) + 1) % 10**6:06d}"

    for _ in range(MAX_WRONG_TRIES - 1):
        with pytest.raises(CodeRefused, match="not right"):
            check_code(PHONE, VERIFY, wrong)
    with pytest.raises(CodeRefused, match="too many times"):
        check_code(PHONE, VERIFY, wrong)
    with pytest.raises(CodeRefused):
        check_code(PHONE, VERIFY, code)  # the right one comes too late


@pytest.mark.django_db
def test_a_new_code_replaces_the_earlier_one(sms_outbox):
    send_code(PHONE, VERIFY)
    first = last_code(sms_outbox)
    earlier(seconds=61)
    send_code(PHONE, VERIFY)

    with pytest.raises(CodeRefused):
        check_code(PHONE, VERIFY, first)
    check_code(PHONE, VERIFY, last_code(sms_outbox))


@pytest.mark.django_db
def test_a_number_gets_one_code_a_minute_and_five_an_hour(sms_outbox):
    send_code(PHONE, VERIFY)
    with pytest.raises(CodeRefused, match=r"in (59|60) seconds"):
        send_code(PHONE, VERIFY)
    for _ in range(4):
        earlier(seconds=61)
        send_code(PHONE, VERIFY)
    earlier(seconds=61)

    with pytest.raises(CodeRefused, match=r"in 5[5-6] minutes"):
        send_code(PHONE, VERIFY)
    assert len(sms_outbox) == 5


@pytest.mark.django_db
def test_an_address_gets_three_codes_a_minute_whatever_the_numbers(sms_outbox):
    for number in ("+84912000001", "+84912000002", "+84912000003"):
        send_code(number, VERIFY, ip="203.0.113.7")

    with pytest.raises(CodeRefused):
        send_code("+84912000004", VERIFY, ip="203.0.113.7")
    send_code("+84912000004", VERIFY, ip="203.0.113.8")  # another address
    send_code("+84912000005", VERIFY)  # staff, who register a class from one office
    assert len(sms_outbox) == 5
