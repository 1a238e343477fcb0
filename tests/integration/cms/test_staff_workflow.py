"""The Women's Union's staff in Wagtail: an officer writes and submits, an editor approves."""

from importlib import import_module

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from wagtail.models import (
    GroupCollectionPermission,
    GroupPagePermission,
    Site,
    TaskState,
    Workflow,
    WorkflowPage,
    WorkflowState,
)
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from cms.models import StoryIndexPage, StoryPage
from tests.factories import UserFactory
from tests.pages import soup_of

WORKFLOW = "Duyệt bài của Hội Phụ nữ"
TASK = "Biên tập viên duyệt"


def union_staff(group_name, email):
    user = UserFactory(email=email)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def officer(db):
    return union_staff("Union officer", "can.bo.hoi@example.vn")


@pytest.fixture
def editor(db):
    return union_staff("Union editor", "bien.tap.hoi@example.vn")


@pytest.fixture
def home(db):
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def story_index(home):
    return home.add_child(instance=StoryIndexPage(title="Câu chuyện", slug="cau-chuyen"))


def story_form(title, slug, **actions):
    """What the admin's story form posts: the fields, an empty body and no comments."""
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "seller": "",
            "intro": "Chị Mai làm thạch đen ở Phục Hòa.",
            "body": streamfield([]),
            "comments": inline_formset([]),
            **actions,
        }
    )


