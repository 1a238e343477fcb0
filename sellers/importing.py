"""Bulk onboarding: the women of a training class and their products, from one spreadsheet.

A union officer downloads the template (`template_workbook`: a sheet of sellers, a sheet of
products, each with an example row, and a sheet of the lists their cells must come from), fills
it, and uploads it. `check_workbook` reads it with tablib and records every row with its problems
in an ImportBatch, which the officer reads as a preview; nothing else is saved yet. Once she
confirms (`confirm_import`), the `import_batch` task goes through the rows that are ready, each in
a transaction of its own, so a row that fails does not stop the others; it counts its progress
on the batch, so that a 2,000-row file is imported by a worker while the page shows how far it is.

What makes a second import of the same file change nothing:

- a seller is known by her mobile number (normalised: 0912 345 678 and +84912345678 are one); a
  seller with that number already registered is "already there", and is left as she is;
- a product is known by its seller and its name, folded as search folds it (case, accents and
  punctuation aside: "Miến dong 500g" and "MIEN DONG 500G" are one); one she already has is
  "already there", and is left as it is: changes are made in her portal, not by a new import.

An imported seller is an application like any other (sellers.onboarding.apply_to_sell): applied,
registered by the officer, her account made closed, and without a password, which does not travel in
a spreadsheet. Her products are saved shown to buyers, which the catalogue keeps hidden until an
editor approves her (ProductQuerySet.of_public_sellers); a product added for a seller already
approved is saved hidden, for her to show from her portal, since her shop is hers.
"""

import logging
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from io import BytesIO

import tablib
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_tasks import task
from openpyxl import load_workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation
from oscar.core.loading import get_model

from catalog.search import folded_title
from vietnam.geography import home_wards, provinces
from vietnam.phones import format_phone, normalise_phone
from vietnam.retrying import retried
from vietnam.taxcodes import normalise_tax_code, validate_tax_code
from vietnam.text import fold

from .listing import save_listing
from .onboarding import apply_to_sell
from .portal.product_forms import HEAVIEST, MOST_IN_STOCK, PriceInDongField, category_choices

logger = logging.getLogger(__name__)

Category = get_model("catalogue", "Category")
ImportBatch = get_model("partner", "ImportBatch")
ImportRow = get_model("partner", "ImportRow")
Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")

Sheet, Outcome, Status = ImportRow.Sheet, ImportRow.Outcome, ImportBatch.Status

MAX_ROWS = 5000  # both sheets together: a province's training classes, not a whole catalogue
MAX_FILE_SIZE = 10 * 1024 * 1024
PROGRESS_EVERY = 20  # rows to a transaction, and between two writes of the batch's progress
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# The example rows of the template: every row with this number (as the seller's, or as the product's
# seller's) is left out, so a template sent back with its example still in it imports nothing of it.
EXAMPLE_PHONE = "0900 000 000"


@dataclass(frozen=True)
class Column:
    """A column of the template: the field it fills, its header (in Vietnamese, as officers fill it)."""

    name: str
    header: str
    required: bool = False
    max_length: int | None = None
    example: object = ""
    width: int = 18

    @property
    def heading(self):
        return f"{self.header} (*)" if self.required else self.header


