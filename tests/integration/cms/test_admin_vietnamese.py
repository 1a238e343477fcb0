"""The Wagtail admin screens union staff use every day read in Vietnamese (locale-vendor/ fills Wagtail's gaps)."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Site

from cms.models import StoryIndexPage, StoryPage
from tests.factories import UserFactory
from tests.pages import soup_of, text_of


@pytest.fixture
def editor(db):
    user = UserFactory(email="bien.tap.hoi@example.vn")
    user.groups.add(Group.objects.get(name="Union editor"))
    return user


@pytest.fixture
def story(db):
    home = Site.objects.get(is_default_site=True).root_page.specific
    index = home.add_child(instance=StoryIndexPage(title="Câu chuyện", slug="cau-chuyen"))
    return index.add_child(instance=StoryPage(title="Thạch đen của chị Mai", slug="thach-den-chi-mai", live=False))


def button_labels(response):
    return {" ".join(button.get_text(" ").split()) for button in soup_of(response).select("button")}


def test_story_edit_page_reads_in_vietnamese_for_a_union_editor(client, editor, story):
    client.force_login(editor)

    response = client.get(f"/cms/pages/{story.pk}/edit/")

    assert response.status_code == 200
    buttons = button_labels(response)
    assert "Lưu bản nháp" in buttons
    assert "Xuất bản" in buttons
    text = text_of(response)
    for label in ("Nội dung", "Quảng bá", "Góp ý", "Gửi duyệt: Duyệt bài của Hội Phụ nữ"):
        assert label in text, label
    for english in ("Save draft", "Schedule to publish", "Preview in new tab", "Set publishing schedule"):
        assert english not in text, english


def test_new_story_form_reads_in_vietnamese(client, editor, story):
    client.force_login(editor)

    response = client.get(f"/cms/pages/add/cms/storypage/{story.get_parent().pk}/")

    assert response.status_code == 200
    assert "Lưu bản nháp" in button_labels(response)
    assert "Tiêu đề trang như bạn muốn người đọc nhìn thấy" in text_of(response)


def test_image_library_reads_in_vietnamese_for_a_union_editor(client, editor):
    client.force_login(editor)

    library = client.get("/cms/images/")
    upload = client.get("/cms/images/multiple/add/")

    assert library.status_code == upload.status_code == 200
    assert soup_of(library).select_one("h1").get_text(strip=True) == "Ảnh"
    assert "Thêm ảnh" in text_of(library)
    assert "Kéo và thả ảnh vào đây để tải lên ngay." in text_of(upload)
    assert "Hoặc chọn ảnh từ máy của bạn" in text_of(upload)
