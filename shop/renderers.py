"""Django's form renderer, with a plain <input> and a <select> written in Python.

Each input of a form costs Django two templates (the widget's, then input.html and attrs.html), and a select one
template per option: the basket's three lines drew 33 inputs that way, a fifth of its page's rendering, and a
listing's filters 35 communes' options, a quarter of the catalogue's, and its star rating's radio buttons three
templates each. The markup is Django's own (tests/unit/shop/test_renderers.py compares them); every other widget
keeps its template.
"""

from django.forms.renderers import DjangoTemplates
from django.utils.html import format_html
from django.utils.safestring import mark_safe

# Django's templates that are its input.html and nothing else.
PLAIN_INPUTS = {
    f"django/forms/widgets/{name}.html"
    for name in (
        "input", "text", "number", "email", "url", "password", "hidden", "tel", "search", "checkbox",
        "date", "datetime", "time", "color",
    )
}  # fmt: skip


# A radio button or a check box of a list of choices: input_option.html, the plain input in its label or alone.
OPTION_INPUTS = {"django/forms/widgets/radio_option.html", "django/forms/widgets/checkbox_option.html"}

SELECT = "django/forms/widgets/select.html"
SELECT_OPTION = "django/forms/widgets/select_option.html"


class FormRenderer(DjangoTemplates):
    def render(self, template_name, context, request=None):
        if template_name in PLAIN_INPUTS:
            return plain_input(context["widget"])
        if template_name in OPTION_INPUTS:
            return option_input(context["widget"])
        if template_name == SELECT and all(
            option["template_name"] == SELECT_OPTION
            for _group, options, _index in context["widget"]["optgroups"]
            for option in options
        ):
            return plain_select(context["widget"])
        return super().render(template_name, context, request)


def plain_input(widget):
    """What django/forms/widgets/input.html makes of a widget's context."""
    value = format_html(' value="{}"', str(widget["value"])) if widget["value"] is not None else ""
    attrs = attributes(widget["attrs"])
    return format_html('<input type="{}" name="{}"{}{}>', widget["type"], widget["name"], value, attrs)


def option_input(widget):
    """What django/forms/widgets/input_option.html makes of one choice's context: its input, in its label if wrapped."""
    tag = plain_input(widget)
    if not widget.get("wrap_label"):
        return tag
    target = format_html(' for="{}"', widget["attrs"]["id"]) if widget["attrs"].get("id") else ""
    return format_html("<label{}>{} {}</label>", target, tag, widget["label"])


def plain_select(widget):
    """What django/forms/widgets/select.html makes of a widget's context, its options drawn by select_option.html."""
    groups = []
    for group_name, options, _index in widget["optgroups"]:
        rendered = mark_safe(
            "".join(
                format_html(
                    '<option value="{}"{}>{}</option>',
                    str(option["value"]),
                    attributes(option["attrs"]),
                    option["label"],
                )
                for option in options
            )
        )
        if group_name:
            rendered = format_html('<optgroup label="{}">{}</optgroup>', group_name, rendered)
        groups.append(rendered)
    return format_html(
        '<select name="{}"{}>{}</select>', widget["name"], attributes(widget["attrs"]), mark_safe("".join(groups))
    )


def attributes(attrs):
    """What django/forms/widgets/attrs.html makes of them, in their order (Django's flatatt sorts them)."""
    return mark_safe(
        "".join(
            format_html(" {}", name) if value is True else format_html(' {}="{}"', name, str(value))
            for name, value in attrs.items()
            if value is not False
        )
    )