SELLERS_SHEET = "Người bán"
PRODUCTS_SHEET = "Sản phẩm"
LISTS_SHEET = "Danh sách"
SELLER_COLUMNS = (
    Column("owner_name", "Họ và tên chị", True, 128, "Nông Thị Mẫu", 24),
    Column("name", "Tên cơ sở hoặc hợp tác xã", True, 128, "Cơ sở Miến dong Mẫu Sơn", 30),
    Column("phone", "Số điện thoại", True, None, EXAMPLE_PHONE, 16),
    Column("commune", "Xã/phường", True, None, "Xã Phục Hòa", 22),
    Column("kind", "Loại hình", False, None, "Hộ kinh doanh", 16),
    Column("what_she_makes", "Chị làm sản phẩm gì", True, 2000, "Miến dong, bột dong riềng", 32),
    Column("tax_code", "Mã số thuế hoặc số CCCD", False, 32, "", 22),
)
PRODUCT_COLUMNS = (
    Column("seller_phone", "Số điện thoại người bán", True, None, EXAMPLE_PHONE, 16),
    Column("title", "Tên sản phẩm", True, 255, "Miến dong Mẫu Sơn gói 500g", 30),
    Column("product_class", "Loại sản phẩm", True, None, "Thực phẩm", 18),
    Column("category", "Danh mục", True, None, "Đặc sản khô › Miến & bún khô", 30),
    Column("price", "Giá (đồng)", True, None, 65000, 12),
    Column("stock", "Số lượng còn", True, None, 40, 12),
    Column("weight_grams", "Cân nặng cả bao bì (gam)", False, None, 550, 14),
    Column("description", "Mô tả", False, 5000, "Miến làm từ bột dong riềng, phơi nắng tự nhiên.", 40),
)
COLUMNS = {Sheet.SELLERS: SELLER_COLUMNS, Sheet.PRODUCTS: PRODUCT_COLUMNS}
SHEET_TITLES = {Sheet.SELLERS: SELLERS_SHEET, Sheet.PRODUCTS: PRODUCTS_SHEET}
KINDS = {
    Partner.Kind.HOUSEHOLD: ("Hộ kinh doanh", "hộ", "hộ gia đình", "household"),
    Partner.Kind.COOPERATIVE: ("Hợp tác xã", "HTX", "tổ hợp tác", "cooperative"),
}

# What can be wrong with a row: a code, stored with the row, and what the officer reads, in her language.
PROBLEMS = {
    "missing": _("%(column)s is empty."),
    "too_long": _("%(column)s is longer than %(max)s characters."),
    "bad_phone": _("The phone number %(value)s is not right: write a Vietnamese mobile number, e.g. 0912 345 678."),
    "unknown_commune": _("The commune or ward %(value)s is not in the 2025 list of %(province)s."),
    "ambiguous_commune": _("%(value)s could be %(choices)s: write its full name."),
    "bad_kind": _("The kind %(value)s is not one of the list: write Hộ kinh doanh or Hợp tác xã."),
    "bad_tax_code": _("The tax code or personal id %(value)s is not right."),
    "bad_price": _("The price %(value)s is not a number of đồng: write it as 65.000 or 65000."),
    "price_too_low": _("The price %(value)s must be more than 0 đồng."),
    "price_too_high": _("The price %(value)s is too high: check the number of zeros."),
    "bad_stock": _("The number left to sell, %(value)s, is not a whole number (0 or more)."),
    "bad_weight": _("The weight %(value)s is not a whole number of grams, e.g. 500."),
    "unknown_class": _("The kind of product %(value)s is not in the list."),
    "unknown_category": _("The category %(value)s is not in the list."),
    "duplicate_seller": _("The same phone number as row %(row)s: each woman once."),
    "duplicate_product": _("The same product as row %(row)s (same seller, same name)."),
    "phone_taken": _("The phone number %(value)s belongs to an account that is not a seller's."),
    "unknown_seller": _("No seller has the phone number %(value)s, in the sheet of sellers or registered already."),
    "seller_failed": _("Her row in the sheet of sellers (row %(row)s) has problems: it must go in first."),
    "not_saved": _("It could not be saved; try again, or tell the site's operator."),
}


class WorkbookError(Exception):
    """The file as a whole cannot be read: not a workbook, a sheet or a column missing, too many rows."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def problem(code, **params):
    return [code, {key: str(value) for key, value in params.items()}]


def describe(problem):
    """A stored problem in the reader's language."""
    code, params = problem
    return str(PROBLEMS.get(code, PROBLEMS["not_saved"])) % params


# The template


