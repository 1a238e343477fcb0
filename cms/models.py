from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from .blocks import StoryBlock


class HomePage(Page):
    """The marketplace's front door: a hero, stories, products and sellers."""

    hero_title = models.CharField(_("Hero title"), max_length=160, blank=True)
    hero_text = models.TextField(_("Hero text"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("hero_title"), FieldPanel("hero_text")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["cms.StoryIndexPage", "cms.StandardPage"]

    class Meta:
        verbose_name = _("Home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        Product = get_model("catalogue", "Product")
        Partner = get_model("partner", "Partner")
        context["stories"] = (
            StoryPage.objects.live().public().select_related("seller").order_by("-first_published_at")[:3]
        )
        context["products"] = Product.objects.for_cards().order_by("-date_created")[:8]
        context["sellers"] = Partner.objects.public().order_by("name")[:8]
        return context


class StoryIndexPage(Page):
    """The list of maker stories, newest first."""

    intro = models.TextField(_("Introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.StoryPage"]

    class Meta:
        verbose_name = _("Story index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["stories"] = (
            StoryPage.objects.child_of(self).live().public().select_related("seller").order_by("-first_published_at")
        )
        return context


# The fields of a story whose words search finds.
SEARCHED_FIELDS = {"title", "intro", "seller", "body"}


class StoryPage(Page):
    """A story about one woman maker: who she is, where she lives, how she makes it."""

    seller = models.ForeignKey(
        "partner.Partner",
        verbose_name=_("Seller"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stories",
    )
    intro = models.TextField(_("Intro"), blank=True)
    body = StreamField(StoryBlock(), blank=True, verbose_name=_("Body"))
    # Folded copy (lower case, no accents) of what site search compares against; see cms.search.
    search_text = models.TextField(blank=True, editable=False)

    content_panels = [*Page.content_panels, FieldPanel("seller"), FieldPanel("intro"), FieldPanel("body")]

    parent_page_types = ["cms.StoryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Story")

    def save(self, *args, **kwargs):
        """Refold the search text when the story's words are saved (a draft revision saves none of them)."""
        from .search import fold_story

        update_fields = kwargs.get("update_fields")
        if update_fields is None or SEARCHED_FIELDS & set(update_fields):
            self.search_text = fold_story(self)
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "search_text"}
        return super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        """Also `card_products`: the products of the body's product cards by pk, loaded together."""
        context = super().get_context(request, *args, **kwargs)
        Product = get_model("catalogue", "Product")
        chosen = {block["value"].get("product") for block in self.body.raw_data if block["type"] == "product"}
        chosen.discard(None)
        products = Product.objects.for_cards().filter(pk__in=chosen) if chosen else []
        context["card_products"] = {product.pk: product for product in products}
        return context


class StandardPage(Page):
    """A plain page: the programme, policies, FAQ."""

    body = RichTextField(_("Body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("body")]

    parent_page_types = ["cms.HomePage", "cms.StandardPage"]
    subpage_types = ["cms.StandardPage"]

    class Meta:
        verbose_name = _("Standard page")
