from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

from .choosers import product_chooser_viewset

ProductChooserBlock = product_chooser_viewset.get_block_class(name="ProductChooserBlock", module_path="cms.blocks")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    author = blocks.CharBlock(label=_("Who said it"), required=False)

    class Meta:
        icon = "openquote"
        template = "cms/blocks/quote.html"


class ProductCardBlock(blocks.StructBlock):
    """A product of the shop inside a story, with its live price, stock and an add-to-basket button."""

    product = ProductChooserBlock(label=_("Product"))
    note = blocks.CharBlock(
        label=_("Note"),
        required=False,
        max_length=200,
        help_text=_("A line from you under the card, e.g. how she makes it."),
    )

    class Meta:
        icon = "tag"
        label = _("Product card")
        template = "cms/blocks/product_card.html"

    def get_context(self, value, parent_context=None):
        """The product as the page loaded it for all its cards at once (see StoryPage.get_context)."""
        context = super().get_context(value, parent_context)
        chosen = value.get("product")
        cards = (parent_context or {}).get("card_products", {})
        context["product"] = cards.get(chosen.pk) if chosen else None
        return context


class StoryBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(label=_("Heading"), form_classname="title", template="cms/blocks/heading.html")
    paragraph = blocks.RichTextBlock(label=_("Paragraph"), features=["bold", "italic", "link", "ol", "ul"])
    image = ImageBlock(label=_("Image"), template="cms/blocks/image.html")
    quote = QuoteBlock(label=_("Quote"))
    product = ProductCardBlock()
    video = EmbedBlock(label=_("Video"), template="cms/blocks/video.html")