def create_story(client, user, parent, **actions):
    client.force_login(user)
    response = client.post(
        f"/cms/pages/add/cms/storypage/{parent.pk}/",
        story_form("Thạch đen của chị Mai", "thach-den-chi-mai", **actions),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return StoryPage.objects.get(slug="thach-den-chi-mai")


def submit_story(client, story):
    data = story_form(story.title, story.slug, **{"action-submit": "Submit"})
    response = client.post(f"/cms/pages/{story.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:2000]


@pytest.mark.django_db
def test_union_groups_have_their_rights_on_the_home_page(home):
    rights = {
        name: set(
            GroupPagePermission.objects.filter(group__name=name, page=home).values_list(
                "permission__codename", flat=True
            )
        )
        for name in ("Union officer", "Union editor")
    }

    assert rights["Union officer"] == {"add_page", "change_page"}
    assert rights["Union editor"] == {"add_page", "change_page", "publish_page", "lock_page", "unlock_page"}
    assert not Group.objects.get(name="Union officer").user_set.filter(is_superuser=True).exists()


@pytest.mark.django_db
def test_union_groups_upload_and_choose_images_and_documents():
    for name in ("Union officer", "Union editor"):
        codenames = set(
            GroupCollectionPermission.objects.filter(group__name=name, collection__depth=1).values_list(
                "permission__codename", flat=True
            )
        )
        assert codenames == {
            f"{action}_{model}" for action in ("add", "change", "choose") for model in ("image", "document")
        }


@pytest.mark.django_db
def test_staff_workflow_migration_can_run_twice():
    migration = import_module("cms.migrations.0003_union_staff_workflow")
    counts = (GroupPagePermission.objects.count(), GroupCollectionPermission.objects.count(), Workflow.objects.count())

    migration.give_union_staff_pages_and_workflow(apps, schema_editor=None)

    assert (
        GroupPagePermission.objects.count(),
        GroupCollectionPermission.objects.count(),
        Workflow.objects.count(),
    ) == counts
    assert WorkflowPage.objects.get(page__depth=2).workflow.name == WORKFLOW


@pytest.mark.django_db
def test_home_page_sends_drafts_to_the_union_editors(home, story_index):
    workflow = story_index.get_workflow()

    assert workflow.name == WORKFLOW
    [task] = workflow.tasks.specific()
    assert task.name == TASK
    assert list(task.groups.values_list("name", flat=True)) == ["Union editor"]


def test_officer_creates_a_story_draft(client, officer, story_index):
    story = create_story(client, officer, story_index)

    assert story.get_parent().pk == story_index.pk
    assert not story.live
    assert story.owner == officer


def test_officer_cannot_publish_a_story(client, officer, story_index):
    # Given an officer who asks to publish the story she writes
    story = create_story(client, officer, story_index, **{"action-publish": "Publish"})

    # Then it is saved as a draft, and her edit form has no publish button
    assert not story.live
    assert client.get(story.url).status_code == 404
    response = client.get(f"/cms/pages/{story.pk}/edit/")
    assert response.status_code == 200
    form = soup_of(response)
    assert form.select('button[name="action-submit"]')
    assert not form.select('[name="action-publish"]')

    # And publishing through the edit form leaves it a draft as well
    client.post(f"/cms/pages/{story.pk}/edit/", story_form(story.title, story.slug, **{"action-publish": "Publish"}))
    story.refresh_from_db()
    assert not story.live


def test_officer_submits_a_story_to_the_editors(client, officer, story_index):
    story = create_story(client, officer, story_index)

    submit_story(client, story)

    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(story.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == WORKFLOW
    assert state.current_task_state.task.name == TASK
    assert state.requested_by == officer
    story.refresh_from_db()
    assert not story.live


def test_officer_cannot_approve_her_own_story(client, officer, story_index):
    story = create_story(client, officer, story_index)
    submit_story(client, story)
    task_state = TaskState.objects.get(workflow_state__object_id=str(story.pk))

    response = client.post(f"/cms/pages/workflow/action/{story.pk}/approve/{task_state.pk}/", {"comment": ""})

    # Wagtail's admin answers a refused action with a redirect to its dashboard
    assert (response.status_code, response.url) == (302, "/cms/")
    story.refresh_from_db()
    assert not story.live


def test_editor_approves_a_submitted_story_and_it_goes_live(client, officer, editor, story_index):
    # Given a story an officer has submitted
    story = create_story(client, officer, story_index)
    submit_story(client, story)
    task_state = TaskState.objects.get(workflow_state__object_id=str(story.pk))

    # When an editor approves it
    client.force_login(editor)
    assert client.get(f"/cms/pages/{story.pk}/edit/").status_code == 200
    response = client.post(f"/cms/pages/workflow/action/{story.pk}/approve/{task_state.pk}/", {"comment": "Tốt"})

    # Then the workflow is over and the story is public
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.live
    assert WorkflowState.objects.get(pk=task_state.workflow_state_id).status == WorkflowState.STATUS_APPROVED
    assert client.get(story.url).status_code == 200


def test_editor_publishes_a_story_directly(client, editor, story_index):
    story = create_story(client, editor, story_index, **{"action-publish": "Publish"})

    assert story.live
    assert client.get(story.url).status_code == 200


def test_editor_edits_the_home_page(client, editor, home):
    client.force_login(editor)

    response = client.get(f"/cms/pages/{home.pk}/edit/")

    assert response.status_code == 200
    assert soup_of(response).select('[name="action-publish"]')


# An officer's "Submit for moderation" is never lost to Wagtail's autosave of the page she is creating. On a
# new story's form, autosave's first save creates the page and the form goes on as its edit form; a tap on
# "Submit" that left before the form had switched (1 run in 7 of an officer's journey) was posted to the
# create address again, as a second page with the same slug: "The slug is already in use", and the story
# stayed an unsubmitted draft (cms/autosave.py).

TITLE, SLUG = "Thạch đen của chị Mai", "thach-den-chi-mai"


def create_url(parent):
    return f"/cms/pages/add/cms/storypage/{parent.pk}/"


def autosave(client, parent, **fields):
    """What autosave sends from the new page's form: the form so far, asking for JSON."""
    return client.post(create_url(parent), story_form(TITLE, SLUG, **fields), HTTP_ACCEPT="application/json")


def test_a_submit_sent_while_autosave_created_the_page_submits_that_page(client, officer, story_index):
    # Given an officer writing a new story, whose form autosave has just saved, creating the page
    client.force_login(officer)
    saved = autosave(client, story_index)
    assert saved.status_code == 200, saved.content.decode()[:2000]
    assert saved.json()["success"]

    # When her tap on "Submit for moderation" reaches the create address still, with what she wrote since
    data = story_form(TITLE, SLUG, **{"action-submit": "Submit"})
    data["intro"] = "Chị Mai làm thạch đen ở Phục Hòa từ năm 2019."
    response = client.post(create_url(story_index), data)

    # Then the page autosave made is submitted, with her last words, and there is no second page
    assert response.status_code == 302, response.context["form"].errors
    [story] = StoryPage.objects.all()
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(story.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == WORKFLOW
    assert state.requested_by == officer
    assert story.get_latest_revision_as_object().intro == "Chị Mai làm thạch đen ở Phục Hòa từ năm 2019."
    assert not story.live


def test_another_officers_page_with_the_slug_still_refuses_the_slug(client, officer, story_index):
    # Given a colleague's draft with that slug, autosaved a moment ago
    colleague = UserFactory(email="can.bo.khac@example.vn")
    colleague.groups.add(*officer.groups.all())
    client.force_login(colleague)
    autosave(client, story_index)

    # When the officer submits a new story with the same slug
    client.force_login(officer)
    response = client.post(create_url(story_index), story_form(TITLE, SLUG, **{"action-submit": "Submit"}))

    # Then Wagtail refuses the slug as before: the colleague's draft is not hers to submit
    assert response.status_code == 200
    assert StoryPage.objects.get().owner == colleague
    assert not WorkflowState.objects.exists()


def test_her_own_older_draft_with_the_slug_is_not_taken_over(client, officer, story_index):
    # Given a draft of hers with that slug that autosave did not just make (published once, then changed)
    client.force_login(officer)
    autosave(client, story_index)
    StoryPage.objects.update(first_published_at="2026-01-01T00:00:00Z")

    response = client.post(create_url(story_index), story_form(TITLE, SLUG, **{"action-submit": "Submit"}))

    assert response.status_code == 200
    assert not WorkflowState.objects.exists()
