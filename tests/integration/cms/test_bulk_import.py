"""Bulk onboarding from Excel: the template, the preview of every row's problems, the import in the background,
its report, and a second import of the same file changing nothing."""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError
from django.test import override_settings
from django.urls import reverse
from django_tasks_db.models import DBTaskResult
from oscar.core.loading import get_model

import sellers.importing
from sellers.importing import PRODUCTS_SHEET, SELLERS_SHEET
from tests.factories import PartnerFactory, ProductFactory, UserFactory, ward_code
from tests.pages import soup_of, text_of
from tests.processes import QUEUE, run_worker

from .importing import noodle_category, product_row, seller_row, sheet_rows, workbook
from .money import in_english

pytestmark = pytest.mark.django_db

ImportBatch = get_model("partner", "ImportBatch")
Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")
User = get_user_model()

GOOD_SELLERS = [
    seller_row("Nông Thị Hạnh", "0912 111 001"),
    seller_row("Đàm Thị Mai", "84912111002", commune="phuc hoa", kind="HTX"),
]
GOOD_PRODUCTS = [
    product_row("0912 111 001", "Miến dong 500g"),
    product_row("0912111001", "Bột dong riềng", price=45000),
    product_row("+84912111002", "Thạch đen khô", category="Đặc sản khô › Miến & bún khô"),
]


@pytest.fixture
def training_class():
    """The good rows of a training class, and one bad row of each kind (sellers rows 5–8, products rows 6–8)."""
    noodle_category()
    sellers = [
        *GOOD_SELLERS,
        seller_row("Bế Thị Thu", "0912 111 00"),  # row 5: a phone number a digit short
        seller_row("Hoàng Thị Vân", "0912 111 005", commune="Xã Không Có"),  # row 6
        seller_row("Nông Thị Hạnh", "0912-111-001"),  # row 7: row 3 again
        seller_row("", "0912 111 006"),  # row 8: no name
    ]
    products = [
        *GOOD_PRODUCTS,
        product_row("0912 111 001", "Thạch đen", price="sáu mươi nghìn"),  # row 6
        product_row("0987 000 999", "Hạt dẻ Trùng Khánh"),  # row 7: no such seller
        product_row("0912 111 001", "MIẾN DONG 500G"),  # row 8: row 3 again
    ]
    return {"sellers": sellers, "products": products}


def upload(client, file):
    return in_english(client).post(reverse("onboarding:index"), {"file": file}, follow=True)


def confirm(client, batch, django_capture_on_commit_callbacks):
    """Confirm, run what waited for the commit (the task's enqueueing), and open the page confirming leads to."""
    with django_capture_on_commit_callbacks(execute=True):
        response = in_english(client).post(reverse("onboarding:confirm", args=[batch.pk]))
    assert response.status_code == 302
    return in_english(client).get(response["Location"])


def problems_of(response, sheet, number):
    row = soup_of(response).select_one(f'#import-rows tr[data-sheet="{sheet}"][data-row="{number}"]')
    assert row is not None, f"{sheet} row {number} is not listed"
    return [item.get_text(" ", strip=True) for item in row.select(".import-problems li")]


def snapshot():
    models = (Partner, Product, StockRecord, User)
    return [list(model.objects.order_by("pk").values_list("pk", flat=True)) for model in models]


def test_the_template_has_a_sheet_of_sellers_and_one_of_products_each_with_an_example(client, union_officer):
    client.force_login(union_officer)

    response = client.get(reverse("onboarding:template"))

    assert response["Content-Disposition"].endswith('.xlsx"')
    sheets = sheet_rows(response.content)
    assert list(sheets) == [SELLERS_SHEET, PRODUCTS_SHEET, "Danh sách"]
    seller_headers, seller_examples = sheets[SELLERS_SHEET]
    assert seller_headers[:3] == ["Họ và tên chị (*)", "Tên cơ sở hoặc hợp tác xã (*)", "Số điện thoại (*)"]
    assert "Xã/phường (*)" in seller_headers
    assert "Mã số thuế hoặc số CCCD" in seller_headers
    product_headers, product_examples = sheets[PRODUCTS_SHEET]
    assert product_headers[:2] == ["Số điện thoại người bán (*)", "Tên sản phẩm (*)"]
    assert "Giá (đồng) (*)" in product_headers
    assert len(seller_examples) == len(product_examples) == 1
    assert "Xã Phục Hòa" in [row[0] for row in sheets["Danh sách"][1]]

    # And the template sent back as it is imports nothing: its examples are left out
    uploaded = in_english(client).post(reverse("onboarding:index"), {"file": workbook(name="mau.xlsx")}, follow=True)
    assert ImportBatch.objects.get().rows.count() == 0
    assert "Nothing to add" in text_of(uploaded)


