"""From "Đăng ký bán hàng" to her first login with her phone number."""

import pytest
from django.contrib.auth.models import Group
from oscar.core.loading import get_model

from tests.factories import UserFactory, ward_code
from tests.integration.users.test_login import log_in
from tests.integration.users.test_phone_claims import VERIFY_URL, code_sent_to
from tests.pages import ENGLISH, VIETNAMESE, open_page, soup_of, text_of

SELLER_PASSWORD = "thach-den-phuc-hoa-9"


def application(**changes):
    data = {
        "owner_name": "Đàm Thị Mai",
        "name": "Cơ sở Thạch đen Phục Hòa",
        "phone": "0978 111 222",
        "commune_code": str(ward_code("Xã Phục Hòa")),
        "what_she_makes": "Thạch đen phơi khô, bột thạch đen",
        "password1": SELLER_PASSWORD,
        "password2": SELLER_PASSWORD,
    }
    data.update(changes)
    return data


@pytest.fixture
def union_editor(db):
    editor = UserFactory(email="bientap@example.vn", is_staff=True)
    editor.groups.add(Group.objects.get(name="Union editor"))
    return editor


@pytest.mark.django_db
def test_a_woman_applies_is_approved_and_logs_in_with_her_phone(client, union_editor, sms_outbox):
    # Given she sends the application form, and types the code then sent to her phone
    form_page = open_page(client, "/sellers/dang-ky/", VIETNAMESE)
    assert "Đăng ký bán hàng" in text_of(form_page)
    asked = client.post("/sellers/dang-ky/", application(), follow=True)
    assert asked.request["PATH_INFO"] == VERIFY_URL
    response = client.post(VERIFY_URL, {"code": code_sent_to("+84978111222", sms_outbox)}, follow=True)
    assert "Cảm ơn chị, đơn đăng ký đã được gửi" in text_of(response)

    # Then she cannot log in yet, but is told her application waits; her business is not public
    refused = log_in(client, "0978111222", SELLER_PASSWORD)
    assert refused.context["user"].is_anonymous
    assert "Đơn đăng ký bán hàng của chị (Cơ sở Thạch đen Phục Hòa) đang chờ Hội Phụ nữ duyệt" in text_of(refused)
    assert "Cơ sở Thạch đen Phục Hòa" not in text_of(open_page(client, "/sellers/", VIETNAMESE))

    # When a union editor approves her application
    client.force_login(union_editor)
    waiting = open_page(client, "/sellers/don-dang-ky/", VIETNAMESE)
    card = soup_of(waiting).select_one(".application-card")
    assert "Thạch đen phơi khô, bột thạch đen" in card.get_text()
    client.post(card.select_one("form")["action"])
    client.logout()

    # Then she logs in with her phone number and has the seller role, and her page is public
    user = log_in(client, "+84978111222", SELLER_PASSWORD).context["user"]
    assert user.is_authenticated
    assert user.groups.filter(name="Seller").exists()
    assert user.partners.get().name == "Cơ sở Thạch đen Phục Hòa"
    assert "Cơ sở Thạch đen Phục Hòa" in text_of(open_page(client, "/sellers/", VIETNAMESE))


@pytest.mark.django_db
def test_a_rejected_application_keeps_the_reason_and_the_account_closed(client, union_editor):
    client.post("/sellers/dang-ky/", application())
    client.force_login(union_editor)
    card = soup_of(client.get("/sellers/don-dang-ky/")).select_one(".application-card")

    client.post(card.select_one(".reject-form")["action"], {"reason": "Chưa có giấy đăng ký hộ kinh doanh"})

    from sellers.models import Partner

    seller = Partner.objects.get(name="Cơ sở Thạch đen Phục Hòa")
    assert (seller.status, seller.rejection_reason) == ("rejected", "Chưa có giấy đăng ký hộ kinh doanh")
    client.logout()
    refused = log_in(client, "0978111222", SELLER_PASSWORD)
    assert refused.context["user"].is_anonymous
    assert "chưa được duyệt: Chưa có giấy đăng ký hộ kinh doanh" in text_of(refused)


@pytest.mark.django_db
def test_an_application_is_not_told_about_to_someone_without_its_password(client):
    client.post("/sellers/dang-ky/", application())

    refused = log_in(client, "0978111222", "doan-thu-mat-khau")

    assert refused.context["user"].is_anonymous
    assert "Cơ sở Thạch đen Phục Hòa" not in text_of(refused)


@pytest.mark.django_db
def test_an_officer_registers_a_seller_on_her_behalf(client):
    officer = UserFactory(email="canbo@example.vn", is_staff=True)
    officer.groups.add(Group.objects.get(name="Union officer"))
    client.force_login(officer)

    client.post("/sellers/dang-ky/", application(phone="0978 333 444"))

    from sellers.models import Partner

    assert Partner.objects.get(phone="+84978333444").registered_by == officer


@pytest.mark.django_db
def test_a_bad_application_says_what_is_wrong_and_keeps_what_was_typed(client, customer):
    response = open_page(client, "/sellers/dang-ky/", VIETNAMESE)
    response = client.post("/sellers/dang-ky/", application(phone="0912 345 678", password2="khac-mat-khau"))

    page = soup_of(response)
    text = page.get_text()
    assert "Đã có tài khoản dùng số điện thoại này." in text
    assert "Hai mật khẩu không giống nhau." in text
    assert page.select_one("[name=name]")["value"] == "Cơ sở Thạch đen Phục Hòa"
    assert page.select_one("[name=what_she_makes]").get_text(strip=True) == "Thạch đen phơi khô, bột thạch đen"


