"""Who may do what with sellers' money: officers read every payout screen and change nothing; editors pay
sellers and correct balances; a seller's account and a guest get nothing, whatever they send.

Every URL of the payout screens is found in the URLconf, not listed by hand (as the seller portal's
isolation test finds its URLs): a new screen is covered the day it is added, and a new kind of id fails
here until it is mapped to an object below.
"""

import pytest
from django.contrib.auth.models import Group
from django.urls import URLPattern, reverse
from django.utils import timezone

import cms.payouts.urls
from ledger.models import Entry, EntryKind, Payout, PayoutRun, PayoutStatus
from ledger.payouts import open_payout_run
from tests.factories import page_writer
from tests.pages import text_of

from .money import delivered_prepaid, in_english, seller_with_account

pytestmark = pytest.mark.django_db

URLS = [(entry.name, sorted(entry.pattern.converters)) for entry in cms.payouts.urls.urlpatterns]
assert all(isinstance(entry, URLPattern) for entry in cms.payouts.urls.urlpatterns)
# The URLs whose POST changes something; the others only read.
ACTIONS = {"open", "mark-paid", "refresh-account", "correct"}
# Which object a URL's pk names, by its name.
PK_OF = {
    "run": "run",
    "run-export": "run",
    "mark-paid": "hoas_payout",
    "refresh-account": "lans_payout",
    "seller": "hoa",
    "correct": "hoa",
}


@pytest.fixture
def money(union_editor):
    """Hoa, owed for a delivered parcel, and Lan, owed too but with no account when the run was opened
    (she has added it since): a run with a line to pay and a line waiting for her account."""
    hoa = seller_with_account("Cơ sở Miến dong Hoa Thám")
    delivered_prepaid(hoa, "125000")
    lan = seller_with_account("Cơ sở Lạp sườn Bế Lan", account="")
    delivered_prepaid(lan, "152000")
    today = timezone.localdate()
    run = open_payout_run(period_start=today, period_end=today, by=union_editor)
    lan.bank_bin, lan.bank_account_number, lan.bank_account_holder = "970418", "21510000111222", "BE THI LAN"
    lan.save()
    return {
        "hoa": hoa,
        "run": run,
        "hoas_payout": run.payouts.get(seller=hoa),
        "lans_payout": run.payouts.get(seller=lan),
    }


def url_of(name, kwargs, money):
    if not kwargs:
        return reverse(f"payouts:{name}")
    assert kwargs == ["pk"], f"{name} takes {kwargs}: map them to objects here"
    assert name in PK_OF, f"{name} takes a pk: say in PK_OF which object it names"
    return reverse(f"payouts:{name}", kwargs={"pk": money[PK_OF[name]].pk})


def every_field():
    """A POST valid for every form of the payout screens, so a refusal is not a form error."""
    today = timezone.localdate().isoformat()
    return {
        "period_start": today,
        "period_end": today,
        "bank_reference": "FT26336999",
        "amount": "50.000",
        "reason": "Thử",
    }


def snapshot():
    return [list(model.objects.order_by("pk").values()) for model in (PayoutRun, Payout, Entry)]


def test_the_payout_screens_have_urls_to_check():
    names = {name for name, _kwargs in URLS}
    assert ACTIONS | {"runs", "run", "run-export", "seller", "balances", "withholding", "withholding-export"} <= names


@pytest.mark.parametrize(("name", "kwargs"), URLS, ids=[name for name, _ in URLS])
def test_an_officer_reads_every_payout_screen(client, union_officer, money, name, kwargs):
    client.force_login(union_officer)

    response = in_english(client).get(url_of(name, kwargs, money))

    if name in ACTIONS:  # an action's address, opened, leads back to the page it acts on
        assert response.status_code == 302
        assert response["Location"].startswith("/cms/payouts/")
    else:
        assert response.status_code == 200, f"GET {name} answered {response.status_code}"


@pytest.mark.parametrize(("name", "kwargs"), URLS, ids=[name for name, _ in URLS])
def test_an_officer_posting_to_a_payout_screen_is_refused_and_changes_nothing(
    client, union_officer, money, name, kwargs
):
    client.force_login(union_officer)
    before = snapshot()

    response = in_english(client).post(url_of(name, kwargs, money), every_field())

    assert response.status_code == 403, f"POST {name} answered {response.status_code}"
    assert "ask a Union editor" in text_of(response)
    assert snapshot() == before


@pytest.fixture(params=["seller", "guest", "staff without the ledger"])
def outsider(request, client, seller_owner):
    """Someone who must see nothing of sellers' money: a seller's account, a guest, or admin staff whose
    groups give no ledger permission (Wagtail's own "Editors", who write pages)."""
    if request.param == "seller":
        client.force_login(seller_owner)
    elif request.param != "guest":
        client.force_login(page_writer())
    return request.param


@pytest.mark.parametrize(("name", "kwargs"), URLS, ids=[name for name, _ in URLS])
@pytest.mark.parametrize("method", ["get", "post"])
def test_no_one_else_reads_or_changes_sellers_money(client, outsider, money, name, kwargs, method):
    before = snapshot()
    url = url_of(name, kwargs, money)

    response = client.post(url, every_field()) if method == "post" else client.get(url)

    # A seller's account and a guest are sent to the admin's login; staff without the ledger are refused
    if outsider == "staff without the ledger":
        assert response.status_code == 403
    else:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("wagtailadmin_login"))
    assert "Hoa Thám" not in response.content.decode()
    assert snapshot() == before


def test_the_menu_shows_sellers_money_to_officers_only(client, union_officer):
    client.force_login(union_officer)
    assert reverse("payouts:runs") in client.get(reverse("wagtailadmin_home")).content.decode()

    client.force_login(page_writer())
    assert reverse("payouts:runs") not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_an_editor_can_do_everything_the_officer_was_refused(client, union_editor, money):
    # Given an editor, who may pay sellers
    client.force_login(union_editor)
    hoa, hoas_payout, lans_payout = money["hoa"], money["hoas_payout"], money["lans_payout"]

    # When she sends the same forms the officer sent
    for name in ("open", "mark-paid", "refresh-account", "correct"):
        response = in_english(client).post(url_of(name, ["pk"] if name != "open" else [], money), every_field())
        assert response.status_code == 302, f"POST {name} answered {response.status_code}"

    # Then each did its work: the refusals above were the officer's, not her forms'
    assert PayoutRun.objects.count() == 2
    hoas_payout.refresh_from_db()
    lans_payout.refresh_from_db()
    assert hoas_payout.status == PayoutStatus.PAID
    assert lans_payout.status == PayoutStatus.WAITING
    assert Entry.objects.filter(seller=hoa, kind=EntryKind.CORRECTION, amount=50000, reason="Thử").exists()


def test_editors_may_pay_sellers_and_officers_only_read():
    reading = {"view_payoutrun", "view_payout", "view_entry"}

    def ledger_codes(group):
        return set(
            Group.objects.get(name=group)
            .permissions.filter(content_type__app_label="ledger")
            .values_list("codename", flat=True)
        )

    assert ledger_codes("Union editor") == reading | {"pay_sellers"}
    assert ledger_codes("Union officer") == reading
