"""Who may import sellers: officers and editors; an officer opens only her own imports, an editor every one;
a seller's account, a customer, a guest and staff without the permission get nothing, whatever they send.

Every URL of the screens is found in the URLconf (as the payout screens' test finds theirs): a new screen is
covered the day it is added.
"""

import pytest
from django.urls import URLPattern, reverse
from oscar.core.loading import get_model

import cms.onboarding.urls
from tests.factories import page_writer, union_staff

from .importing import noodle_category, product_row, seller_row, workbook
from .money import in_english

pytestmark = pytest.mark.django_db

ImportBatch = get_model("partner", "ImportBatch")
ImportRow = get_model("partner", "ImportRow")
Partner = get_model("partner", "Partner")

URLS = [(entry.name, sorted(entry.pattern.converters)) for entry in cms.onboarding.urls.urlpatterns]
assert all(isinstance(entry, URLPattern) for entry in cms.onboarding.urls.urlpatterns)


@pytest.fixture
def batch(client, union_officer):
    """An import the officer uploaded and has not confirmed yet: one seller and her product to add."""
    noodle_category()
    client.force_login(union_officer)
    client.post(
        reverse("onboarding:index"),
        {"file": workbook([seller_row("Nông Thị Hạnh", "0912 111 001")], [product_row("0912111001", "Miến dong")])},
    )
    client.logout()
    return ImportBatch.objects.get()


def url_of(name, kwargs, batch):
    if not kwargs:
        return reverse(f"onboarding:{name}")
    assert kwargs == ["pk"], f"{name} takes {kwargs}: map them to objects here"
    return reverse(f"onboarding:{name}", kwargs={"pk": batch.pk})


def snapshot():
    return [list(model.objects.order_by("pk").values()) for model in (ImportBatch, ImportRow, Partner)]


def a_file():
    return workbook([seller_row("Đàm Thị Mai", "0912 111 002")])


def test_the_screens_have_urls_to_check():
    assert {name for name, _kwargs in URLS} == {"index", "template", "batch", "confirm"}


@pytest.fixture(params=["officer", "editor"])
def importer(request, union_officer):
    if request.param == "officer":
        return union_officer
    return union_staff("Union editor", "bien.tap.nhap@example.vn")


@pytest.mark.parametrize(("name", "kwargs"), URLS, ids=[name for name, _ in URLS])
def test_officers_and_editors_open_every_screen(client, importer, batch, name, kwargs):
    client.force_login(importer)

    response = in_english(client).get(url_of(name, kwargs, batch))

    if name == "confirm":  # opened, it leads back to the import it confirms
        assert response.status_code == 302
        assert response["Location"] == batch.get_absolute_url()
    else:
        assert response.status_code == 200, f"GET {name} answered {response.status_code}"
    if name == "batch":
        assert "Nông Thị Hạnh" in response.content.decode()


def test_officers_and_editors_upload_and_confirm(client, importer, batch, django_capture_on_commit_callbacks):
    client.force_login(importer)

    uploaded = in_english(client).post(reverse("onboarding:index"), {"file": a_file()})
    with django_capture_on_commit_callbacks(execute=True):
        confirmed = client.post(reverse("onboarding:confirm", kwargs={"pk": batch.pk}))

    assert uploaded.status_code == confirmed.status_code == 302
    assert ImportBatch.objects.filter(created_by=importer).exists()
    assert Partner.objects.get(phone="+84912111001").registered_by == batch.created_by


def test_another_officer_neither_sees_nor_confirms_an_officers_import(client, batch):
    other = union_staff("Union officer", "can.bo.khac@example.vn")
    client.force_login(other)
    before = snapshot()

    opened = client.get(batch.get_absolute_url())
    confirmed = client.post(reverse("onboarding:confirm", kwargs={"pk": batch.pk}))
    listed = client.get(reverse("onboarding:index"))

    assert opened.status_code == confirmed.status_code == 404
    assert batch.file_name not in listed.content.decode()
    assert snapshot() == before


@pytest.fixture(params=["seller", "customer", "guest", "staff without the permission"])
def outsider(request, client, batch, seller_owner, customer):
    """Someone who must not import: a seller's account, a customer, a guest, or admin staff whose groups give no
    import permission (Wagtail's own "Editors", who write pages). After `batch`, which logs its officer out."""
    if request.param == "seller":
        client.force_login(seller_owner)
    elif request.param == "customer":
        client.force_login(customer)
    elif request.param != "guest":
        client.force_login(page_writer())
    return request.param


@pytest.mark.parametrize(("name", "kwargs"), URLS, ids=[name for name, _ in URLS])
@pytest.mark.parametrize("method", ["get", "post"])
def test_no_one_else_opens_or_sends_anything(client, outsider, batch, name, kwargs, method):
    before = snapshot()
    url = url_of(name, kwargs, batch)

    response = client.post(url, {"file": a_file()}) if method == "post" else client.get(url)

    # Staff without the permission are refused; the others are sent to the admin's login
    if outsider == "staff without the permission":
        assert response.status_code == 403
    else:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("wagtailadmin_login"))
    assert "Nông Thị Hạnh" not in response.content.decode()
    assert snapshot() == before


def test_the_menu_shows_the_import_to_officers_and_editors_only(client, union_officer, union_editor):
    for member in (union_officer, union_editor):
        client.force_login(member)
        assert reverse("onboarding:index") in client.get(reverse("wagtailadmin_home")).content.decode()

    client.force_login(page_writer())
    assert reverse("onboarding:index") not in client.get(reverse("wagtailadmin_home")).content.decode()
