"""The programme's figures as a workbook (openpyxl): a sheet for each table of the page, the same small
cells hidden ("<5", as text), amounts in whole đồng as numbers ("#,##0") so the sums can be checked."""

import io

from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from ledger.exports import MONEY, sheet_title

from . import tables


def _sheet(workbook, title, headers, rows, total=None, money=()):
    sheet = workbook.create_sheet(sheet_title(title))
    sheet.append([str(header) for header in headers])
    for row in rows:
        sheet.append([str(cell) if isinstance(cell, Promise) else cell for cell in row])
    if total is not None:
        sheet.append([str(cell) if isinstance(cell, Promise) else cell for cell in total])
        for cell in sheet[sheet.max_row]:
            cell.font = Font(bold=True)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.column_dimensions["A"].width = 34
    for index in range(2, len(headers) + 1):
        sheet.column_dimensions[get_column_letter(index)].width = 18
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if cell.column in money:
                cell.number_format = MONEY
    sheet.freeze_panes = "B2"
    return sheet


def figures_workbook(figures):
    """The workbook's bytes: its period, the sellers' groups, the consenting sellers by ethnic group, the months."""
    workbook = Workbook()
    about = workbook.active
    about.title = sheet_title(_("Period"))
    about.append([_("Programme in figures"), figures.period.label])
    about.append([_("Sellers counted on"), date_format(figures.as_of, "d/m/Y")])
    about.append(
        [_("A count under 5 of sellers of an ethnic group is shown as <5, and a total that would give one away as –.")]
    )
    about.column_dimensions["A"].width = 34
    about.column_dimensions["B"].width = 24
    seller_headers = [label for _key, label in tables.SELLER_COLUMNS]
    total = tables.seller_rows([(_("Total"), figures.total)])[0]
    _sheet(
        workbook,
        _("By kind"),
        [_("Kind of business"), *seller_headers],
        [[name, *cells] for name, cells in tables.seller_rows(figures.by_kind)],
        [total[0], *total[1]],
    )
    _sheet(
        workbook,
        _("By OCOP stars"),
        [_("OCOP stars"), *seller_headers],
        [[tables.star_label(stars), *cells] for stars, cells in tables.seller_rows(figures.by_stars)],
        [total[0], *total[1]],
    )
    _sheet(
        workbook,
        _("By commune"),
        [_("Commune or ward"), *seller_headers],
        [[tables.commune_label(name), *cells] for name, cells in tables.seller_rows(figures.by_commune)],
        [total[0], *total[1]],
    )
    ethnic, ethnic_total = tables.ethnic_rows(figures)
    _sheet(
        workbook,
        _("By ethnic group"),
        [_("Ethnic group"), *[label for _key, label in tables.ETHNIC_COLUMNS]],
        [[name, *cells] for name, cells in ethnic],
        [_("Sellers who consented"), *ethnic_total],
    )
    money = {index for index, column in enumerate(tables.MONTH_COLUMNS, start=2) if column[2]}
    _sheet(
        workbook,
        _("By month") if figures.period.step == "month" else _("By year"),
        [
            _("Month") if figures.period.step == "month" else _("Year"),
            *[label for _k, label, _m in tables.MONTH_COLUMNS],
        ],
        [[label, *cells] for label, cells in tables.month_rows(figures)],
        [_("Total"), *tables.month_total(figures)],
        money=money,
    )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