def test_the_preview_says_what_is_wrong_with_each_row_and_saves_nothing(client, union_officer, training_class):
    client.force_login(union_officer)
    before = snapshot()

    response = upload(client, workbook(**training_class))

    # Then every bad row is listed with its problem, in words
    assert problems_of(response, "sellers", 5) == [
        "The phone number 0912 111 00 is not right: write a Vietnamese mobile number, e.g. 0912 345 678."
    ]
    assert problems_of(response, "sellers", 6) == [
        "The commune or ward Xã Không Có is not in the 2025 list of Cao Bằng."
    ]
    assert problems_of(response, "sellers", 7) == ["The same phone number as row 3: each woman once."]
    assert problems_of(response, "sellers", 8) == ["Họ và tên chị is empty."]
    assert problems_of(response, "products", 6) == [
        "The price sáu mươi nghìn is not a number of đồng: write it as 65.000 or 65000."
    ]
    assert problems_of(response, "products", 7) == [
        "No seller has the phone number 0987 000 999, in the sheet of sellers or registered already."
    ]
    assert problems_of(response, "products", 8) == ["The same product as row 3 (same seller, same name)."]
    # And the good ones are counted to add, and nothing is saved before she confirms
    page = soup_of(response)
    assert page.select_one('[data-count="sellers-ready"]').get_text(strip=True) == "2 to add"
    assert page.select_one('[data-count="sellers-failed"]').get_text(strip=True) == "4 with problems"
    assert page.select_one('[data-count="products-ready"]').get_text(strip=True) == "3 to add"
    assert snapshot() == before


def test_the_problems_read_in_vietnamese(client, union_officer, training_class):
    client.force_login(union_officer)
    client.cookies["django_language"] = "vi"

    response = client.post(reverse("onboarding:index"), {"file": workbook(**training_class)}, follow=True)

    # The sheets are named as the template names them; the problems' words come from the catalogue
    row = soup_of(response).select_one('#import-rows tr[data-sheet="sellers"][data-row="5"]')
    assert row.select_one(".is-title").get_text(" ", strip=True).startswith("Người bán ·")
    assert len(problems_of(response, "sellers", 5)) == 1


def test_confirming_imports_the_good_rows_as_applications_and_reports_the_bad(
    client, union_officer, training_class, django_capture_on_commit_callbacks
):
    client.force_login(union_officer)
    batch_page = upload(client, workbook(**training_class))
    batch = ImportBatch.objects.get()

    report = confirm(client, batch, django_capture_on_commit_callbacks)

    # Then the two good sellers are applications, registered by her, their accounts closed and with no password
    hanh = Partner.objects.get(phone="+84912111001")
    mai = Partner.objects.get(phone="+84912111002")
    for seller in (hanh, mai):
        assert seller.status == Partner.Status.APPLIED
        assert seller.registered_by == union_officer
        owner = seller.users.get()
        assert not owner.is_active
        assert not owner.has_usable_password()
    assert hanh.commune_code == ward_code("Xã Phục Hòa")
    assert hanh.owner_name == "Nông Thị Hạnh"
    assert mai.kind == Partner.Kind.COOPERATIVE
    assert not Partner.objects.filter(owner_name__in=["Bế Thị Thu", "Hoàng Thị Vân"]).exists()
    # And their products wait with price and stock, hidden from buyers until she is approved
    assert sorted(hanh.products.values_list("title", flat=True)) == ["Bột dong riềng", "Miến dong 500g"]
    flour = hanh.products.get(title="Bột dong riềng").stockrecords.get()
    assert (flour.price, flour.num_in_stock) == (45000, 20)
    assert mai.products.get().categories.get().name == "Miến & bún khô"
    assert not Product.objects.for_cards().exists()
    # And the report says what went in and what did not, and why
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.DONE
    assert batch.rows_done == batch.rows_total == 12
    page = soup_of(report)
    assert page.select_one('[data-count="sellers-added"]').get_text(strip=True) == "2 added"
    assert page.select_one('[data-count="products-added"]').get_text(strip=True) == "3 added"
    assert problems_of(report, "products", 7) == problems_of(batch_page, "products", 7)
    assert "Rows with problems are left out" in text_of(batch_page)


