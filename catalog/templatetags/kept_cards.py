from django import template

from catalog.cards import kept_card

register = template.Library()


@register.tag("kept_card")
def do_kept_card(parser, token):
    """`{% kept_card product option… %}…{% endkept_card %}`: the card between, kept drawn (catalog/cards.py).

    Everything the card's markup depends on besides the product must be among the options.
    """
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("kept_card needs the product")
    nodelist = parser.parse(("endkept_card",))
    parser.delete_first_token()
    return KeptCardNode(nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(bit) for bit in bits[2:]])


class KeptCardNode(template.Node):
    def __init__(self, nodelist, product, options):
        self.nodelist, self.product, self.options = nodelist, product, options

    def render(self, context):
        product = self.product.resolve(context)
        options = tuple(str(option.resolve(context)) for option in self.options)
        return kept_card(context.get("request"), product, options, lambda: self.nodelist.render(context))
