from django.db import migrations, models


def fold_existing_stories(apps, schema_editor):
    """Give every story saved before search knew stories its folded search text."""
    from cms.search import fold_story

    StoryPage = apps.get_model("cms", "StoryPage")
    body_field = StoryPage._meta.get_field("body")
    for story in StoryPage.objects.select_related("seller").iterator():
        story.search_text = fold_story(story, body_field)
        story.save(update_fields=["search_text"])


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0003_union_staff_workflow"),
    ]

    operations = [
        migrations.AddField(
            model_name="storypage",
            name="search_text",
            field=models.TextField(blank=True, editable=False),
        ),
        migrations.RunPython(fold_existing_stories, migrations.RunPython.noop),
    ]
