"""Union staff edit the maker, origin, OCOP certificate and label of a product in Oscar's dashboard."""

import datetime

import pytest
from django.contrib.auth.models import Group

from tests.factories import PartnerFactory, UserFactory, ward_code
from tests.pages import soup_of


def form_data(page, form_id):
    """What the browser would send for a form as the page shows it, field by field."""
    form = soup_of(page).select_one(f"form#{form_id}")
    data = {}
    for field in form.select("input[name], textarea[name], select[name]"):
        name = field["name"]
        if field.name == "select":
            chosen = field.select_one("option[selected]")
            data[name] = chosen["value"] if chosen else ""
        elif field.name == "textarea":
            data[name] = field.get_text()
        elif field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data[name] = field.get("value", "on")
        elif field.get("type") != "submit":
            data[name] = field.get("value", "")
    return data


@pytest.fixture
def union_editor(db):
    editor = UserFactory(email="bientap@example.vn", is_staff=True)
    editor.groups.add(Group.objects.get(name="Union editor"))
    return editor


@pytest.mark.django_db
def test_union_editor_records_the_maker_origin_and_ocop_certificate_of_a_product(client, union_editor, product):
    # Given a union editor on a product's page in the dashboard
    client.force_login(union_editor)
    url = f"/shop/dashboard/catalogue/products/{product.pk}/"
    page = client.get(url)
    assert page.status_code == 200
    data = form_data(page, "create_update_product_form")
    for field in ("seller", "origin_code", "ocop_stars", "ocop_expires_on", "ingredients"):
        assert field in data, f"the dashboard form has no {field}"

    # When she records where it is made and its certificate, and saves
    trung_khanh = ward_code("Xã Trùng Khánh")
    data.update(
        origin_code=str(trung_khanh),
        ocop_stars="4",
        ocop_certificate_number="125/QĐ-UBND",
        ocop_year="2025",
        ocop_expires_on="2028-06-30",
        ingredients="Cây thạch đen phơi khô",
    )
    response = client.post(url, data)
    assert response.status_code == 302, soup_of(response).select(".error-block, .invalid-feedback")

    # Then the product carries them, and its page shows them to buyers
    product.refresh_from_db()
    assert (product.origin, product.ocop_stars, product.ocop_expires_on) == (
        "Xã Trùng Khánh",
        4,
        datetime.date(2028, 6, 30),
    )
    shown = client.get(product.get_absolute_url()).content.decode()
    assert "125/QĐ-UBND" in shown
    assert "Cây thạch đen phơi khô" in shown


@pytest.mark.django_db
def test_the_dashboard_refuses_a_stock_record_from_anyone_but_the_maker(client, union_editor, product):
    client.force_login(union_editor)
    url = f"/shop/dashboard/catalogue/products/{product.pk}/"
    data = form_data(client.get(url), "create_update_product_form")
    other = PartnerFactory(name="Cơ sở Hạt dẻ Đàm Thủy")
    data["stockrecords-0-partner"] = str(other.pk)

    response = client.post(url, data)

    assert response.status_code == 200
    assert f"Chỉ người làm ra sản phẩm này, {product.seller.name}, mới bán được nó." in response.content.decode()
    assert product.stockrecords.get().partner == product.seller
