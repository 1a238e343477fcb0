"""The VietQR payload: built to the NAPAS/EMVCo merchant-presented format, with its CRC."""

from decimal import Decimal
from types import SimpleNamespace

import pytest

from payments.vietqr.payload import (
    PayloadError,
    crc16_ccitt,
    crc_is_valid,
    parse_tlv,
    vietqr_payload,
    vietqr_png,
    vietqr_svg,
)
from payments.vietqr.transfers import transfer_for

# Published payloads that banking apps scan, each with the fields it was made from. Each one's
# CRC was checked independently before it became a fixture here.
KNOWN_GOOD = [
    # README of github.com/subiz/vietqr ("Sinh mã chuyển khoản 120.000 vào STK 0011001932418
    # ngân hàng Vietin với ghi chú 'ủng hộ lũ lụt'", note already without accents).
    (
        {"bank_bin": "970415", "account_number": "0011001932418", "amount": 120000, "message": "ung ho lu lut"},
        "00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA"
        "530370454061200005802VN62170813ung ho lu lut6304C15C",
    ),
    # README of github.com/xuannghia/vietnam-qr-pay (decoding example, BIN 970416, 1.000 ₫).
    (
        {"bank_bin": "970416", "account_number": "257678859", "amount": 1000, "message": "Chuyen tien"},
        "00020101021238530010A0000007270123000697041601092576788590208QRIBFTTA"
        "5303704540410005802VN62150811Chuyen tien6304BBB8",
    ),
    # Test fixture of github.com/subiz/vietqr (vietqr_test.go, a one-time code of 40.123 ₫).
    (
        {"bank_bin": "970422", "account_number": "0023457923442", "amount": 40123, "message": "test text string"},
        "00020101021238570010A00000072701270006970422011300234579234420208QRIBFTTA"
        "53037045405401235802VN62200816test text string6304D9C6",
    ),
]


@pytest.mark.parametrize(("fields", "published"), KNOWN_GOOD)
def test_builder_reproduces_published_payloads_exactly(fields, published):
    assert vietqr_payload(**fields) == published


def test_crc_of_the_standard_check_string():
    # CRC-16/CCITT-FALSE's check value, as catalogued for every CRC: "123456789" → 0x29B1.
    assert crc16_ccitt("123456789") == 0x29B1


def test_an_order_payload_parses_back_into_the_napas_fields():
    payload = vietqr_payload(
        bank_bin="970405", account_number="8300205000000", amount=Decimal("430000.00"), message="CHOOCOP 100042"
    )

    fields = parse_tlv(payload)

    # given the whole string parsed as TLV, every declared length matched its value
    assert "".join(f"{tag}{len(value):02d}{value}" for tag, value in fields) == payload
    root = dict(fields)
    assert [tag for tag, _ in fields] == ["00", "01", "38", "53", "54", "58", "62", "63"]
    assert root["00"] == "01"
    assert root["01"] == "12"  # dynamic: made for this payment, with its amount
    assert root["53"] == "704"
    assert root["54"] == "430000"  # whole đồng, no decimals
    assert root["58"] == "VN"
    merchant = dict(parse_tlv(root["38"]))
    assert merchant["00"] == "A000000727"
    assert dict(parse_tlv(merchant["01"])) == {"00": "970405", "01": "8300205000000"}
    assert merchant["02"] == "QRIBFTTA"
    assert dict(parse_tlv(root["62"])) == {"08": "CHOOCOP 100042"}
    assert crc_is_valid(payload)


def test_a_changed_character_breaks_the_crc():
    payload = vietqr_payload(bank_bin="970405", account_number="8300205000000", amount=430000, message="CHOOCOP 1")

    tampered = payload.replace("430000", "480000")

    assert crc_is_valid(payload)
    assert not crc_is_valid(tampered)


@pytest.mark.parametrize(
    ("change", "why"),
    [
        ({"message": "Chuyển tiền"}, "ASCII"),
        ({"message": "CHOOCOP 100042 100042 100042"}, "25"),
        ({"message": ""}, "25"),
        ({"message": "line\nbreak"}, "ASCII"),
        ({"bank_bin": "97040"}, "BIN"),
        ({"bank_bin": "97040A"}, "BIN"),
        ({"account_number": "8300 2050"}, "account"),
        ({"account_number": "1" * 20}, "account"),
        ({"account_number": "８３００"}, "account"),  # full-width digits are not ASCII
        ({"amount": Decimal("1000.50")}, "whole"),
        ({"amount": 0}, "whole"),
        ({"amount": -5000}, "whole"),
    ],
)
def test_fields_that_do_not_fit_are_refused(change, why):
    fields = {"bank_bin": "970405", "account_number": "8300205000000", "amount": 125000, "message": "CHOOCOP 1"}

    with pytest.raises(PayloadError, match=why):
        vietqr_payload(**{**fields, **change})


def test_parser_refuses_a_length_that_runs_past_the_end():
    with pytest.raises(PayloadError, match="past the end"):
        parse_tlv("5406123")


def test_transfer_for_an_order_uses_the_marketplace_account_and_the_order_total(settings):
    settings.VIETQR_BANK_BIN = "970405"
    settings.VIETQR_BANK_NAME = "Agribank"
    settings.VIETQR_ACCOUNT_NUMBER = "8300205000000"
    settings.VIETQR_ACCOUNT_NAME = "HOI LHPN TINH CAO BANG"
    order = SimpleNamespace(number="100042", total_incl_tax=Decimal("455000.00"))

    transfer = transfer_for(order)

    assert transfer.amount == 455000
    assert transfer.message == "CHOOCOP 100042"
    root = dict(parse_tlv(transfer.payload))
    assert root["54"] == "455000"
    assert dict(parse_tlv(root["62"]))["08"] == "CHOOCOP 100042"
    assert crc_is_valid(transfer.payload)


def test_svg_is_inline_and_scales_to_its_box():
    svg = vietqr_svg(KNOWN_GOOD[0][1], title="VietQR CHOOCOP 100042")

    assert svg.startswith("<svg ")
    assert 'viewBox="0 0 57 57"' in svg  # version 8 at level M, with the 4-module quiet zone
    assert "<title>VietQR CHOOCOP 100042</title>" in svg
    assert "http" not in svg.replace("http://www.w3.org/2000/svg", "")  # nothing fetched from elsewhere


def test_png_is_a_png():
    assert vietqr_png(KNOWN_GOOD[0][1]).startswith(b"\x89PNG\r\n\x1a\n")
