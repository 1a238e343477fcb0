# The home page that editors curate: a hero picture and button, featured stories, products and
# sellers, and the programme in figures (filled on existing home pages).

import json
import uuid

import django.db.models.deletion
import wagtail.fields
from django.db import migrations, models

# The programme's figures as the Women's Union publishes them.
FIGURES = [
    ("850", "lớp tập huấn"),
    ("60.000", "lượt hội viên"),
    ("hơn 20 tỷ đồng", "vốn"),
    ("70", "mô hình hoạt động hiệu quả"),
]


def raw_figures():
    return [
        {"type": "figure", "value": {"number": number, "label": label}, "id": str(uuid.uuid4())}
        for number, label in FIGURES
    ]


def fill_figures(apps, schema_editor):
    """Give home pages without figures the programme's, in the page and in its latest revision.

    The editor opens the latest revision: without them there, the next publish would drop them.
    """
    HomePage = apps.get_model("cms", "HomePage")
    Revision = apps.get_model("wagtailcore", "Revision")
    for home in HomePage.objects.all():
        if home.figures:
            continue
        figures = raw_figures()
        home.figures = figures
        home.save(update_fields=["figures"])
        revision = Revision.objects.filter(pk=home.latest_revision_id).first()
        if revision is not None and not json.loads(revision.content.get("figures") or "[]"):
            revision.content["figures"] = json.dumps(figures)
            revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0005_story_product_cards"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [
        migrations.AddField(
            model_name="homepage",
            name="hero_image",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="wagtailimages.image",
                verbose_name="Hero image",
            ),
        ),
        migrations.AddField(
            model_name="homepage",
            name="hero_button_text",
            field=models.CharField(
                blank=True, help_text="Empty: “Shop the products”.", max_length=60, verbose_name="Hero button text"
            ),
        ),
        migrations.AddField(
            model_name="homepage",
            name="hero_button_link",
            field=models.CharField(
                blank=True,
                help_text="A path on this site such as /cau-chuyen/, or a full address. Empty: the product list.",
                max_length=255,
                verbose_name="Hero button link",
            ),
        ),
        migrations.AddField(
            model_name="homepage",
            name="featured_stories",
            field=wagtail.fields.StreamField(
                [("story", 0)],
                blank=True,
                block_lookup={
                    0: ("wagtail.blocks.PageChooserBlock", (), {"label": "Story", "page_type": ["cms.StoryPage"]})
                },
                help_text="Empty: the three newest stories.",
                verbose_name="Featured stories",
            ),
        ),
        migrations.AddField(
            model_name="homepage",
            name="featured_products",
            field=wagtail.fields.StreamField(
                [("product", 0)],
                blank=True,
                block_lookup={0: ("cms.blocks.ProductChooserBlock", (), {"label": "Product"})},
                help_text="Empty: the eight newest products.",
                verbose_name="Featured products",
            ),
        ),
        migrations.AddField(
            model_name="homepage",
            name="featured_sellers",
            field=wagtail.fields.StreamField(
                [("seller", 0)],
                blank=True,
                block_lookup={0: ("cms.choosers.SellerChooserBlock", (), {"label": "Seller"})},
                help_text="Empty: the first eight sellers by name.",
                verbose_name="Featured sellers",
            ),
        ),
        migrations.AddField(
            model_name="homepage",
            name="figures",
            field=wagtail.fields.StreamField(
                [("figure", 2)],
                blank=True,
                block_lookup={
                    0: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {"help_text": "e.g. 60.000", "label": "Number", "max_length": 30},
                    ),
                    1: ("wagtail.blocks.CharBlock", (), {"label": "What it counts", "max_length": 80}),
                    2: (
                        "wagtail.blocks.StructBlock",
                        [[("number", 0), ("label", 1)]],
                        {"icon": "list-ol", "label": "Figure"},
                    ),
                },
                verbose_name="The programme in figures",
            ),
        ),
        migrations.RunPython(fill_figures, migrations.RunPython.noop),
    ]
