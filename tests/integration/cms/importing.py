"""Workbooks for the bulk onboarding tests: the template's sheets and headers, filled with rows."""

from io import BytesIO

import tablib
from django.core.files.uploadedfile import SimpleUploadedFile

from sellers.importing import PRODUCT_COLUMNS, PRODUCTS_SHEET, SELLER_COLUMNS, SELLERS_SHEET, XLSX
from tests.factories import create_category

CATEGORY = "Đặc sản khô > Miến & bún khô"


def seller_row(owner_name, phone, commune="Xã Phục Hòa", **changes):
    row = {
        "owner_name": owner_name,
        "name": f"Cơ sở của chị {owner_name.split()[-1] if owner_name else phone[-3:]}",
        "phone": phone,
        "commune": commune,
        "kind": "Hộ kinh doanh",
        "what_she_makes": "Miến dong, thạch đen",
        "tax_code": "",
    }
    return row | changes


def product_row(seller_phone, title, price="65.000", **changes):
    row = {
        "seller_phone": seller_phone,
        "title": title,
        "product_class": "Thực phẩm",
        "category": "Miến & bún khô",
        "price": price,
        "stock": 20,
        "weight_grams": 550,
        "description": "Phơi nắng tự nhiên.",
    }
    return row | changes


def workbook(sellers=(), products=(), name="lop-tap-huan.xlsx"):
    """An uploaded .xlsx with the template's two sheets (headers as the template writes them) and these rows."""
    book = tablib.Databook()
    for title, columns, rows in ((SELLERS_SHEET, SELLER_COLUMNS, sellers), (PRODUCTS_SHEET, PRODUCT_COLUMNS, products)):
        data = tablib.Dataset(headers=[column.heading for column in columns], title=title)
        data.append([column.example for column in columns])  # the example row, which is left out
        for row in rows:
            data.append([row.get(column.name, "") for column in columns])
        book.add_sheet(data)
    return SimpleUploadedFile(name, book.export("xlsx"), content_type=XLSX)


def sheet_rows(content):
    """{sheet title: (headers, rows)} of a downloaded workbook."""
    book = tablib.Databook().load(BytesIO(content).read(), format="xlsx")
    return {data.title: (data.headers, list(data)) for data in book.sheets()}


def noodle_category():
    return create_category(CATEGORY)