def template_workbook():
    """The .xlsx officers fill: sellers and products, each with its example row, and the lists to choose from.

    tablib writes the sheets; openpyxl then adds what tablib has no words for: the example rows in
    grey italics, phone numbers kept as text (so 0912… keeps its 0), widths, and lists to pick from.
    """
    book = tablib.Databook()
    for sheet, columns in COLUMNS.items():
        data = tablib.Dataset(headers=[column.heading for column in columns], title=SHEET_TITLES[sheet])
        data.append([column.example for column in columns])
        book.add_sheet(data)
    lists = list_values()
    longest = max(len(values) for values in lists.values())
    data = tablib.Dataset(headers=list(lists), title=LISTS_SHEET)
    for index in range(longest):
        data.append([values[index] if index < len(values) else "" for values in lists.values()])
    book.add_sheet(data)

    workbook = load_workbook(BytesIO(book.export("xlsx")))
    example_font = Font(italic=True, color="808080")
    header_fill = PatternFill("solid", fgColor="FCE4D6")
    for sheet, columns in COLUMNS.items():
        worksheet = workbook[SHEET_TITLES[sheet]]
        for index, column in enumerate(columns, start=1):
            letter = worksheet.cell(row=1, column=index).column_letter
            worksheet.column_dimensions[letter].width = column.width
            worksheet.cell(row=1, column=index).fill = header_fill
            worksheet.cell(row=2, column=index).font = example_font
            if column.name in ("phone", "seller_phone", "tax_code"):  # as text: 0912… keeps its 0
                worksheet.column_dimensions[letter].number_format = "@"
                worksheet.cell(row=2, column=index).number_format = "@"
        add_choice_lists(worksheet, columns, lists)
    workbook[LISTS_SHEET].column_dimensions["A"].width = 26
    workbook[LISTS_SHEET].column_dimensions["D"].width = 40
    for letter in "BC":
        workbook[LISTS_SHEET].column_dimensions[letter].width = 20
    output = BytesIO()
    workbook.save(output)
    return output.getvalue()


def list_values():
    """The lists cells are chosen from, by the header of their column in the lists sheet."""
    return {
        "Xã/phường (2025)": [name for _code, name in home_wards()],
        "Loại hình": [names[0] for names in KINDS.values()],
        "Loại sản phẩm": list(ProductClass.objects.order_by("pk").values_list("name", flat=True)),
        "Danh mục": [name for _pk, name in category_choices()],
    }


def add_choice_lists(worksheet, columns, lists):
    """A drop-down of the lists sheet on the columns that take one of its values (Excel still accepts others)."""
    sources = {"commune": "A", "kind": "B", "product_class": "C", "category": "D"}
    counts = dict(zip("ABCD", (len(values) for values in lists.values()), strict=True))
    for index, column in enumerate(columns, start=1):
        letter = sources.get(column.name)
        if letter is None or not counts[letter]:
            continue
        target = worksheet.cell(row=1, column=index).column_letter
        choice = DataValidation(
            type="list", formula1=f"'{LISTS_SHEET}'!${letter}$2:${letter}${counts[letter] + 1}", showErrorMessage=False
        )
        choice.add(f"{target}3:{target}{MAX_ROWS + 2}")
        worksheet.add_data_validation(choice)


# Reading an upload


def read_workbook(upload):
    """{sheet: [(row number, {field: text})]} of an uploaded workbook, example rows and empty rows left out.

    Columns are found by their header, whatever their order, with or without the "(*)" of a
    required one; a sheet or a required column missing is a WorkbookError that says which.
    """
    if upload.size > MAX_FILE_SIZE:
        raise WorkbookError(_("The file is larger than 10 MB: is it the template, filled in?"))
    try:
        book = tablib.Databook().load(upload.read(), format="xlsx")
    except Exception:  # openpyxl raises many kinds for a file that is not a workbook
        message = _("This file is not an Excel workbook (.xlsx). Download the template and fill it in.")
        raise WorkbookError(message) from None
    sheets = {fold(data.title): data for data in book.sheets()}
    rows, count = {}, 0
    for sheet, columns in COLUMNS.items():
        data = sheets.get(fold(SHEET_TITLES[sheet]))
        if data is None:
            raise WorkbookError(
                _("The workbook has no sheet named “%(sheet)s”. Download the template and fill it in.")
                % {"sheet": SHEET_TITLES[sheet]}
            )
        rows[sheet] = read_sheet(data, columns)
        count += len(rows[sheet])
    if count > MAX_ROWS:
        raise WorkbookError(
            _("The workbook has %(count)s rows; at most %(max)s can be imported at once. Split it in two.")
            % {"count": count, "max": MAX_ROWS}
        )
    return rows


