"""Her profile in the seller portal: what buyers read about her, and the details only the Union sees."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.pages import ENGLISH, open_page, soup_of, text_of
from tests.photos import sideways_phone_jpeg, stored

PROFILE = "/seller/ho-so/"


def profile_data(seller, **changes):
    """The profile form as her page fills it in, with `changes` typed over it."""
    data = {
        "name": seller.name,
        "owner_name": seller.owner_name,
        "story": seller.story,
        "kind": seller.kind,
        "members": seller.members or "",
        "phone": "0987 654 321",
        "zalo": "",
        "bank_bin": "",
        "bank_account_number": "",
        "bank_account_holder": "",
        "tax_code": "",
        "ethnic_group": "",
    }
    return {**data, **changes}


@pytest.fixture
def her_client(client, seller_owner):
    client.force_login(seller_owner)
    return client


@pytest.mark.django_db
def test_seller_tells_her_story_and_buyers_read_it_on_her_page(her_client, seller):
    story = "Mẹ tôi dạy tôi làm thạch đen từ năm 12 tuổi, bằng cây sương sáo trồng trên nương."

    response = her_client.post(PROFILE, profile_data(seller, story=story), follow=True)

    assert response.request["PATH_INFO"] == PROFILE
    seller.refresh_from_db()
    assert seller.story == story
    assert story in text_of(her_client.get(seller.get_absolute_url()))


@pytest.mark.django_db
def test_payout_details_are_saved_but_never_shown_to_buyers(her_client, seller):
    # When she chooses her bank from the list and gives her account and her personal id, typed with spaces
    her_client.post(
        PROFILE,
        profile_data(
            seller,
            bank_bin="970405",
            bank_account_number="8300 2050 12345",
            bank_account_holder="DAM THI MAI",
            tax_code="004 185 012 345",
        ),
    )

    # Then the Union can pay her, and buyers see none of it
    seller.refresh_from_db()
    assert (seller.bank_bin, seller.bank_name) == ("970405", "Agribank")
    assert seller.bank_account_number == "8300205012345"
    assert seller.tax_code == "004185012345"
    assert seller.has_payout_account
    public_page = text_of(her_client.get(seller.get_absolute_url()))
    assert "8300205012345" not in public_page
    assert "Agribank" not in public_page
    assert "004185012345" not in public_page


@pytest.mark.django_db
def test_her_bank_is_chosen_from_a_list_in_the_getting_paid_section(her_client, seller):
    seller.bank_bin = "970418"
    seller.save()

    page = soup_of(open_page(her_client, PROFILE, ENGLISH))

    select = page.select_one("select#id_bank_bin")
    options = select.select("option")
    assert (options[0]["value"], options[0].get_text()) == ("", "Choose your bank")
    assert options[1].get_text().startswith("Agribank — ")
    assert select.select_one("option[selected]")["value"] == "970418"
    section = select.find_parent("section")
    assert section.select_one("h2").get_text() == "Getting paid"
    assert section.select_one("#id_tax_code") is not None
    assert not page.select("[name=bank_name]")


@pytest.mark.django_db
def test_a_bank_she_typed_before_the_list_is_named_for_her_to_choose_again(her_client, seller):
    seller.bank_name = "Quỹ tín dụng Hòa An"
    seller.save()

    page = soup_of(open_page(her_client, PROFILE, ENGLISH))

    field = page.select_one("#id_bank_bin").find_parent(class_="field")
    assert "You wrote “Quỹ tín dụng Hòa An”: choose your bank from the list." in field.get_text()


@pytest.mark.django_db
def test_a_bad_tax_code_is_explained_next_to_it_and_nothing_typed_is_lost(client, seller_owner, seller):
    # Given her profile page in English
    client.force_login(seller_owner)
    open_page(client, PROFILE, ENGLISH)
    story = "Tôi làm thạch đen từ lá sương sáo."

    # When she gives her bank and account, and a tax code one digit short
    response = client.post(
        PROFILE,
        profile_data(
            seller,
            story=story,
            bank_bin="970405",
            bank_account_number="8300205012345",
            bank_account_holder="DAM THI MAI",
            tax_code="00418501234",
        ),
    )

    # Then the page says what a tax code looks like, next to it, and keeps all she typed
    page = soup_of(response)
    assert response.status_code == 200
    field = page.select_one("#id_tax_code").find_parent(class_="field")
    assert "a personal id on a citizen's card has 12" in field.get_text()
    assert page.select_one("#id_tax_code")["value"] == "00418501234"
    assert page.select_one("#id_bank_bin option[selected]")["value"] == "970405"
    assert page.select_one("#id_bank_account_number")["value"] == "8300205012345"
    assert page.select_one("#id_bank_account_holder")["value"] == "DAM THI MAI"
    assert page.select_one("#id_story").get_text().strip() == story
    seller.refresh_from_db()
    assert (seller.tax_code, seller.bank_bin, seller.story) == ("", "", "")


@pytest.mark.django_db
def test_a_bank_not_on_the_list_is_refused(client, seller_owner, seller):
    client.force_login(seller_owner)
    open_page(client, PROFILE, ENGLISH)

    response = client.post(PROFILE, profile_data(seller, bank_bin="999999"))

    assert response.status_code == 200
    field = soup_of(response).select_one("#id_bank_bin").find_parent(class_="field")
    assert "Choose your bank from the list." in field.get_text()
    seller.refresh_from_db()
    assert seller.bank_bin == ""


@pytest.mark.django_db
def test_a_mistake_is_shown_next_to_its_field_and_nothing_typed_is_lost(client, seller_owner, seller):
    # Given her profile page in English
    client.force_login(seller_owner)
    open_page(client, PROFILE, ENGLISH)
    story = "Hợp tác xã có 12 chị em cùng làm miến."

    # When she types letters into the account number and forgets her cooperative's size
    response = client.post(
        PROFILE, profile_data(seller, story=story, kind="cooperative", bank_account_number="83OO-2050")
    )

    # Then the page says what is wrong, next to each field, and keeps what she typed
    page = soup_of(response)
    assert response.status_code == 200
    account_field = page.select_one("#id_bank_account_number").find_parent(class_="field")
    assert "digits only" in account_field.get_text()
    assert "how many members" in page.select_one("#id_members").find_parent(class_="field").get_text()
    assert page.select_one("#id_bank_account_number")["value"] == "83OO-2050"
    assert page.select_one("#id_story").get_text().strip() == story
    seller.refresh_from_db()
    assert seller.story != story


@pytest.mark.django_db
def test_her_photo_from_the_phone_is_stored_upright_without_its_gps_position(her_client, seller):
    response = her_client.post(PROFILE, {**profile_data(seller), "photo": sideways_phone_jpeg(400, 300)})

    assert response.status_code == 302
    seller.refresh_from_db()
    photo = stored(seller.photo)
    assert photo.size == (300, 400)  # turned upright
    assert not photo.getexif()


@pytest.mark.django_db
def test_a_file_that_is_not_a_photo_is_refused_with_a_reason(client, seller_owner, seller):
    client.force_login(seller_owner)
    open_page(client, PROFILE, ENGLISH)

    response = client.post(
        PROFILE,
        {**profile_data(seller, story="Giữ lại"), "photo": SimpleUploadedFile("cv.pdf", b"%PDF-1.4 not a photo")},
    )

    assert response.status_code == 200
    assert (
        "This file is not a photo" in soup_of(response).select_one("#id_photo").find_parent(class_="field").get_text()
    )
    seller.refresh_from_db()
    assert not seller.photo


@pytest.mark.django_db
def test_a_refused_change_leaves_her_shop_name_as_saved_in_the_header(client, seller_owner, seller):
    client.force_login(seller_owner)

    response = client.post(PROFILE, profile_data(seller, name="Tên mới chưa lưu", bank_account_number="abc"))

    assert response.status_code == 200
    assert soup_of(response).select_one(".portal-brand-shop").get_text(strip=True) == seller.name
    assert soup_of(response).select_one("#id_name")["value"] == "Tên mới chưa lưu"