def test_a_second_import_of_the_same_file_changes_nothing(
    client, union_officer, training_class, django_capture_on_commit_callbacks
):
    client.force_login(union_officer)
    upload(client, workbook(**training_class))
    confirm(client, ImportBatch.objects.get(), django_capture_on_commit_callbacks)
    before = snapshot()

    # When she uploads the same file again
    preview = upload(client, workbook(**training_class))
    again = ImportBatch.objects.order_by("pk").last()

    # Then the preview says the good rows are there already, and importing it adds nothing
    page = soup_of(preview)
    assert page.select_one('[data-count="sellers-existing"]').get_text(strip=True) == "2 already there"
    assert page.select_one('[data-count="products-existing"]').get_text(strip=True) == "3 already there"
    assert "Nothing to add" in text_of(preview)
    confirm(client, again, django_capture_on_commit_callbacks)
    assert snapshot() == before


def test_rows_for_sellers_registered_already(client, union_officer, django_capture_on_commit_callbacks):
    # Given an approved seller whose number is in the file, and a customer who verified hers, which is too
    noodle_category()
    approved = PartnerFactory(name="HTX Miến dong Phia Đén", phone="0912 111 010")
    ProductFactory(title="Miến dong Phia Đén", seller=approved)
    customer = UserFactory(email="khach@example.vn", phone="0912 111 011")
    client.force_login(union_officer)

    upload(
        client,
        workbook(
            sellers=[seller_row("Nông Thị Hạnh", "0912 111 010"), seller_row("Lê Thị Anh", "0912 111 011")],
            products=[product_row("0912111010", "Miến dong Phia Đén"), product_row("0912111010", "Miến dong 1kg")],
        ),
    )
    report = confirm(client, ImportBatch.objects.get(), django_capture_on_commit_callbacks)

    # Then she is already there and left as she was; her new product is added hidden, for her to show
    approved.refresh_from_db()
    assert approved.owner_name == "Nông Thị Hoa"
    assert approved.status == Partner.Status.APPROVED
    assert approved.products.count() == 2
    assert not approved.products.get(title="Miến dong 1kg").is_public
    # And the customer's number is not made a seller's
    assert problems_of(report, "sellers", 4) == [
        "The phone number 0912 111 011 belongs to an account that is not a seller's."
    ]
    assert not customer.partners.exists()


def test_a_number_a_buyer_only_typed_does_not_keep_its_owner_out(
    client, union_officer, django_capture_on_commit_callbacks
):
    UserFactory(email="nguoi.la@example.vn", phone="0912 111 012", phone_verified_at=None)
    client.force_login(union_officer)

    upload(client, workbook(sellers=[seller_row("Lê Thị Anh", "0912 111 012")], products=[]))
    report = confirm(client, ImportBatch.objects.get(), django_capture_on_commit_callbacks)

    assert problems_of(report, "sellers", 3) == []
    assert Partner.objects.get(phone="+84912111012").owner_name == "Lê Thị Anh"


