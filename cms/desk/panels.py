"""The panels of the staff's home: one per pile of work (cms/desk/work.py), each with its count, its
oldest items and a link to the whole list, shown to those who may open that list.

Wagtail's home draws them through its Component API (the construct_homepage_panels hook), and the
counts also head the page in Wagtail's site summary, each leading down to its panel.
"""

from dataclasses import dataclass

from django.forms import Media
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext_lazy
from oscar.templatetags.currency_filters import currency
from wagtail.admin.auth import user_has_any_page_permission
from wagtail.admin.site_summary import SummaryItem
from wagtail.admin.ui.components import Component

from orders.status import OrderStatus
from payments.methods import VIETQR

from . import work

STYLESHEET = "cms/css/home.css"


@dataclass(frozen=True)
class Row:
    """One item of a panel: what it is, where to deal with it, and a line about it."""

    title: str
    url: str
    detail: str = ""


def day(value):
    """A date or a moment as the Union writes a day: 03/12/2026, in Cao Bằng's time."""
    if hasattr(value, "tzinfo"):
        value = timezone.localtime(value)
    return date_format(value, "d/m/Y")


def person(user):
    return (user.get_full_name() or user.get_username()) if user else ""


class WorkPanel(Component):
    """A pile of work on the home: its heading and count, its oldest items, and a link to all of them."""

    template_name = "cms/home/panel.html"
    name = ""  # the pile's attribute on Desk, and the panel's id
    icon = "list-ul"
    heading = ""
    empty = ""  # what the panel says when nothing waits
    counted = None  # ngettext_lazy(singular, plural, "count"): its count in words
    all_label = gettext_lazy("See all")

    def __init__(self, desk):
        self.desk = desk
        self.user = desk.user

    @property
    def media(self):
        return Media(css={"all": [STYLESHEET]})

    @property
    def anchor(self):
        return f"desk-{self.name}"

    @cached_property
    def pile(self):
        return getattr(self.desk, self.name)

    def is_shown(self):
        raise NotImplementedError

    def all_url(self):
        """The whole list, where the user may open it ('' leaves the link out)."""
        return ""

    def note(self):
        """A word under the items for a user who cannot deal with them here ('' for none)."""
        return ""

    def rows(self):
        raise NotImplementedError

    def count_label(self):
        """ "3 applications waiting": the count in words, for the summary at the head of the home."""
        return self.counted % {"count": self.pile.count}

    def get_context_data(self, parent_context=None):
        return {"panel": self, "pile": self.pile, "rows": self.rows(), "all_url": self.all_url()}


class ApplicationsPanel(WorkPanel):
    name = "applications"
    icon = "user"
    heading = gettext_lazy("Applications to sell")
    empty = gettext_lazy("No application is waiting.")
    counted = ngettext_lazy("%(count)s application waiting", "%(count)s applications waiting", "count")
    all_label = gettext_lazy("Decide on the applications")

    def is_shown(self):
        return self.user.has_perm("partner.view_partner")

    def may_decide(self):
        return self.user.has_perm("partner.change_partner")

    def all_url(self):
        return reverse("sellers:applications") if self.may_decide() else ""

    def note(self):
        return "" if self.may_decide() else _("A Union editor decides on them.")

    def rows(self):
        url = self.all_url()
        return [
            Row(
                title=seller.name,
                url=f"{url}#application-{seller.pk}" if url else "",
                detail=" · ".join(
                    part
                    for part in (
                        seller.owner_name,
                        seller.commune or "",
                        _("registered by %(name)s") % {"name": person(seller.registered_by)}
                        if seller.registered_by
                        else "",
                    )
                    if part
                ),
            )
            for seller in self.pile.oldest
        ]


class StoriesPanel(WorkPanel):
    name = "stories"
    icon = "doc-full"
    heading = gettext_lazy("Stories awaiting approval")
    empty = gettext_lazy("No story or page is waiting for approval.")
    counted = ngettext_lazy("%(count)s story awaiting approval", "%(count)s stories awaiting approval", "count")

    def is_shown(self):
        return user_has_any_page_permission(self.user)

    def all_url(self):
        return reverse("wagtailadmin_reports:workflow") + "?" + urlencode({"status": "in_progress"})

    def rows(self):
        return [
            Row(
                title=state.title or _("(a page since deleted)"),
                url=reverse("wagtailadmin_pages:edit", args=[state.object_id]),
                detail=_("sent by %(name)s on %(day)s")
                % {"name": person(state.requested_by), "day": day(state.created_at)},
            )
            for state in self.pile.oldest
        ]