def read_sheet(data, columns):
    headers = [fold(re.sub(r"\(\*\)", "", str(header or ""))) for header in data.headers or ()]
    positions = {}
    for column in columns:
        if fold(column.header) not in headers:
            if not column.required:
                continue  # a column she had no use for may be deleted
            raise WorkbookError(
                _("The sheet “%(sheet)s” has no column “%(column)s”. Download the template and fill it in.")
                % {"sheet": data.title, "column": column.header}
            )
        positions[column.name] = headers.index(fold(column.header))
    example = normalise_phone(EXAMPLE_PHONE)
    rows = []
    for index, cells in enumerate(data, start=2):  # row 1 holds the headers
        values = {name: cell_text(cells[position]) for name, position in positions.items()}
        if not any(values.values()):
            continue
        if normalise_phone(values.get("phone") or values.get("seller_phone") or "") == example:
            continue
        rows.append((index, values))
    return rows


def cell_text(value):
    """A cell as the text it shows: 65000 for 65000.0, a date as 31/12/2026, no spaces around."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.strftime("%d/%m/%Y")
    return " ".join(str(value).split())


# Checking rows


@dataclass
class Lookups:
    """What rows are checked against, read once for a whole file."""

    communes: dict = field(default_factory=dict)  # folded name → [codes]
    classes: dict = field(default_factory=dict)  # folded name → ProductClass pk
    categories: dict = field(default_factory=dict)  # folded full or leaf name → [Category pk]

    @classmethod
    def load(cls):
        lookups = cls(communes=commune_index())
        for pk, name in ProductClass.objects.values_list("pk", "name"):
            lookups.classes[fold(name)] = pk
        for pk, full_name in category_choices():
            for key in {category_key(full_name), category_key(full_name.split("›")[-1])}:
                lookups.categories.setdefault(key, []).append(pk)
        return lookups


@cache
def commune_index():
    """The communes and wards of the marketplace's province by folded name, with and without "Xã", "Phường"."""
    index = {}
    for code, name in home_wards():
        short = re.sub(r"^(xa|phuong|thi tran|dac khu) ", "", fold(name))
        for key in {fold(name), short, str(code)}:
            index.setdefault(key, []).append(code)
    return index


def category_key(text):
    return fold(re.sub(r"\s*[›>/]\s*", " > ", text))


def province_name():
    return dict(provinces()).get(settings.MARKETPLACE_PROVINCE_CODE, "")


def check_text(values, columns, problems):
    for column in columns:
        value = values.get(column.name, "")
        if column.required and not value:
            problems.append(problem("missing", column=column.header))
        elif column.max_length and len(value) > column.max_length:
            problems.append(problem("too_long", column=column.header, max=column.max_length))


def clean_seller(values, lookups):
    """(what apply_to_sell needs, problems) of a row of the sellers sheet; only the row itself is looked at."""
    problems = []
    check_text(values, SELLER_COLUMNS, problems)
    cleaned = {key: values.get(key, "") for key in ("owner_name", "name", "what_she_makes")}
    cleaned["phone"] = clean_phone(values.get("phone", ""), problems)
    cleaned["commune_code"] = clean_commune(values.get("commune", ""), lookups, problems)
    cleaned["kind"] = clean_kind(values.get("kind", ""), problems)
    cleaned["tax_code"] = clean_tax_code(values.get("tax_code", ""), problems)
    return cleaned, problems


def clean_phone(text, problems):
    if not text:
        return None
    phone = normalise_phone(text)
    if phone is None:
        problems.append(problem("bad_phone", value=text))
    return phone


def clean_commune(text, lookups, problems):
    if not text:
        return None
    codes = lookups.communes.get(fold(text), [])
    if len(codes) == 1:
        return codes[0]
    if codes:
        names = dict(home_wards())
        problems.append(problem("ambiguous_commune", value=text, choices=", ".join(names[code] for code in codes)))
    else:
        problems.append(problem("unknown_commune", value=text, province=province_name()))
    return None


