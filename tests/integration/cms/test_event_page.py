"""Fairs and training sessions: where they live in the tree and what their page says."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from wagtail.models import Page

from cms.models import EventIndexPage, EventPage, HomePage, StandardPage, StoryIndexPage
from tests.pages import VIETNAMESE, open_page, text_of

HANOI_TIME = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def home(db):
    return HomePage.objects.get()


@pytest.fixture
def event_index(home):
    return home.add_child(instance=EventIndexPage(title="Hội chợ và tập huấn", slug="su-kien"))


def publish_event(index, **fields):
    event = index.add_child(instance=EventPage(live=False, **fields))
    event.save_revision().publish()
    return event


def test_events_live_only_under_the_event_index_which_lives_under_home(event_index, home):
    standard = home.add_child(instance=StandardPage(title="Chương trình", slug="chuong-trinh"))
    story_index = home.add_child(instance=StoryIndexPage(title="Câu chuyện", slug="cau-chuyen"))

    assert EventIndexPage.allowed_parent_page_models() == [HomePage]
    assert EventPage.allowed_parent_page_models() == [EventIndexPage]
    assert EventPage.can_create_at(event_index)
    for elsewhere in (home, standard, story_index, Page.get_first_root_node()):
        assert not EventPage.can_create_at(elsewhere)
    assert EventPage.allowed_subpage_models() == []
    assert EventIndexPage.allowed_subpage_models() == [EventPage]


def test_event_page_shows_date_time_and_place_in_vietnamese(client, event_index):
    event = publish_event(
        event_index,
        title="Hội chợ OCOP Cao Bằng 2026",
        slug="hoi-cho-ocop-2026",
        start=datetime.datetime(2026, 12, 12, 8, 0, tzinfo=HANOI_TIME),
        end=datetime.datetime(2026, 12, 12, 17, 30, tzinfo=HANOI_TIME),
        place="Quảng trường Cao Bằng",
        body="<p>Hơn 40 gian hàng của các chị em.</p>",
    )

    text = text_of(open_page(client, event.url, VIETNAMESE))

    assert "Thứ 7, 12/12/2026, 08:00 – 17:30" in text
    assert "Quảng trường Cao Bằng" in text
    assert "Hơn 40 gian hàng của các chị em." in text


def test_event_index_lists_coming_events_soonest_first(client, event_index):
    now = datetime.datetime.now(tz=HANOI_TIME)
    for title, slug, days in [("Tập huấn bán hàng online", "tap-huan", 20), ("Hội chợ xuân", "hoi-cho", 5)]:
        publish_event(event_index, title=title, slug=slug, start=now + datetime.timedelta(days=days), place="Xã Hòa An")
    publish_event(
        event_index, title="Hội chợ năm ngoái", slug="cu", start=now - datetime.timedelta(days=300), place="Xã Hòa An"
    )

    text = text_of(open_page(client, event_index.url, VIETNAMESE))

    assert text.index("Hội chợ xuân") < text.index("Tập huấn bán hàng online") < text.index("Hội chợ năm ngoái")
