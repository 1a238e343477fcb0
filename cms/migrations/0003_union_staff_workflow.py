from django.contrib.auth.management import create_permissions
from django.db import migrations

# The Women's Union's staff on the site's tree: an officer writes drafts and submits them,
# an editor approves and publishes them. The workflow on the home page sends every
# officer's draft to an editor before it is public.
OFFICER = "Union officer"
EDITOR = "Union editor"
PAGE_PERMISSIONS = {
    OFFICER: ["add", "change"],
    EDITOR: ["add", "change", "publish", "lock", "unlock"],
}
# Both groups upload and choose the pictures and files their stories use.
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "image", ["add", "change", "choose"]),
    ("wagtaildocs", "document", ["add", "change", "choose"]),
]
WORKFLOW_NAME = "Duyệt bài của Hội Phụ nữ"
TASK_NAME = "Biên tập viên duyệt"


def create_permission_rows(apps):
    """Make the Permission rows now: Django creates them only after the last migration."""
    for label in ("wagtailcore", "wagtailimages", "wagtaildocs"):
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def give_union_staff_pages_and_workflow(apps, schema_editor):
    """Give both groups their rights on the home page and root collection; add the workflow."""
    create_permission_rows(apps)
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    Group = apps.get_model("auth.Group")
    Site = apps.get_model("wagtailcore.Site")
    Collection = apps.get_model("wagtailcore.Collection")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")

    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return
    home = site.root_page
    officer = Group.objects.get(name=OFFICER)
    editor = Group.objects.get(name=EDITOR)
    groups = {OFFICER: officer, EDITOR: editor}

    for name, actions in PAGE_PERMISSIONS.items():
        for action in actions:
            permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=f"{action}_page")
            GroupPagePermission.objects.get_or_create(group=groups[name], page=home, permission=permission)

    root_collection = Collection.objects.get(depth=1)
    for app_label, model, actions in COLLECTION_PERMISSIONS:
        for action in actions:
            permission = Permission.objects.get(content_type__app_label=app_label, codename=f"{action}_{model}")
            for group in groups.values():
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=permission
                )

    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task, _ = GroupApprovalTask.objects.get_or_create(
        name=TASK_NAME, defaults={"content_type": task_type, "active": True}
    )
    task.groups.add(editor)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0002_create_homepage"),
        ("shop", "0002_union_staff_groups"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(give_union_staff_pages_and_workflow, migrations.RunPython.noop)]
