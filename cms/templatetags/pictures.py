"""Wagtail's {% picture %} tag, with each width once in a srcset.

Asked for width-{480,800,1200} of a photo 700 px wide, Wagtail makes renditions of 480, 700 and 700 px and
lists both of the last in the srcset, which HTML forbids (two candidates of one width: the browser may take
either) and axe reports. Load this library after wagtailimages_tags, or instead of it, to replace the tag.
"""

from django import template
from wagtail.images.models import Picture
from wagtail.images.shortcuts import get_renditions_or_not_found
from wagtail.images.templatetags.wagtailimages_tags import PictureNode, image

register = template.Library()


class DistinctWidthsPicture(Picture):
    """Wagtail's Picture; a srcset lists the first rendition of each width only."""

    @classmethod
    def get_width_srcset(cls, renditions_list):
        distinct = {}
        for rendition in renditions_list:
            distinct.setdefault(rendition.width, rendition)
        return super().get_width_srcset(list(distinct.values()))


class DistinctWidthsPictureNode(PictureNode):
    """Wagtail's PictureNode, rendering a DistinctWidthsPicture."""

    def render(self, context):
        image = self.validate_image(context)
        if not image:
            return ""
        renditions = get_renditions_or_not_found(image, self.get_filters())
        if self.output_var_name:
            context[self.output_var_name] = DistinctWidthsPicture(renditions)
            return ""
        attrs = {key: value.resolve(context) for key, value in self.attrs.items()}
        return DistinctWidthsPicture(renditions, attrs).__html__()


@register.tag("picture")
def picture(parser, token):
    """{% picture image format-{…} width-{…} sizes="…" %}, as Wagtail's, with distinct widths in its srcsets."""
    node = image(parser, token)
    return DistinctWidthsPictureNode(
        node.image_expr, node.filter_specs, attrs=node.attrs, output_var_name=node.output_var_name
    )