class ReviewsPanel(WorkPanel):
    name = "reviews"
    icon = "comment"
    heading = gettext_lazy("Reviews awaiting moderation")
    empty = gettext_lazy("No review is waiting for moderation.")
    counted = ngettext_lazy("%(count)s review to read", "%(count)s reviews to read", "count")

    def is_shown(self):
        return self.user.has_perm("reviews.view_productreview")

    def all_url(self):
        status = work.ProductReview.FOR_MODERATION
        return reverse("dashboard:reviews-list") + "?" + urlencode({"status": status})

    def rows(self):
        return [
            Row(
                title=review.product.get_title() if review.product else review.title,
                url=reverse("dashboard:reviews-update", args=[review.pk]),
                detail=f"{'★' * (review.score or 0)} “{review.title}” · {day(review.date_created)}",
            )
            for review in self.pile.oldest
        ]


class TransfersPanel(WorkPanel):
    name = "transfers"
    icon = "clipboard-list"
    heading = gettext_lazy("Bank transfers to look for")
    empty = gettext_lazy("No order is waiting for its bank transfer.")
    counted = ngettext_lazy(
        "%(count)s VietQR order awaiting “transfer received”",
        "%(count)s VietQR orders awaiting “transfer received”",
        "count",
    )

    def is_shown(self):
        return self.user.has_perm("order.view_order")

    def all_url(self):
        query = {"status": OrderStatus.PENDING_PAYMENT, "payment_method": VIETQR}
        return reverse("dashboard:order-list") + "?" + urlencode(query)

    def rows(self):
        return [
            Row(
                title=_("Order #%(number)s") % {"number": order.number},
                url=reverse("dashboard:order-detail", kwargs={"number": order.number}),
                detail=f"{currency(order.total_incl_tax, order.currency)} · {day(order.date_placed)}",
            )
            for order in self.pile.oldest
        ]


class CertificatesPanel(WorkPanel):
    name = "certificates"
    icon = "time"
    heading = gettext_lazy("OCOP certificates running out")
    empty = gettext_lazy("No OCOP certificate runs out in the next 60 days.")
    counted = ngettext_lazy(
        "%(count)s product's certificate runs out within 60 days",
        "%(count)s products' certificates run out within 60 days",
        "count",
    )

    def is_shown(self):
        return self.user.has_perm("catalogue.view_product")

    def all_url(self):
        return reverse("desk:certificates")

    def rows(self):
        return [
            Row(
                title=product.get_title(),
                url=reverse("dashboard:catalogue-product", kwargs={"pk": product.pk}),
                detail=" · ".join(
                    part
                    for part in (
                        product.seller.name if product.seller else "",
                        _("valid until %(day)s") % {"day": day(product.ocop_expires_on)},
                    )
                    if part
                ),
            )
            for product in self.pile.oldest
        ]


PANELS = [ApplicationsPanel, StoriesPanel, ReviewsPanel, TransfersPanel, CertificatesPanel]


class Desk:
    """The piles of work of one request's user; each pile is counted once, when a panel first asks."""

    def __init__(self, user):
        self.user = user

    @cached_property
    def applications(self):
        return work.pile_of(work.waiting_applications())

    @cached_property
    def stories(self):
        return work.pile_of(work.pages_awaiting_approval())

    @cached_property
    def reviews(self):
        return work.pile_of(work.reviews_to_moderate())

    @cached_property
    def transfers(self):
        return work.pile_of(work.transfers_to_record())

    @cached_property
    def certificates(self):
        return work.pile_of(work.certificates_expiring())

    @cached_property
    def panels(self):
        """The panels this user may see, in the order of PANELS."""
        return [panel for panel in (cls(self) for cls in PANELS) if panel.is_shown()]


def desk_of(request):
    """The request's Desk, made once: the panels and the site summary share its counts."""
    if not hasattr(request, "union_desk"):
        request.union_desk = Desk(request.user)
    return request.union_desk


class CountSummaryItem(SummaryItem):
    """A count at the head of the home (Wagtail's site summary), leading down to its panel."""

    template_name = "cms/home/summary_item.html"

    def __init__(self, request, panel):
        super().__init__(request)
        self.panel = panel
        self.order = PANELS.index(type(panel))

    def get_context_data(self, parent_context=None):
        return {"panel": self.panel, "count": self.panel.pile.count}
