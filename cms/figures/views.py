"""The programme in figures, in Wagtail's admin (/cms/figures/): the page and its workbook.

Reading needs the admin (Wagtail's own check, cms/wagtail_hooks.py) and READ: to see sellers and orders,
which union editors and officers have and a seller's or a buyer's account has not.
"""

from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import tables
from .charts import bar_chart, stacked_bar_chart
from .exports import figures_workbook
from .periods import default_period, parse_period, period_choices
from .programme import programme_figures
from .suppression import HIDDEN, WITHHELD

READ = ("partner.view_partner", "order.view_order")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def may_read(user):
    return user.has_perms(READ)


def chosen_period(request):
    return parse_period(request.GET.get("period")) or default_period()


class FiguresAccessMixin:
    def dispatch(self, request, *args, **kwargs):
        if not may_read(request.user):
            context = {
                "header_title": _("Not allowed"),
                "page_title": _("Not allowed"),
                "message": _("The programme's figures are for the Women's Union's editors and officers."),
            }
            return TemplateResponse(request, "cms/figures/refused.html", context, status=403)
        return super().dispatch(request, *args, **kwargs)


class FiguresView(FiguresAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    """The period's figures: sellers and their groups, the months' sales, charts with their tables."""

    template_name = "cms/figures/figures.html"
    page_title = gettext_lazy("Programme in figures")
    header_icon = "clipboard-list"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        period = chosen_period(self.request)
        figures = programme_figures(period)
        months = tables.month_rows(figures)
        labels = [label for label, _cells in months]
        buckets = figures.buckets
        ethnic, ethnic_total = tables.ethnic_rows(figures)
        charts = {
            "orders": bar_chart(
                labels,
                [
                    (_("Orders"), [bucket.orders for bucket in buckets]),
                    (_("Buyers"), [bucket.buyers for bucket in buckets]),
                    (_("Repeat buyers"), [bucket.repeat_buyers for bucket in buckets]),
                ],
            ),
            "money": bar_chart(
                labels,
                [
                    (_("Goods sold"), [bucket.gmv for bucket in buckets]),
                    (_("Sellers earned"), [bucket.earnings for bucket in buckets]),
                ],
                money=True,
            ),
            "parcels": stacked_bar_chart(
                labels,
                [
                    (_("On time"), [bucket.on_time for bucket in buckets]),
                    (_("Late"), [bucket.late for bucket in buckets]),
                ],
            ),
        }
        return super().get_context_data(
            period=period,
            period_choices=period_choices(),
            figures=figures,
            charts=charts,
            seller_columns=tables.SELLER_COLUMNS,
            ethnic_columns=tables.ETHNIC_COLUMNS,
            month_columns=tables.MONTH_COLUMNS,
            by_kind=tables.seller_rows(figures.by_kind),
            by_stars=[(tables.star_label(stars), cells) for stars, cells in tables.seller_rows(figures.by_stars)],
            by_commune=[(tables.commune_label(name), cells) for name, cells in tables.seller_rows(figures.by_commune)],
            total=tables.seller_rows([("", figures.total)])[0][1],
            ethnic=ethnic,
            markers=(HIDDEN, WITHHELD),
            ethnic_total=ethnic_total,
            months=months,
            month_total=tables.month_total(figures),
            export_url=f"{reverse('figures:export')}?period={period.key}",
            **kwargs,
        )


class FiguresExportView(FiguresAccessMixin, View):
    """The same figures as a workbook for the Union's reports to the province."""

    def get(self, request):
        period = chosen_period(request)
        response = HttpResponse(figures_workbook(programme_figures(period)), content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="so-lieu-chuong-trinh-{period.key}.xlsx"'
        return response
