"""Photos uploaded in Oscar's dashboard go through the same checks as everywhere else."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory
from tests.pages import VIETNAMESE, open_page, soup_of
from tests.photos import BLUE, EXIF_GPS_IFD, RED, colour_at, png_claiming, sideways_phone_jpeg, stored


def form_data(form):
    """What a browser would send for a form as it is: each input's value, each select's choice."""
    data = {}
    for field in form.select("input[name], textarea[name], select[name]"):
        if field.name == "select":
            chosen = field.select_one("option[selected]") or field.select_one("option")
            data[field["name"]] = chosen.get("value", "") if chosen else ""
        elif field.name == "textarea":
            data[field["name"]] = field.get_text()
        elif field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data[field["name"]] = field.get("value", "on")
        elif field.get("type") not in ("file", "submit"):
            data[field["name"]] = field.get("value", "")
    return data


@pytest.fixture
def staff_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def upload_in_dashboard(client, product, upload):
    """Add a photo on the product's dashboard page, as union staff do."""
    url = reverse("dashboard:catalogue-product", kwargs={"pk": product.pk})
    form = soup_of(open_page(client, url, VIETNAMESE)).select_one("form#create_update_product_form")
    data = {**form_data(form), "images-0-original": upload}
    return client.post(url, data)


@pytest.mark.django_db
def test_a_sideways_phone_photo_added_in_the_dashboard_is_stored_upright(staff_client, product):
    response = upload_in_dashboard(staff_client, product, sideways_phone_jpeg(400, 300))

    assert response.status_code == 302
    original = product.images.get().original
    assert original.name.endswith(".jpg")
    photo = stored(original)
    assert (photo.format, photo.size) == ("JPEG", (300, 400))
    assert (colour_at(photo, 150, 50), colour_at(photo, 150, 350)) == (RED, BLUE)
    assert not photo.getexif().get_ifd(EXIF_GPS_IFD)


@pytest.mark.django_db
def test_a_bomb_uploaded_in_the_dashboard_is_refused_with_a_message(staff_client, product):
    response = upload_in_dashboard(staff_client, product, png_claiming(100_000, 100_000))

    assert response.status_code == 200
    assert "Ảnh này quá lớn để xử lý" in soup_of(response).get_text()
    assert not product.images.exists()