@pytest.mark.django_db
def test_only_union_editors_see_and_decide_applications(client, customer):
    client.post("/sellers/dang-ky/", application())
    client.force_login(customer)

    from sellers.models import Partner

    seller = Partner.objects.get(name="Cơ sở Thạch đen Phục Hòa")
    assert client.get("/sellers/don-dang-ky/").status_code == 403
    assert client.post(f"/sellers/don-dang-ky/{seller.pk}/duyet/").status_code == 403
    seller.refresh_from_db()
    assert seller.status == "applied"


@pytest.mark.django_db
def test_a_phone_only_seller_shows_in_the_admin_under_her_phone(admin_client):
    from django.contrib.auth import get_user_model

    seller = get_user_model().objects.create(phone="0978 555 666", first_name="Lục Thị Duyên")

    response = admin_client.get("/django-admin/users/user/")

    assert response.status_code == 200
    assert str(seller) == "0978 555 666"
    assert "0978 555 666" in response.content.decode()


@pytest.mark.django_db
def test_a_business_named_like_a_page_of_the_directory_gets_a_slug_of_its_own():
    from tests.factories import PartnerFactory

    assert PartnerFactory(name="Đăng ký").slug == "dang-ky-2"


@pytest.mark.django_db
def test_two_editors_deciding_at_once_cannot_both_win(client, union_editor):
    from sellers.models import Partner
    from sellers.onboarding import approve_seller, reject_seller

    client.post("/sellers/dang-ky/", application())
    seller = Partner.objects.get(name="Cơ sở Thạch đen Phục Hòa")

    approve_seller(seller, union_editor)
    reject_seller(seller, union_editor, "Trễ")

    seller.refresh_from_db()
    assert (seller.status, seller.rejection_reason) == ("approved", "")


@pytest.mark.django_db
def test_her_tax_code_given_when_she_applies_is_kept_private_with_her_business(client):
    # When she applies with her personal id, typed with spaces as it is printed on her card
    client.post("/sellers/dang-ky/", application(tax_code="004 185 012 345"))

    # Then her business keeps it, tidied, for the Union's tax declarations
    from sellers.models import Partner

    assert Partner.objects.get(name="Cơ sở Thạch đen Phục Hòa").tax_code == "004185012345"


@pytest.mark.django_db
def test_an_application_without_a_tax_code_is_accepted(client):
    client.post("/sellers/dang-ky/", application())

    from sellers.models import Partner

    assert Partner.objects.get(name="Cơ sở Thạch đen Phục Hòa").tax_code == ""


@pytest.mark.django_db
def test_a_bad_tax_code_in_an_application_is_explained_and_nothing_typed_is_lost(client):
    open_page(client, "/sellers/dang-ky/", ENGLISH)

    response = client.post("/sellers/dang-ky/", application(tax_code="0101234"))

    page = soup_of(response)
    assert response.status_code == 200
    field = page.select_one("[name=tax_code]").find_parent(class_="form-group")
    assert "A tax code has 10 digits" in field.get_text()
    assert "(optional)" in field.select_one("label").get_text()
    assert page.select_one("[name=tax_code]")["value"] == "0101234"
    assert page.select_one("[name=name]")["value"] == "Cơ sở Thạch đen Phục Hòa"
    assert page.select_one("[name=what_she_makes]").get_text(strip=True) == "Thạch đen phơi khô, bột thạch đen"
    from sellers.models import Partner

    assert not Partner.objects.filter(name="Cơ sở Thạch đen Phục Hòa").exists()


@pytest.mark.django_db
def test_an_application_with_her_number_by_someone_else_does_not_block_her(client, union_editor, sms_outbox):
    # Given someone applied with her number and never typed the code sent to it
    stranger = {"name": "Cơ sở Giả mạo", "password1": "ke-gia-mao-1", "password2": "ke-gia-mao-1"}
    client.post("/sellers/dang-ky/", application(**stranger))
    client.cookies.clear()

    # When she applies with it herself and types the code
    asked = client.post("/sellers/dang-ky/", application(), follow=True)
    assert asked.request["PATH_INFO"] == VERIFY_URL
    client.post(VERIFY_URL, {"code": code_sent_to("+84978111222", sms_outbox)})

    # Then the Union's editors see which application's number is not verified
    client.force_login(union_editor)
    mine = get_model("partner", "Partner").objects.get(name="Cơ sở Thạch đen Phục Hòa")
    impostor = get_model("partner", "Partner").objects.get(name="Cơ sở Giả mạo")
    waiting = soup_of(open_page(client, "/sellers/don-dang-ky/", ENGLISH))
    assert "not verified" in waiting.select_one(f"#application-{impostor.pk}").get_text()
    assert "not verified" not in waiting.select_one(f"#application-{mine.pk}").get_text()

    # And once approved she logs in by her phone; the other application has lost the number
    client.post(f"/sellers/don-dang-ky/{mine.pk}/duyet/")
    client.logout()
    assert log_in(client, "0978 111 222", SELLER_PASSWORD).context["user"].partners.get() == mine
    assert impostor.users.get().phone is None