def clean_kind(text, problems):
    if not text:
        return Partner.Kind.HOUSEHOLD
    for kind, names in KINDS.items():
        if fold(text) in {fold(name) for name in names}:
            return kind
    problems.append(problem("bad_kind", value=text))
    return Partner.Kind.HOUSEHOLD


def clean_tax_code(text, problems):
    tax_code = normalise_tax_code(text)
    try:
        validate_tax_code(tax_code)
    except ValidationError:
        problems.append(problem("bad_tax_code", value=text))
        return ""
    return tax_code


def clean_product(values, lookups):
    """(what save_listing needs, and the seller's phone; problems) of a row of the products sheet."""
    problems = []
    check_text(values, PRODUCT_COLUMNS, problems)
    cleaned = {"title": values.get("title", ""), "description": values.get("description", "")}
    cleaned["seller_phone"] = clean_phone(values.get("seller_phone", ""), problems)
    cleaned["product_class"] = clean_choice(values.get("product_class", ""), lookups.classes, "unknown_class", problems)
    cleaned["category"] = clean_category(values.get("category", ""), lookups, problems)
    cleaned["price"] = clean_price(values.get("price", ""), problems)
    cleaned["stock"] = clean_whole(values.get("stock", ""), 0, MOST_IN_STOCK, "bad_stock", problems)
    cleaned["weight_grams"] = clean_whole(values.get("weight_grams", ""), 1, HEAVIEST, "bad_weight", problems)
    return cleaned, problems


def clean_choice(text, choices, code, problems):
    if not text:
        return None
    if fold(text) in choices:
        return choices[fold(text)]
    problems.append(problem(code, value=text))
    return None


def clean_category(text, lookups, problems):
    if not text:
        return None
    pks = lookups.categories.get(category_key(text), [])
    if len(pks) != 1:
        problems.append(problem("unknown_category", value=text))
        return None
    return pks[0]


def clean_price(text, problems):
    if not text:
        return None
    try:
        return PriceInDongField().clean(text)
    except ValidationError as error:
        code = {"min_value": "price_too_low", "max_value": "price_too_high"}.get(error.code, "bad_price")
        problems.append(problem(code, value=text))
        return None


def clean_whole(text, lowest, highest, code, problems):
    if not text:
        return None
    digits = re.sub(r"[.,  ]", "", text) if re.fullmatch(r"\d{1,3}(?:[., ]\d{3})+", text) else text
    if not (digits.isascii() and digits.isdigit()) or not lowest <= int(digits) <= highest:
        problems.append(problem(code, value=text))
        return None
    return int(digits)


def registered_sellers(phones):
    """{phone: seller} of the sellers with these numbers, on their business or on one of its accounts."""
    found = {seller.phone: seller for seller in Partner.objects.filter(phone__in=phones)}
    users = get_user_model()._default_manager.filter(phone__in=phones).exclude(partners=None)
    for phone, seller_id in users.values_list("phone", "partners"):
        found.setdefault(phone, Partner.objects.get(pk=seller_id))
    return found


def taken_phones(phones):
    """The numbers that log in an account that is not a seller's: applying with one is refused. A number only
    typed on such an account, never verified, holds nothing."""
    accounts = get_user_model()._default_manager.filter(phone__in=phones, partners=None)
    accounts = accounts.exclude(phone_verified_at=None)
    return set(accounts.values_list("phone", flat=True))


