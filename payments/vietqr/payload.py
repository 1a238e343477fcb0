"""Bank transfers by VietQR: the NAPAS payload of a transfer, and its QR code.

A VietQR code is an EMVCo merchant-presented QR payload (NAPAS "QR switching" specification,
part IV) made of TLV data objects: a two-character ID, a two-digit length, the value. A
buyer's banking app reads the marketplace's bank and account, the exact amount and the
transfer message from it, so staff can match the transfer to its order by the message.
"""

import io

import segno

from vietnam.money import whole_dong

NAPAS_GUID = "A000000727"  # NAPAS's application identifier in the merchant account information
TRANSFER_TO_ACCOUNT = "QRIBFTTA"  # service code: inter-bank fund transfer 24/7 to an account
VND = "704"  # ISO 4217 numeric
DYNAMIC = "12"  # point of initiation: a code made for one payment, with its amount
MESSAGE_MAX = 25  # purpose of transaction (62/08): "ans", up to 25 characters
ACCOUNT_MAX = 19
CRC_ID = "63"


class PayloadError(ValueError):
    """A field that cannot go into a VietQR payload as given."""


def crc16_ccitt(data):
    """CRC-16/CCITT-FALSE (polynomial 0x1021, initial value 0xFFFF), the checksum EMVCo QR codes end with."""
    crc = 0xFFFF
    for byte in data.encode("ascii"):
        crc ^= byte << 8
        for _bit in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1
            crc &= 0xFFFF
    return crc


def tlv(tag, value):
    """One data object: ID, two-digit length, value (1 to 99 characters)."""
    if not 0 < len(value) <= 99:
        raise PayloadError(f"Field {tag} must hold 1 to 99 characters, not {len(value)}.")
    return f"{tag}{len(value):02d}{value}"


def vietqr_payload(*, bank_bin, account_number, amount, message):
    """The VietQR string for a transfer of `amount` đồng to `account_number` at the bank `bank_bin`.

    `message` is the transfer's purpose (the order number): printable ASCII, at most 25
    characters, since banks pass on only that. Raises PayloadError for a field that does not fit.
    """
    bank_bin, account_number = str(bank_bin).strip(), str(account_number).strip()
    if not (bank_bin.isdigit() and bank_bin.isascii() and len(bank_bin) == 6):
        raise PayloadError("The bank BIN is six digits.")
    if not (account_number.isascii() and account_number.isalnum() and len(account_number) <= ACCOUNT_MAX):
        raise PayloadError(f"The account number is 1 to {ACCOUNT_MAX} letters or digits.")
    _check_message(message)
    merchant_account = (
        tlv("00", NAPAS_GUID)
        + tlv("01", tlv("00", bank_bin) + tlv("01", account_number))
        + tlv("02", TRANSFER_TO_ACCOUNT)
    )
    payload = (
        tlv("00", "01")
        + tlv("01", DYNAMIC)
        + tlv("38", merchant_account)
        + tlv("53", VND)
        + tlv("54", str(positive_dong(amount)))
        + tlv("58", "VN")
        + tlv("62", tlv("08", message))
        + CRC_ID
        + "04"
    )
    return f"{payload}{crc16_ccitt(payload):04X}"


def positive_dong(amount):
    """An amount a transfer can ask for: a positive whole number of đồng (vietnam.money.whole_dong)."""
    try:
        whole = whole_dong(amount)
    except ValueError:
        whole = 0
    if whole <= 0:
        raise PayloadError(f"The amount must be a positive whole number of đồng, not {amount}.")
    return whole


def _check_message(message):
    if not message or len(message) > MESSAGE_MAX:
        raise PayloadError(f"The transfer message holds 1 to {MESSAGE_MAX} characters.")
    if not (message.isascii() and message.isprintable()):
        raise PayloadError("The transfer message must be plain ASCII (no accents).")


def parse_tlv(data):
    """The data objects of a payload (or of a template inside one) as a list of (ID, value).

    Raises PayloadError when a length runs past the end of the string.
    """
    fields, position = [], 0
    while position < len(data):
        tag, length = data[position : position + 2], data[position + 2 : position + 4]
        if len(tag) < 2 or not length.isdigit():
            raise PayloadError(f"Broken data object at {position}.")
        end = position + 4 + int(length)
        if end > len(data):
            raise PayloadError(f"Field {tag} runs past the end of the payload.")
        fields.append((tag, data[position + 4 : end]))
        position = end
    return fields


def crc_is_valid(payload):
    """Whether a payload ends with "6304" and the CRC of everything before its last four characters."""
    return payload[-8:-4] == CRC_ID + "04" and payload[-4:] == f"{crc16_ccitt(payload[:-4]):04X}"


def vietqr_svg(payload, *, title=""):
    """The QR code of `payload` as an inline <svg> element (error correction M) that scales to its box.

    Dark modules on white, with the four-module quiet zone scanners need; no request leaves the page.
    """
    qr = segno.make_qr(payload, error="m", boost_error=False)
    return qr.svg_inline(
        scale=1,
        border=4,
        dark="#000",
        light="#fff",
        title=title or None,
        svgclass="vietqr-code",
        lineclass=None,
        omitsize=True,
    )


def vietqr_png(payload, *, scale=8):
    """The QR code as PNG bytes, for an email attachment a banking app can read from the gallery."""
    buffer = io.BytesIO()
    segno.make_qr(payload, error="m", boost_error=False).save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()
