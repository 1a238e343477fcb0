"""The address book asks for the Vietnamese address checkout asks for: province, then its commune, and a phone."""

import pytest
from django.conf import settings
from oscar.core.loading import get_model

from tests.pages import ENGLISH, VIETNAMESE, open_page, soup_of, text_of
from tests.shopping import delivery_address
from vietnam.geography import province_code_by_name, wards_of_province

UserAddress = get_model("address", "UserAddress")

ADD_URL = "/shop/accounts/addresses/add/"
LIST_URL = "/shop/accounts/addresses/"
HA_NOI = province_code_by_name("Thành phố Hà Nội")
HOAN_KIEM = next(code for code, name in wards_of_province(HA_NOI) if name == "Phường Hoàn Kiếm")


@pytest.fixture
def signed_in(client, customer):
    """The customer, logged in, reading the site in English."""
    client.force_login(customer)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = ENGLISH
    return client


@pytest.fixture
def saved(customer):
    """Her address in Thục Phán ward, Cao Bằng, as the address form stores it."""
    return UserAddress.objects.create(
        user=customer,
        first_name="Nông Thị Lan",
        phone_number="+84912345678",
        state="Cao Bằng",
        line4="Phường Thục Phán",
        line1="Số 12, tổ 3",
        country_id="VN",
    )


def field_text(page, name):
    """The text around a form field: its label, its error."""
    return page.select_one(f"[name={name}]").find_parent(class_="form-group").get_text(" ", strip=True)


def selected(page, name):
    option = page.select_one(f"select[name={name}] option[selected]")
    return option.get_text() if option else None


def test_the_address_book_asks_province_then_commune_and_a_phone_on_the_keypad(client, customer):
    client.force_login(customer)

    page = soup_of(open_page(client, ADD_URL, VIETNAMESE))

    provinces = [option.get_text() for option in page.select("select[name=province] option")]
    assert provinces[1:3] == ["An Giang", "Bắc Ninh"]
    assert len(provinces) == 1 + 34
    assert page.select_one("select[name=ward]") is not None
    for asked_no_more in ("state", "line4", "postcode", "country", "last_name"):
        assert page.select_one(f"[name={asked_no_more}]") is None
    assert page.select_one("[name=phone_number]")["type"] == "tel"
    assert any("/shop/checkout/wards/" in script.get_text() for script in page.select("script"))


def test_an_address_added_in_the_account_stores_the_listed_province_and_commune(signed_in, customer):
    # When she adds her address, choosing Cao Bằng and then Thục Phán ward
    response = signed_in.post(ADD_URL, delivery_address())

    # Then it is saved with the names of the lists, in Việt Nam, with her phone number
    assert response.status_code == 302, soup_of(response).select(".invalid-feedback, .errorlist")
    address = customer.addresses.get()
    assert (address.state, address.line4, address.country_id) == ("Cao Bằng", "Phường Thục Phán", "VN")
    assert (address.first_name, address.line1) == ("Nông Thị Lan", "Số 12, tổ 3")
    assert str(address.phone_number) == "+84912345678"

    # And her address book lists it
    listing = text_of(signed_in.get(LIST_URL))
    assert "Phường Thục Phán" in listing
    assert "Cao Bằng" in listing


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"phone_number": ""}, "phone_number", "This field is required"),
        ({"phone_number": "12345"}, "phone_number", "is not valid"),
        ({"province": ""}, "province", "This field is required"),
        ({"ward": ""}, "ward", "Choose the commune or ward"),
        ({"province": str(HA_NOI)}, "ward", "Choose a commune or ward of the province chosen above"),
        ({"line1": ""}, "line1", "This field is required"),
    ],
)
def test_a_bad_address_is_refused_next_to_its_field_and_keeps_what_was_typed(
    signed_in, customer, changes, field, message
):
    typed = delivery_address(**changes)

    response = signed_in.post(ADD_URL, typed)

    page = soup_of(response)
    assert response.status_code == 200
    assert message in field_text(page, field)
    assert page.select_one("[name=first_name]")["value"] == "Nông Thị Lan"
    assert page.select_one("[name=line1]").get("value", "") == typed["line1"]
    assert page.select_one("[name=phone_number]").get("value", "") == typed["phone_number"]
    assert page.select_one("select[name=province] option[selected]").get("value", "") == typed["province"]
    assert not customer.addresses.exists()


def test_editing_an_address_shows_its_province_and_commune_and_keeps_them(signed_in, saved):
    url = f"/shop/accounts/addresses/{saved.pk}/"

    # Given her saved address, opened to change it
    page = soup_of(signed_in.get(url))
    assert (selected(page, "province"), selected(page, "ward")) == ("Cao Bằng", "Phường Thục Phán")
    assert page.select_one("[name=phone_number]")["value"]

    # When she changes only the street
    response = signed_in.post(url, delivery_address(line1="Số 40, tổ 7"))

    # Then the province and commune stay as they were
    assert response.status_code == 302, soup_of(response).select(".invalid-feedback, .errorlist")
    saved.refresh_from_db()
    assert (saved.state, saved.line4, saved.line1) == ("Cao Bằng", "Phường Thục Phán", "Số 40, tổ 7")


def test_an_old_address_with_a_typed_province_must_get_one_from_the_list_when_edited(signed_in, saved):
    # Given an address saved before the lists, with "Hà Nội" typed as its province
    saved.state, saved.line4 = "Hà Nội", "Hoàn Kiếm"
    saved.save()
    url = f"/shop/accounts/addresses/{saved.pk}/"

    # When she opens it, she is asked to choose the province and the commune
    page = soup_of(signed_in.get(url))
    assert selected(page, "province") == "Choose a province or city"
    assert selected(page, "ward") == "Choose a commune or ward"

    # And once she picks Thành phố Hà Nội and Hoàn Kiếm ward, the names of the lists are stored
    response = signed_in.post(url, delivery_address(province=str(HA_NOI), ward=str(HOAN_KIEM)))
    assert response.status_code == 302, soup_of(response).select(".invalid-feedback, .errorlist")
    saved.refresh_from_db()
    assert (saved.state, saved.line4) == ("Thành phố Hà Nội", "Phường Hoàn Kiếm")