def check_rows(sheets):
    """Every row of a read workbook as an unsaved ImportRow: its problems, and whether it is there already."""
    lookups = Lookups.load()
    rows = []
    seller_rows = {}  # phone → the row of the sellers sheet that first has it
    cleaned_sellers = [(number, values, *clean_seller(values, lookups)) for number, values in sheets[Sheet.SELLERS]]
    cleaned_products = [(number, values, *clean_product(values, lookups)) for number, values in sheets[Sheet.PRODUCTS]]
    phones = {cleaned["phone"] for *_, cleaned, _ in cleaned_sellers if cleaned["phone"]}
    phones |= {cleaned["seller_phone"] for *_, cleaned, _ in cleaned_products if cleaned["seller_phone"]}
    registered, taken = registered_sellers(phones), taken_phones(phones)

    for number, values, cleaned, problems in cleaned_sellers:
        row = ImportRow(sheet=Sheet.SELLERS, number=number, values=values, problems=problems)
        phone = cleaned["phone"]
        if phone in seller_rows:
            problems.append(problem("duplicate_seller", row=seller_rows[phone].number))
        elif phone:
            seller_rows[phone] = row
            if phone in taken:
                problems.append(problem("phone_taken", value=values["phone"]))
        if problems:
            row.outcome = Outcome.FAILED
        elif phone in registered:
            row.outcome, row.seller = Outcome.EXISTING, registered[phone]
        rows.append(row)

    existing_products = set(
        Product.objects.filter(seller__in=registered.values()).values_list("seller_id", "search_title")
    )
    product_rows = {}  # (phone, folded title) → the row that first has it
    for number, values, cleaned, problems in cleaned_products:
        row = ImportRow(sheet=Sheet.PRODUCTS, number=number, values=values, problems=problems)
        phone, title = cleaned["seller_phone"], folded_title(cleaned["title"])
        key = (phone, title)
        if phone and title and key in product_rows:
            problems.append(problem("duplicate_product", row=product_rows[key].number))
        elif phone and title:
            product_rows[key] = row
        seller = registered.get(phone)
        if phone and seller is None:
            seller_row = seller_rows.get(phone)
            if seller_row is None:
                problems.append(problem("unknown_seller", value=values["seller_phone"]))
            elif seller_row.outcome == Outcome.FAILED:
                problems.append(problem("seller_failed", row=seller_row.number))
        if problems:
            row.outcome = Outcome.FAILED
        elif seller is not None and (seller.pk, title) in existing_products:
            row.outcome, row.seller = Outcome.EXISTING, seller
        rows.append(row)
    return rows


@transaction.atomic
def check_workbook(upload, by):
    """Read an uploaded workbook and record it, every row with its problems, as a batch to preview.

    Raises WorkbookError when the file as a whole cannot be read; nothing is recorded then.
    """
    rows = check_rows(read_workbook(upload))
    batch = ImportBatch.objects.create(file_name=upload.name[:255], created_by=by, rows_total=len(rows))
    for row in rows:
        row.batch = batch
    ImportRow.objects.bulk_create(rows, batch_size=500)
    return batch


# Importing


@transaction.atomic
def confirm_import(batch):
    """Queue the batch's import, once however often it is confirmed; False if it was already confirmed."""
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.status != Status.CHECKED:
        return False
    batch.status, batch.confirmed_at = Status.QUEUED, timezone.now()
    batch.rows_done = batch.rows.exclude(outcome=Outcome.READY).count()
    batch.save(update_fields=["status", "confirmed_at", "rows_done"])
    batch_id = batch.pk
    transaction.on_commit(lambda: import_batch.enqueue(batch_id))
    return True


@retried
@task
def import_batch(batch_id):
    """The task of a confirmed batch: takes its id (it travels through a queue), imports its rows."""
    run_import(batch_id)


def run_import(batch_id):
    """Import the rows of a batch still to add; a second run picks up where one stopped.

    Each row is checked again against what is registered now (another import may have added her
    since the preview), then added, or found there already, or refused with its problems. Rows go
    PROGRESS_EVERY to a transaction, with the batch's progress, each row in a savepoint of its own:
    one that fails is rolled back alone, and the others are not held up by a commit each.
    """
    with transaction.atomic():
        batch = ImportBatch.objects.select_for_update().filter(pk=batch_id).first()
        if batch is None or batch.status not in (Status.QUEUED, Status.RUNNING):
            return
        batch.status = Status.RUNNING
        batch.save(update_fields=["status"])
    lookups, sellers = Lookups.load(), None
    rows = list(batch.rows.filter(outcome=Outcome.READY).values_list("pk", "sheet"))
    for start in range(0, len(rows), PROGRESS_EVERY):
        chunk = rows[start : start + PROGRESS_EVERY]
        with transaction.atomic():
            for row_id, sheet in chunk:
                if sheet == Sheet.PRODUCTS and sellers is None:
                    sellers = sellers_of_batch(batch)  # once every row of the sellers sheet is done
                try:
                    with transaction.atomic():
                        import_row(row_id, batch, lookups, sellers)
                except Exception:
                    logger.exception("Import %s: row %s could not be saved", batch.pk, row_id)
                    ImportRow.objects.filter(pk=row_id).update(outcome=Outcome.FAILED, problems=[problem("not_saved")])
            ImportBatch.objects.filter(pk=batch.pk).update(rows_done=F("rows_done") + len(chunk))
    ImportBatch.objects.filter(pk=batch.pk).update(
        status=Status.DONE, finished_at=timezone.now(), rows_done=F("rows_total")
    )


