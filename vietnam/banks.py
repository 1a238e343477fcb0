"""Vietnam's banks as VietQR knows them: each bank's NAPAS BIN (acquirer id), its short name and full name.

A VietQR code names the receiving bank by its six-digit BIN, so a seller's bank is chosen from
this list rather than typed; the short name is what her banking app and her passbook show.
"""

from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .text import fold


class Bank(NamedTuple):
    bin: str
    short_name: str
    name: str


# The banks a seller in Cao Bằng is likely to hold an account with come first.
BANKS = [
    Bank("970405", "Agribank", "Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam"),
    Bank("970418", "BIDV", "Ngân hàng TMCP Đầu tư và Phát triển Việt Nam"),
    Bank("970436", "Vietcombank", "Ngân hàng TMCP Ngoại thương Việt Nam"),
    Bank("970415", "VietinBank", "Ngân hàng TMCP Công thương Việt Nam"),
    Bank("970449", "LPBank", "Ngân hàng TMCP Lộc Phát Việt Nam"),
    Bank("970446", "Co-opBank", "Ngân hàng Hợp tác xã Việt Nam"),
    Bank("970422", "MB", "Ngân hàng TMCP Quân đội"),
    Bank("970407", "Techcombank", "Ngân hàng TMCP Kỹ thương Việt Nam"),
    Bank("970416", "ACB", "Ngân hàng TMCP Á Châu"),
    Bank("970432", "VPBank", "Ngân hàng TMCP Việt Nam Thịnh Vượng"),
    Bank("970403", "Sacombank", "Ngân hàng TMCP Sài Gòn Thương Tín"),
    Bank("970423", "TPBank", "Ngân hàng TMCP Tiên Phong"),
    Bank("970441", "VIB", "Ngân hàng TMCP Quốc tế Việt Nam"),
    Bank("970443", "SHB", "Ngân hàng TMCP Sài Gòn – Hà Nội"),
    Bank("970437", "HDBank", "Ngân hàng TMCP Phát triển TP. Hồ Chí Minh"),
    Bank("970448", "OCB", "Ngân hàng TMCP Phương Đông"),
    Bank("970440", "SeABank", "Ngân hàng TMCP Đông Nam Á"),
    Bank("970426", "MSB", "Ngân hàng TMCP Hàng Hải Việt Nam"),
    Bank("970431", "Eximbank", "Ngân hàng TMCP Xuất Nhập khẩu Việt Nam"),
    Bank("970428", "Nam A Bank", "Ngân hàng TMCP Nam Á"),
    Bank("970425", "ABBANK", "Ngân hàng TMCP An Bình"),
    Bank("970409", "Bac A Bank", "Ngân hàng TMCP Bắc Á"),
    Bank("970427", "VietABank", "Ngân hàng TMCP Việt Á"),
    Bank("970452", "KienlongBank", "Ngân hàng TMCP Kiên Long"),
    Bank("970412", "PVcomBank", "Ngân hàng TMCP Đại Chúng Việt Nam"),
    Bank("970438", "BaoViet Bank", "Ngân hàng TMCP Bảo Việt"),
    Bank("970454", "BVBank", "Ngân hàng TMCP Bản Việt"),
    Bank("970419", "NCB", "Ngân hàng TMCP Quốc Dân"),
    Bank("970430", "PGBank", "Ngân hàng TMCP Thịnh vượng và Phát triển"),
    Bank("970433", "Vietbank", "Ngân hàng TMCP Việt Nam Thương Tín"),
    Bank("970400", "Saigonbank", "Ngân hàng TMCP Sài Gòn Công Thương"),
    Bank("970429", "SCB", "Ngân hàng TMCP Sài Gòn"),
    Bank("970408", "GPBank", "Ngân hàng TM TNHH MTV Dầu khí Toàn cầu"),
    Bank("970414", "MBV", "Ngân hàng TNHH MTV Việt Nam Hiện Đại"),
    Bank("970406", "Vikki Bank", "Ngân hàng TNHH MTV Số Vikki"),
    Bank("970424", "Shinhan Bank", "Ngân hàng TNHH MTV Shinhan Việt Nam"),
    Bank("970457", "Woori Bank", "Ngân hàng TNHH MTV Woori Việt Nam"),
]
BANKS_BY_BIN = {bank.bin: bank for bank in BANKS}


def bank_choices():
    """(BIN, "Agribank — Ngân hàng Nông nghiệp…") for a form's select."""
    return [(bank.bin, f"{bank.short_name} — {bank.name}") for bank in BANKS]


def bank_of(bin_code):
    """The bank with this BIN, or None."""
    return BANKS_BY_BIN.get(bin_code or "")


def find_bank(name):
    """The bank a typed name means ("Agribank Cao Bằng", "ngan hang bidv"), or None.

    Matched on the short name within the folded text, longest name first, so "VietABank" is not taken
    for "VietinBank" and "Vietbank" only when nothing longer fits.
    """
    folded = fold(name or "").replace(" ", "").replace("-", "")
    for bank in sorted(BANKS, key=lambda bank: -len(bank.short_name)):
        if fold(bank.short_name).replace(" ", "").replace("-", "") in folded:
            return bank
    return None


def validate_bank(bin_code):
    if bin_code and bank_of(bin_code) is None:
        raise ValidationError(_("Choose your bank from the list."), code="unknown_bank")
