import re

import pytest
from oscar.core.loading import get_model
from playwright.sync_api import expect

from tests.browser.conftest import another_window
from tests.factories import PASSWORD, union_staff
from tests.integration.cms.importing import noodle_category, product_row, seller_row, workbook

Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")


@pytest.fixture
def desktop(phone):
    """A page in a 1280×800 Chromium window, for Wagtail's admin; the `phone` fixture starts the browser."""
    with another_window(phone, viewport={"width": 1280, "height": 800}) as page:
        yield page


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_officer_imports_a_training_class_with_one_bad_row_and_a_second_import_changes_nothing(
    live_server, desktop, tmp_path
):
    # Given an officer with a filled-in template: two women, three products, one of them priced in words
    noodle_category()
    union_staff("Union officer", "can.bo.nhap@example.vn")
    sellers = [seller_row("Nông Thị Hạnh", "0912 111 001"), seller_row("Đàm Thị Mai", "0912 111 002")]
    products = [
        product_row("0912 111 001", "Miến dong 500g"),
        product_row("0912 111 001", "Thạch đen", price="sáu mươi nghìn"),
        product_row("0912 111 002", "Bột dong riềng"),
    ]
    filled = tmp_path / "lop-tap-huan.xlsx"
    filled.write_bytes(workbook(sellers, products).read())
    page = desktop  # Wagtail's admin speaks the staff's language, Vietnamese unless she chose another

    # When she signs in and uploads it
    page.goto(live_server.url + "/cms/onboarding/")
    page.locator("#id_username").fill("can.bo.nhap@example.vn")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#id_password").press("Enter")
    expect(page).to_have_url(re.compile(r"/cms/onboarding/$"))
    page.locator("input[name=file]").set_input_files(filled)
    page.get_by_role("button", name="Kiểm tra tệp").click()

    # Then the preview names the bad row and its problem, and counts what is to add
    expect(page).to_have_url(re.compile(r"/cms/onboarding/\d+/$"))
    bad = page.locator('#import-rows tr[data-sheet="products"][data-row="4"]')
    expect(bad).to_contain_text("Giá sáu mươi nghìn không phải là số tiền")
    expect(page.locator('[data-count="products-ready"]')).to_have_text("2 sẽ thêm")
    page.screenshot(path=str(tmp_path / "preview.png"), full_page=True)
    assert not Partner.objects.exists()

    # When she confirms
    page.locator("#confirm-import").click()

    # Then the report says what went in, and the bad row still with its reason
    expect(page.locator('[data-count="sellers-added"]')).to_have_text("2 đã thêm")
    expect(page.locator('[data-count="products-added"]')).to_have_text("2 đã thêm")
    bad = page.locator('#import-rows tr[data-sheet="products"][data-row="4"]')
    expect(bad).to_contain_text("không phải là số tiền")
    assert sorted(Partner.objects.values_list("owner_name", "status")) == [
        ("Nông Thị Hạnh", "applied"),
        ("Đàm Thị Mai", "applied"),
    ]
    assert sorted(Product.objects.values_list("title", flat=True)) == ["Bột dong riềng", "Miến dong 500g"]
    page.screenshot(path=str(tmp_path / "report.png"), full_page=True)

    # When she uploads the same file again
    page.goto(live_server.url + "/cms/onboarding/")
    page.locator("input[name=file]").set_input_files(filled)
    page.get_by_role("button", name="Kiểm tra tệp").click()

    # Then every good row is there already, and there is nothing to import
    expect(page.locator('[data-count="sellers-existing"]')).to_have_text("2 đã có từ trước")
    expect(page.locator('[data-count="products-existing"]')).to_have_text("2 đã có từ trước")
    expect(page.get_by_text("Không có gì để thêm")).to_be_visible()
    expect(page.locator("#confirm-import")).to_have_count(0)
    assert Partner.objects.count() == 2
    assert Product.objects.count() == 2
