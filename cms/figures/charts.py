"""The figures' charts, drawn on the server as SVG with pygal, to put inline in the page.

No script and no font from anywhere: pygal is told to link no JavaScript (js=[]), and the small inline
script it still writes (its tooltips' settings, for that JavaScript) is taken out; the text uses the
fonts the admin already has. The SVG has a viewBox and no size, so it shrinks to a phone's width; the
table beside each chart carries the same figures for a screen reader, so the chart is hidden from it.
"""

import math
import re

import pygal
from django.utils.formats import number_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from pygal.style import Style

SCRIPT = re.compile(r"<script\b.*?</script>", re.DOTALL)
STYLE = Style(
    background="transparent",
    plot_background="transparent",
    font_family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
    foreground="#262626",
    foreground_strong="#262626",
    foreground_subtle="#d9d9d9",
    colors=("#007d7e", "#e9b04d", "#5c2c8b", "#cd4444"),
    label_font_size=15,
    major_label_font_size=15,
    legend_font_size=16,
    value_font_size=14,
    tooltip_font_size=14,
)


def whole_steps(series):
    """Labels of a count's axis in whole numbers (pygal would write 0.8 parcels): about five steps."""
    top = max((value for _title, values in series for value in values), default=0)
    step = max(1, math.ceil(top / 5))
    return list(range(0, top + step, step))


def _chart(kind, labels, series, formatter=None, **options):
    chart = kind(
        js=[],
        style=STYLE,
        width=480,
        height=340,
        disable_xml_declaration=True,
        legend_at_bottom=True,
        legend_at_bottom_columns=2,  # three would not fit a phone's width
        show_y_guides=True,
        x_label_rotation=-45 if len(labels) > 6 else 0,
        truncate_label=-1,
        truncate_legend=-1,
        print_values=False,
        min_scale=2,
        max_scale=6,
        margin=12,
        # pygal leaves room for one row of legend; a second row (three series) needs its own.
        margin_bottom=12 + 24 * (math.ceil(len(series) / 2) - 1),
        **options,
    )
    if formatter:
        chart.value_formatter = formatter
    chart.x_labels = labels
    for title, values in series:
        chart.add(title, values)
    svg = SCRIPT.sub("", chart.render(is_unicode=True))
    svg = svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1)
    return mark_safe(svg)  # pygal's own markup, with our labels escaped by it


def millions(value):
    """An axis's đồng in millions: "1.5 M", and in Vietnamese "1,5 tr"."""
    amount = number_format(value / 1_000_000, decimal_pos=1, use_l10n=True)
    return _("%(amount)s M") % {"amount": amount}


def bar_chart(labels, series, money=False):
    if money:
        return _chart(pygal.Bar, labels, series, formatter=millions)
    return _chart(pygal.Bar, labels, series, y_labels=whole_steps(series))


def stacked_bar_chart(labels, series):
    totals = [("", [sum(values) for values in zip(*(values for _title, values in series), strict=True)])]
    return _chart(pygal.StackedBar, labels, series, y_labels=whole_steps(totals))