def import_row(row_id, batch, lookups, sellers):
    """One row, locked, and what came of it."""
    row = ImportRow.objects.select_for_update().filter(pk=row_id, outcome=Outcome.READY).first()
    if row is None:
        return  # another run of the task did it
    if row.sheet == Sheet.SELLERS:
        import_seller(row, batch.created_by, lookups)
    else:
        import_product(row, lookups, sellers)
    row.save(update_fields=["outcome", "problems", "seller", "product"])


def import_seller(row, by, lookups):
    cleaned, row.problems = clean_seller(row.values, lookups)
    if row.problems:
        row.outcome = Outcome.FAILED
        return
    phone = cleaned["phone"]
    seller = registered_sellers([phone]).get(phone)
    if seller is not None:
        row.outcome, row.seller = Outcome.EXISTING, seller
    elif taken_phones([phone]):
        row.outcome, row.problems = Outcome.FAILED, [problem("phone_taken", value=row.values["phone"])]
    else:
        row.seller = apply_to_sell(**cleaned, password=None, registered_by=by)
        row.outcome = Outcome.ADDED


def sellers_of_batch(batch):
    """{phone: row} of the batch's sellers sheet: the row of each phone, to name when hers failed."""
    found = {}
    for row in batch.rows.filter(sheet=Sheet.SELLERS).select_related("seller"):
        phone = normalise_phone(row.values.get("phone", ""))
        if phone and phone not in found:
            found[phone] = row
    return found


def import_product(row, lookups, sellers):
    cleaned, row.problems = clean_product(row.values, lookups)
    phone = cleaned.pop("seller_phone")
    seller = registered_sellers([phone]).get(phone) if phone else None
    if seller is None and phone in sellers:
        row.problems.append(problem("seller_failed", row=sellers[phone].number))
    elif seller is None and phone:
        row.problems.append(problem("unknown_seller", value=row.values["seller_phone"]))
    if row.problems:
        row.outcome = Outcome.FAILED
        return
    row.seller = seller
    if Product.objects.filter(seller=seller, search_title=folded_title(cleaned["title"])).exists():
        row.outcome = Outcome.EXISTING
        return
    cleaned["product_class"] = ProductClass.objects.get(pk=cleaned["product_class"])
    cleaned["category"] = Category.objects.get(pk=cleaned["category"])
    row.product = save_listing(seller, **cleaned, is_public=seller.status != Partner.Status.APPROVED)
    row.outcome = Outcome.ADDED


# Reading a batch


@dataclass
class Tally:
    """How many rows of a sheet came to each outcome."""

    ready: int = 0
    added: int = 0
    existing: int = 0
    failed: int = 0

    @property
    def total(self):
        return self.ready + self.added + self.existing + self.failed


def tallies(batch):
    """{sheet: Tally} of a batch, in one query."""
    counts = {sheet: Tally() for sheet in Sheet.values}
    for sheet, outcome, count in batch.rows.values_list("sheet", "outcome").annotate(count=Count("pk")).order_by():
        setattr(counts[sheet], outcome, count)
    return counts


def row_label(row):
    """Who or what a row is about, as the preview lists it."""
    values = row.values
    if row.sheet == Sheet.SELLERS:
        return " · ".join(part for part in (values.get("owner_name"), values.get("name")) if part)
    parts = (values.get("title"), format_phone_text(values.get("seller_phone")), values.get("price"))
    return " · ".join(part for part in parts if part)


def format_phone_text(text):
    phone = normalise_phone(text or "")
    return format_phone(phone) if phone else (text or "")
