"""My log ("Nhật ký"): what the Union's staff changed in her shop, each change a sentence in her words.

"Cán bộ Hội Nguyễn Thị Lan đã đổi giá Miến dong 500g: 60.000 ₫ → 65.000 ₫, 14:05 ngày 3/12".
The entries are sellers.audit's; what each is about (the product's title, the order's number) was
written with it, so a page of the log costs the same two queries (count, page) for 3 entries or 3000.
"""

from decimal import Decimal, InvalidOperation

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import ListView
from oscar.core.loading import get_model
from oscar.templatetags.currency_filters import currency

from orders.status import LineStatus
from vietnam.phones import format_phone

from .access import SellerPortalMixin
from .paging import NearestPageMixin

SellerLogEntry = get_model("partner", "SellerLogEntry")

ENTRIES_PER_PAGE = 30
PHONES = ("phone", "zalo")  # as she dials them: 0912 345 601
LONGEST_VALUE = 60  # longer values (a story, a description) are named, not quoted
CREATE, UPDATE, DELETE = SellerLogEntry.Action.CREATE, SellerLogEntry.Action.UPDATE, SellerLogEntry.Action.DELETE


class LogView(SellerPortalMixin, NearestPageMixin, ListView):
    """Her log, newest first, a page at a time."""

    template_name = "sellers/portal/log.html"
    context_object_name = "entries"
    paginate_by = ENTRIES_PER_PAGE


    def get_queryset(self):
        return (
            SellerLogEntry.objects.filter(seller=self.seller)
            .select_related("actor", "content_type")
            .order_by("-timestamp", "-pk")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["entries"] = [Line(entry) for entry in context["entries"]]
        return context


class Line:
    """One entry of her log as she reads it: a sentence, and whether it was done on her behalf."""

    def __init__(self, entry):
        self.entry = entry
        self.on_behalf = entry.on_behalf
        self.sentence = _("%(who)s %(what)s, %(when)s") % {
            "who": who(entry.actor),
            "what": "; ".join(what_changed(entry)),
            "when": when(entry.timestamp),
        }


def who(actor):
    if actor is None:
        return _("The marketplace")
    name = actor.get_full_name()
    return _("Union officer %(name)s") % {"name": name} if name else _("A Union officer")


def when(moment):
    """14:05 ngày 3/12 in Cao Bằng's time, with the year when it is not this year's."""
    moment = timezone.localtime(moment)
    same_year = moment.year == timezone.localdate().year
    day = f"{moment.day}/{moment.month}" if same_year else f"{moment.day}/{moment.month}/{moment.year}"
    return _("%(time)s on %(day)s") % {"time": moment.strftime("%H:%M"), "day": day}


def what_changed(entry):
    """What the entry did, as one or more clauses after its actor's name."""
    model = entry.content_type.model_class()
    label = model._meta.label if model else ""
    about = entry.additional_data or {}
    subject = {
        "product": about.get("product", entry.object_repr),
        "order": about.get("order", ""),
        "thing": entry.object_repr,
    }
    if entry.action == CREATE:
        return [CREATED.get(label, _("added %(thing)s")) % {**subject, **created_values(entry)}]
    if entry.action == DELETE:
        return [DELETED.get(label, _("deleted %(thing)s")) % subject]
    changes = sorted(entry.changes_dict.items(), key=lambda change: field_order(model, change[0]))
    clauses = [changed(model, label, name, old, new, subject) for name, (old, new) in changes]
    return clauses or [_("changed %(thing)s") % subject]


CREATED = {
    "partner.Partner": gettext_lazy("registered your shop"),
    "catalogue.Product": gettext_lazy("added the product %(product)s"),
    "catalogue.ProductImage": gettext_lazy("added a photo to %(product)s"),
    "partner.StockRecord": gettext_lazy("put %(product)s on sale at %(price)s, %(stock)s in stock"),
}
DELETED = {
    "catalogue.Product": gettext_lazy("deleted the product %(product)s"),
    "catalogue.ProductImage": gettext_lazy("deleted a photo of %(product)s"),
    "partner.StockRecord": gettext_lazy("took the price and stock of %(product)s away"),
}


def created_values(entry):
    changes = entry.changes_dict
    return {
        "price": money(changes.get("price", [None, ""])[1]),
        "stock": changes.get("num_in_stock", [None, "0"])[1],
    }


def changed(model, label, name, old, new, subject):
    """One field's change, in the words for that field where it has some."""
    if label == "partner.StockRecord" and name == "price":
        return _("changed the price of %(product)s: %(old)s → %(new)s") % {
            **subject, "old": money(old), "new": money(new)
        }
    if label == "partner.StockRecord" and name == "num_in_stock":
        return _("changed the stock of %(product)s: %(old)s → %(new)s") % {**subject, "old": old, "new": new}
    if label == "catalogue.Product" and name == "is_public":
        return (_("put %(product)s on sale") if new == "True" else _("hid %(product)s from buyers")) % subject
    if label == "catalogue.Product" and name == "title":
        return _("renamed %(old)s to %(new)s") % {"old": old, "new": new}
    if label == "order.Shipment" and name == "status":
        return _("moved order %(order)s to “%(status)s”") % {**subject, "status": shown(model, name, new)}
    if label == "order.Line" and name == "status":
        status = LineStatus(new).label if new in LineStatus.values else new  # Oscar's free text, or ours
        return _("marked %(product)s of order %(order)s “%(status)s”") % {**subject, "status": status}
    field = field_name(model, name)
    if label == "partner.Partner":
        in_words = {"field": field}
        if quotable(model, name):
            return _("changed %(field)s of your shop: %(old)s → %(new)s") % {
                **in_words, "old": shown(model, name, old), "new": shown(model, name, new)
            }
        return _("changed %(field)s of your shop") % in_words
    if label == "order.Shipment" or label == "order.Line":
        if quotable(model, name):
            return _("changed %(field)s of order %(order)s: %(old)s → %(new)s") % {
                **subject, "field": field, "old": shown(model, name, old), "new": shown(model, name, new)
            }
        return _("changed %(field)s of order %(order)s") % {**subject, "field": field}
    if quotable(model, name):
        return _("changed %(field)s of %(product)s: %(old)s → %(new)s") % {
            **subject, "field": field, "old": shown(model, name, old), "new": shown(model, name, new)
        }
    return _("changed %(field)s of %(product)s") % {**subject, "field": field}


def field_order(model, name):
    """The field's place in its model, so an entry's status comes before the reason that goes with it."""
    names = [field.name for field in model._meta.fields] if model else []
    return (0 if name == "status" else 1, names.index(name) if name in names else len(names))


def model_field(model, name):
    try:
        return model._meta.get_field(name) if model else None
    except FieldDoesNotExist:  # a field since removed: its name is all there is
        return None


def field_name(model, name):
    """The field's name in a sentence: "trạng thái", not "Trạng thái" (but "OCOP" stays as it is)."""
    field = model_field(model, name)
    text = str(field.verbose_name) if field else name
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def quotable(model, name):
    """Whether its values belong in a sentence: not long texts, files or links to other rows."""
    field = model_field(model, name)
    return field is not None and not isinstance(
        field, (models.TextField, models.FileField, models.ForeignKey, models.JSONField)
    )


def shown(model, name, value):
    """A value as auditlog wrote it ("None", "True", "approved"), as she would read it."""
    field = model_field(model, name)
    if value in (None, "None", ""):
        return _("(empty)")
    if isinstance(field, models.BooleanField):
        return _("switched on") if value == "True" else _("switched off")
    if field is not None and field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.DecimalField):
        return money(value)
    if name in PHONES:
        return format_phone(value) or value
    value = str(value)
    return value if len(value) <= LONGEST_VALUE else value[: LONGEST_VALUE - 1] + "…"


def money(value):
    try:
        return currency(Decimal(value))
    except (InvalidOperation, TypeError):
        return value or _("(empty)")


urlpatterns = [
    path("", LogView.as_view(), name="log"),
]
