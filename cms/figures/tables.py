"""The figures as the page's tables and the workbook's sheets: the same rows, the same small cells hidden."""

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .periods import YEAR
from .suppression import suppress

SELLER_COLUMNS = [
    ("sellers", gettext_lazy("Approved sellers")),
    ("active", gettext_lazy("Active (sold in 90 days)")),
    ("selling", gettext_lazy("Have made a first sale")),
    ("new", gettext_lazy("Approved in the period")),
    ("women", gettext_lazy("Women")),
]
ETHNIC_COLUMNS = [column for column in SELLER_COLUMNS if column[0] in ("sellers", "active", "women")]
MONTH_COLUMNS = [
    ("orders", gettext_lazy("Orders"), False),
    ("gmv", gettext_lazy("Goods sold (₫)"), True),
    ("earnings", gettext_lazy("Sellers earned (₫)"), True),
    ("buyers", gettext_lazy("Buyers"), False),
    ("repeat_buyers", gettext_lazy("Repeat buyers"), False),
    ("delivered", gettext_lazy("Parcels delivered"), False),
    ("on_time", gettext_lazy("On time"), False),
    ("first_sales", gettext_lazy("Sellers' first sales"), False),
]


def bucket_label(bucket, step):
    return str(bucket.day.year) if step == YEAR else date_format(bucket.day, "m/Y")


def seller_rows(groups, columns=SELLER_COLUMNS):
    """(name, [counts]) of each group, in the columns' order."""
    return [(name, [getattr(counts, key) for key, _label in columns]) for name, counts in groups]


def ethnic_rows(figures):
    """The consenting sellers by ethnic group, each column's small cells hidden, and their total row."""
    rows = seller_rows(figures.by_ethnic_group, ETHNIC_COLUMNS)
    columns = [suppress([cells[index] for _name, cells in rows]) for index in range(len(ETHNIC_COLUMNS))]
    shown = [(name, [cells[position] for cells, _total in columns]) for position, (name, _cells) in enumerate(rows)]
    return shown, [total for _cells, total in columns]


def star_label(stars):
    return _("%(stars)d stars") % {"stars": stars} if stars else _("No current OCOP certificate")


def commune_label(name):
    return name or _("No commune given")


def month_rows(figures):
    """(label, [figures]) of each month (or year) of the period."""
    return [
        (bucket_label(bucket, figures.period.step), [getattr(bucket, key) for key, _label, _money in MONTH_COLUMNS])
        for bucket in figures.buckets
    ]


def month_total(figures):
    total = figures.totals
    return [getattr(total, key) for key, _label, _money in MONTH_COLUMNS]
