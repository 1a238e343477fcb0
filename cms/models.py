from datetime import timedelta

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Page

from .blocks import ProductChooserBlock, StoryBlock
from .choosers import SellerChooserBlock
from .forms import StoryFilterForm
from .privacy import PageManager
from .search import fold_story


class HomePage(Page):
    """The marketplace's front door: a hero, stories, products and sellers, and the programme in figures.

    Editors choose what it features; a list they leave empty shows the newest (stories, products) or
    the first sellers instead, so the page is never bare.
    """

    hero_title = models.CharField(_("Hero title"), max_length=160, blank=True)
    hero_text = models.TextField(_("Hero text"), blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_button_text = models.CharField(
        _("Hero button text"), max_length=60, blank=True, help_text=_("Empty: “Shop the products”.")
    )
    hero_button_link = models.CharField(
        _("Hero button link"),
        max_length=255,
        blank=True,
        help_text=_("A path on this site such as /cau-chuyen/, or a full address. Empty: the product list."),
    )
    featured_stories = StreamField(
        [("story", blocks.PageChooserBlock(page_type="cms.StoryPage", label=_("Story")))],
        blank=True,
        verbose_name=_("Featured stories"),
        help_text=_("Empty: the three newest stories."),
    )
    featured_products = StreamField(
        [("product", ProductChooserBlock(label=_("Product")))],
        blank=True,
        verbose_name=_("Featured products"),
        help_text=_("Empty: the eight newest products."),
    )
    featured_sellers = StreamField(
        [("seller", SellerChooserBlock(label=_("Seller")))],
        blank=True,
        verbose_name=_("Featured sellers"),
        help_text=_("Empty: the first eight sellers by name."),
    )
    figures = StreamField(
        [
            (
                "figure",
                blocks.StructBlock(
                    [
                        ("number", blocks.CharBlock(label=_("Number"), max_length=30, help_text=_("e.g. 60.000"))),
                        ("label", blocks.CharBlock(label=_("What it counts"), max_length=80)),
                    ],
                    icon="list-ol",
                    label=_("Figure"),
                ),
            )
        ],
        blank=True,
        verbose_name=_("The programme in figures"),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("hero_title"),
        FieldPanel("hero_text"),
        FieldPanel("hero_image"),
        FieldPanel("hero_button_text"),
        FieldPanel("hero_button_link"),
        FieldPanel("featured_stories"),
        FieldPanel("featured_products"),
        FieldPanel("featured_sellers"),
        FieldPanel("figures"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["cms.StoryIndexPage", "cms.EventIndexPage", "cms.StandardPage"]

    class Meta:
        verbose_name = _("Home page")

    def save(self, *args, **kwargs):
        """Also forget the figures every page's footer keeps (see `programme_figures`)."""
        cache.delete(FIGURES_CACHE_KEY)
        return super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        """Stories, products and sellers: the featured ones in the editors' order, one query per kind."""
        context = super().get_context(request, *args, **kwargs)
        Product = get_model("catalogue", "Product")
        Partner = get_model("partner", "Partner")
        stories = (
            StoryPage.objects.live()
            .public()
            .select_related("seller")
            .prefetch_related(Prefetch("hero_image", queryset=get_image_model().objects.prefetch_renditions()))
        )
        products = Product.objects.for_cards()
        sellers = Partner.objects.public()
        context["stories"] = (
            in_chosen_order(stories, self.featured_stories) or stories.order_by("-first_published_at", "-pk")[:3]
        )
        chosen_products = in_chosen_order(products, self.featured_products)
        context["products_are_chosen"] = bool(chosen_products)
        context["products"] = chosen_products or products.order_by("-date_created")[:8]
        context["sellers"] = in_chosen_order(sellers, self.featured_sellers) or sellers.order_by("name")[:8]
        return context


FIGURES_CACHE_KEY = "cms:programme-figures"


def programme_figures():
    """The live home page's figures as (number, label) pairs, cached for every page's footer."""

    def load():
        home = HomePage.objects.live().first()
        return [(figure.value["number"], figure.value["label"]) for figure in home.figures] if home else []

    return cache.get_or_set(FIGURES_CACHE_KEY, load, 60 * 60)


def in_chosen_order(queryset, stream):
    """The objects a stream of chooser blocks names, in its order, loaded in one query.

    Reads the stream's raw pks: iterating the stream would load each kind through the chooser's
    own queryset, and let through what `queryset` leaves out (a story unpublished, a seller suspended).
    """
    pks = list(dict.fromkeys(block["value"] for block in stream.raw_data if block["value"]))
    if not pks:
        return []
    found = {obj.pk: obj for obj in queryset.filter(pk__in=pks)}
    return [found[pk] for pk in pks if pk in found]


class StoryIndexPage(Page):
    """The list of maker stories, newest first."""

    intro = models.TextField(_("Introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.StoryPage"]

    class Meta:
        verbose_name = _("Story index")

    def get_context(self, request, *args, **kwargs):
        """`stories` newest first, narrowed by the `commune` and `category` of the query string; `filters`."""
        context = super().get_context(request, *args, **kwargs)
        stories = StoryPage.objects.child_of(self).live().public()
        filters = StoryFilterForm(request.GET, stories)
        context["filters"] = filters
        context["stories"] = (
            filters.filter(stories)
            .select_related("seller")
            .prefetch_related(Prefetch("hero_image", queryset=get_image_model().objects.prefetch_renditions()))
            .order_by("-first_published_at", "-pk")
        )
        return context


# The fields of a story whose words search finds.
SEARCHED_FIELDS = {"title", "intro", "seller", "body"}


class StoryPage(Page):
    """A story about one woman maker: who she is, where she lives, how she makes it."""

    objects = PageManager()  # public() from the cache (cms/privacy.py)

    seller = models.ForeignKey(
        "partner.Partner",
        verbose_name=_("Seller"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stories",
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown at the top of the story and on its card."),
    )
    intro = models.TextField(_("Intro"), blank=True)
    body = StreamField(StoryBlock(), blank=True, verbose_name=_("Body"))
    # Folded copy (lower case, no accents) of what site search compares against; see cms.search.
    search_text = models.TextField(blank=True, editable=False)

    content_panels = [
        *Page.content_panels,
        FieldPanel("seller"),
        FieldPanel("hero_image"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]

    parent_page_types = ["cms.StoryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Story")

    def save(self, *args, **kwargs):
        """Refold the search text when the story's words are saved (a draft revision saves none of them)."""
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


class EventIndexPage(Page):
    """The fairs and training sessions: those to come first, soonest first, then those past."""

    intro = models.TextField(_("Introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.EventPage"]

    class Meta:
        verbose_name = _("Event index")

    def get_context(self, request, *args, **kwargs):
        """`upcoming` events soonest first (one still on counts) and `past` ones latest first."""
        context = super().get_context(request, *args, **kwargs)
        events = EventPage.objects.child_of(self).live().public().select_related("image")
        now = timezone.now()
        still_on = Q(end__gte=now) | Q(end__isnull=True, start__gte=now - timedelta(days=1))
        context["upcoming"] = events.filter(still_on).order_by("start", "pk")
        context["past"] = events.exclude(still_on).order_by("-start", "-pk")[:12]
        return context


class EventPage(Page):
    """A fair or a training session: when, where and what happens."""

    objects = PageManager()  # public() from the cache (cms/privacy.py)

    start = models.DateTimeField(_("Starts"))
    end = models.DateTimeField(_("Ends"), null=True, blank=True)
    place = models.CharField(
        _("Place"), max_length=255, help_text=_("Where it happens, e.g. Nhà văn hóa xã Trùng Khánh.")
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = RichTextField(_("What happens"), blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("place")],
            heading=_("When and where"),
        ),
        FieldPanel("image"),
        FieldPanel("body"),
    ]

    parent_page_types = ["cms.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Event")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("An event cannot end before it starts.")})