@override_settings(TASKS={"default": {"BACKEND": QUEUE}})
@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # the worker, another process, must see the batch
def test_a_worker_imports_a_confirmed_batch_from_its_id_while_the_page_shows_its_progress(
    client, union_officer, training_class, django_capture_on_commit_callbacks
):
    # Given a batch confirmed where tasks wait in the database for a worker, as in production
    client.force_login(union_officer)
    upload(client, workbook(**training_class))
    batch = ImportBatch.objects.get()
    waiting = confirm(client, batch, django_capture_on_commit_callbacks)

    # Then the page shows its progress, and refreshes itself
    page = soup_of(waiting)
    progress = page.select_one(".import-progress progress")
    assert (progress["value"], progress["max"]) == ("7", "12")  # the rows with problems are done already
    assert page.select_one('meta[http-equiv="refresh"]')["content"] == "2"
    assert "7 of 12 rows" in text_of(waiting)
    assert not Partner.objects.exists()

    # And confirming it again (a second tap) queues nothing more: one task, with the batch's id alone
    confirm(client, batch, django_capture_on_commit_callbacks)
    queued = DBTaskResult.objects.all()
    assert [(result.task_path, result.args_kwargs["args"]) for result in queued] == [
        ("sellers.importing.import_batch", [batch.pk])
    ]

    # When a worker process (`make worker`) goes through what waits, and stops
    run_worker()

    # Then the task succeeded, the page is the report and no longer refreshes
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
    report = in_english(client).get(batch.get_absolute_url())
    assert soup_of(report).select_one('meta[http-equiv="refresh"]') is None
    assert soup_of(report).select_one('[data-count="sellers-added"]').get_text(strip=True) == "2 added"
    assert Partner.objects.count() == 2


@pytest.mark.parametrize("women", [3, 30])
def test_the_import_pages_cost_the_same_queries_for_a_few_rows_or_many(
    client, union_officer, women, django_assert_max_num_queries
):
    noodle_category()
    phones = [f"0912 {number:06d}" for number in range(200000, 200000 + women)]
    sellers = [seller_row(f"Nông Thị Số {index}", phone) for index, phone in enumerate(phones)]
    products = [product_row(phone, "Miến dong") for phone in phones]
    client.force_login(union_officer)
    upload(client, workbook(sellers, products, name="lop.xlsx"))
    batch = ImportBatch.objects.get()

    for url in (batch.get_absolute_url() + "?show=all", reverse("onboarding:index")):
        with django_assert_max_num_queries(14):
            response = in_english(client).get(url)
        assert response.status_code == 200
    assert len(soup_of(in_english(client).get(batch.get_absolute_url())).select("#import-rows tbody tr")) == 2 * women


def test_a_row_that_cannot_be_saved_is_reported_and_the_others_go_in(
    client, union_officer, monkeypatch, django_capture_on_commit_callbacks
):
    # Given a product whose saving fails on the way (the database refuses it, say)
    noodle_category()
    real_save_listing = sellers.importing.save_listing

    def save_listing(seller, **values):
        if values["title"] == "Thạch đen":
            real_save_listing(seller, **values)
            raise IntegrityError("refused")
        return real_save_listing(seller, **values)

    monkeypatch.setattr(sellers.importing, "save_listing", save_listing)
    client.force_login(union_officer)
    products = [product_row("0912 111 001", title) for title in ("Miến dong", "Thạch đen", "Bột dong")]
    upload(client, workbook([seller_row("Nông Thị Hạnh", "0912 111 001")], products))

    report = confirm(client, ImportBatch.objects.get(), django_capture_on_commit_callbacks)

    # Then that row is reported, nothing of it is kept, and the rows after it are in
    assert problems_of(report, "products", 4) == ["It could not be saved; try again, or tell the site's operator."]
    hanh = Partner.objects.get(phone="+84912111001")
    assert sorted(hanh.products.values_list("title", flat=True)) == ["Bột dong", "Miến dong"]


def test_a_file_that_is_not_the_template_is_refused_with_what_is_wrong(client, union_officer):
    client.force_login(union_officer)
    not_a_workbook = SimpleUploadedFile("ban-hang.xlsx", b"Ho ten,So dien thoai\n", content_type="text/csv")

    refused = upload(client, not_a_workbook)

    assert "This file is not an Excel workbook (.xlsx)." in text_of(refused)
    assert not ImportBatch.objects.exists()
