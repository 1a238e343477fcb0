"""Spreadsheets for the Union's treasurer and accountant: a payout run, and a month's tax withheld.

Written with openpyxl: amounts are numbers (whole đồng, shown "#,##0"), so the sums can be checked
in any spreadsheet program; headers are in the active language.
"""

import io
import re

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from vietnam.geography import ward_name

from .payouts import memo

MONEY = "#,##0"


def sheet_title(text):
    """A sheet's name as Excel allows it: 31 characters, none of \\ / * ? : [ ] ("Theo xã/phường" becomes
    "Theo xã-phường", which openpyxl would otherwise refuse)."""
    return re.sub(r"[\\/*?:\[\]]", "-", str(text))[:31]


def _sheet(workbook, title, headers, widths):
    sheet = workbook.active
    sheet.title = sheet_title(title)
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    return sheet


def _money(sheet, columns):
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if cell.column in columns:
                cell.number_format = MONEY


def _saved(workbook):
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def payout_run_workbook(run, payouts):
    """One row per payout of the run: seller, bank, account, holder, amount, memo, status and reference."""
    workbook = Workbook()
    sheet = _sheet(
        workbook,
        _("Payouts %(number)s") % {"number": run.number},
        [
            _("Payout"),
            _("Seller"),
            _("Bank"),
            _("Bank code"),
            _("Account number"),
            _("Account holder"),
            _("Amount (₫)"),
            _("Transfer message"),
            _("Status"),
            _("Bank's reference"),
            _("Paid at"),
        ],  # fmt: skip
        [10, 30, 14, 10, 20, 26, 14, 26, 22, 18, 18],
    )
    for payout in payouts:
        sheet.append(
            [
                payout.number,
                payout.seller.name,
                payout.bank_name,
                payout.bank_bin,
                payout.account_number,
                payout.account_holder,
                payout.amount,
                memo(payout),
                payout.get_status_display(),
                payout.bank_reference,
                date_format(payout.paid_at, "d/m/Y H:i") if payout.paid_at else "",
            ]
        )
    total_row = sheet.max_row + 1
    sheet.cell(total_row, 2, _("Total"))
    sheet.cell(total_row, 7, sum(payout.amount for payout in payouts))
    sheet.cell(total_row, 2).font = sheet.cell(total_row, 7).font = Font(bold=True)
    _money(sheet, {7})
    return _saved(workbook)


def withholding_workbook(report, rates):
    """A month's withholding: one row per seller (tax code, commune, revenue, VAT, PIT) and the total."""
    workbook = Workbook()
    sheet = _sheet(
        workbook,
        _("Tax withheld %(month)s") % {"month": report.first_day.strftime("%m-%Y")},
        [
            _("Seller"),
            pgettext("the person who runs a business", "Owner"),
            _("Tax code or personal id"),
            _("Commune or ward"),
            _("Parcels"),
            _("Revenue withheld on (₫)"),
            _("VAT %(rate)s (₫)") % {"rate": rates["vat"]},
            _("Personal income tax %(rate)s (₫)") % {"rate": rates["pit"]},
            _("Total withheld (₫)"),
        ],  # fmt: skip
        [30, 24, 20, 24, 10, 20, 16, 22, 18],
    )
    for row in report.rows:
        seller = row.seller
        sheet.append(
            [
                seller.name,
                seller.owner_name,
                seller.tax_code or _("missing"),
                ward_name(seller.commune_code) or "",
                row.parcels,
                row.revenue,
                row.vat,
                row.pit,
                row.total,
            ]
        )
    total_row = sheet.max_row + 1
    sheet.append(
        [
            _("Total"),
            "",
            "",
            "",
            report.parcels,
            report.revenue,
            report.vat,
            report.pit,
            report.total,
        ]
    )
    for cell in sheet[total_row]:
        cell.font = Font(bold=True)
    _money(sheet, {6, 7, 8, 9})
    return _saved(workbook)
