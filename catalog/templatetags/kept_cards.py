import re

from django import template

from catalog.cards import kept_card
from vietnam.showing import kept

register = template.Library()


@register.tag("kept_card")
def do_kept_card(parser, token):
    """`{% kept_card product option… %}…{% endkept_card %}`: the card between, kept drawn (catalog/cards.py).

    Everything the card's markup depends on besides the product must be among the options. `product` names a
    variable: a listing's `Listed` product is drawn with the product it reads under that name.
    """
    bits = token.split_contents()
    if len(bits) < 2 or not re.fullmatch(r"\w+", bits[1]):
        raise template.TemplateSyntaxError("kept_card needs the product's variable")
    nodelist = parser.parse(("endkept_card",))
    parser.delete_first_token()
    return KeptCardNode(nodelist, bits[1], [parser.compile_filter(bit) for bit in bits[2:]])


class KeptCardNode(template.Node):
    def __init__(self, nodelist, name, options):
        self.nodelist, self.name, self.options = nodelist, name, options

    def render(self, context):
        options = tuple(str(option.resolve(context)) for option in self.options)

        def draw(product):
            with context.push({self.name: product}):
                return self.nodelist.render(context)

        return kept_card(context.get("request"), context.get(self.name), options, draw)


@register.tag("kept_part")
def do_kept_part(parser, token):
    """`{% kept_part "name" key… %}…{% endkept_part %}`: a part of a page the same for every visitor, kept drawn.

    What it shows must depend only on its keys, the language, the day and what the storefront shows (catalog/cards.py);
    querysets it reads are then not read at all while it is kept.
    """
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("kept_part needs a name")
    nodelist = parser.parse(("endkept_part",))
    parser.delete_first_token()
    return KeptPartNode(nodelist, [parser.compile_filter(bit) for bit in bits[1:]])


class KeptPartNode(template.Node):
    def __init__(self, nodelist, keys):
        self.nodelist, self.keys = nodelist, keys

    def render(self, context):
        parts = tuple(str(key.resolve(context)) for key in self.keys)
        return kept(context.get("request"), ("part", *parts), lambda: self.nodelist.render(context))
