"""The Union's screens about sellers' money, in Wagtail's admin: payout runs paid by scanning VietQR codes,
each seller's ledger and its corrections, and the month's tax withheld under Decree 117/2025/NĐ-CP.

Reading needs the admin and ledger.view_payoutrun (officers and editors); every POST needs
ledger.pay_sellers (editors). The work is the ledger's (ledger/payouts.py); these views ask and show.
"""


from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Case, Count, IntegerField, Q, Sum, Value, When
from django.db.models.functions import Coalesce
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from oscar.core.loading import get_model
from oscar.templatetags.currency_filters import currency
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ledger.balances import balance, described, entries_of, on_the_way, rates
from ledger.exports import payout_run_workbook, withholding_workbook
from ledger.models import CollectedBy, Entry, Payout, PayoutRun, PayoutStatus
from ledger.payouts import correct_balance, mark_payout_paid, open_payout_run, refresh_account
from ledger.reports import monthly_withholding
from orders.refusals import Refused

from .forms import CorrectionForm, MarkPaidForm, MonthForm, PeriodForm
from .qr import payout_transfer

Partner = get_model("partner", "Partner")

READ = "ledger.view_payoutrun"
PAY = "ledger.pay_sellers"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Lines to pay first, then those waiting for her account, then those paid.
STATUS_ORDER = Case(
    When(status=PayoutStatus.WAITING, then=Value(0)),
    When(status=PayoutStatus.NO_ACCOUNT, then=Value(1)),
    default=Value(2),
    output_field=IntegerField(),
)


def xlsx_response(content, filename):
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class MoneyView(WagtailAdminTemplateMixin, TemplateView):
    """A screen of sellers' money: read with READ, sent to (POST) with PAY; anything else is refused with a 403."""

    header_icon = "table"
    section_label = gettext_lazy("Sellers' money")

    def dispatch(self, request, *args, **kwargs):
        needed = READ if request.method in ("GET", "HEAD") else PAY
        if not request.user.has_perm(needed):
            return self.refuse(request, needed)
        return super().dispatch(request, *args, **kwargs)

    def refuse(self, request, needed):
        if needed == PAY and request.user.has_perm(READ):
            message = _("You may read sellers' money but not pay it out or correct it: ask a Union editor.")
        else:
            message = _("Sellers' money is for the Union's staff who look after payouts.")
        context = {
            "header_title": _("Not allowed"),
            "page_title": _("Not allowed"),
            "breadcrumbs_items": self.breadcrumbs_items,
            "message": message,
        }
        return TemplateResponse(request, "cms/payouts/refused.html", context, status=403)

    @cached_property
    def can_pay(self):
        return self.request.user.has_perm(PAY)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": reverse("payouts:runs"), "label": self.section_label}]

    def get_context_data(self, **kwargs):
        return super().get_context_data(can_pay=self.can_pay, **kwargs)


class RunListView(MoneyView):
    """Every payout run, newest first, with what it pays and what is still to pay; the form opening one."""

    template_name = "cms/payouts/runs.html"
    page_title = gettext_lazy("Payout runs")
    per_page = 20

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, form=None, **kwargs):
        runs = (
            PayoutRun.objects.select_related("opened_by")
            .annotate(
                lines=Count("payouts"),
                total=Coalesce(Sum("payouts__amount"), 0),
                paid=Coalesce(Sum("payouts__amount", filter=Q(payouts__status=PayoutStatus.PAID)), 0),
                to_pay=Count("payouts", filter=Q(payouts__status=PayoutStatus.WAITING)),
                no_account=Count("payouts", filter=Q(payouts__status=PayoutStatus.NO_ACCOUNT)),
            )
            .order_by("-opened_at", "-pk")
        )
        page = Paginator(runs, self.per_page).get_page(self.request.GET.get("p"))
        if form is None and self.can_pay:
            form = PeriodForm()
        return super().get_context_data(runs=page, form=form, **kwargs)


class OpenRunView(RunListView):
    """POST: open a run for the period; a refusal shows on the runs page, the dates as she typed them."""

    http_method_names = ["get", "post"]

    def get(self, request, *args, **kwargs):
        return redirect("payouts:runs")

    def post(self, request, *args, **kwargs):
        form = PeriodForm(request.POST)
        if form.is_valid():
            try:
                run = open_payout_run(
                    period_start=form.cleaned_data["period_start"],
                    period_end=form.cleaned_data["period_end"],
                    by=request.user,
                )
            except Refused as refusal:
                form.add_error(None, refusal.message)
            else:
                lines = run.payouts.count()
                if lines:
                    messages.success(
                        request,
                        _("Payout run %(number)s is open: %(count)s sellers to pay.")
                        % {"number": run.number, "count": lines},
                    )
                else:
                    messages.warning(
                        request,
                        _("Payout run %(number)s is open, but no seller had money waiting.") % {"number": run.number},
                    )
                return redirect(run)
        return self.render_to_response(self.get_context_data(form=form))


class RunView(MoneyView):
    """One run: a line per seller with her amount and account, a VietQR code for each line to pay, totals."""

    template_name = "cms/payouts/run.html"

    @cached_property
    def run(self):
        return get_object_or_404(PayoutRun.objects.select_related("opened_by"), pk=self.kwargs["pk"])

    def get_page_title(self):
        return _("Payout run %(number)s") % {"number": self.run.number}

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.run.number}]

    def get_context_data(self, **kwargs):
        payouts = list(
            self.run.payouts.select_related("seller", "paid_by").order_by(STATUS_ORDER, "seller__name", "pk")
        )
        for payout in payouts:
            if payout.status == PayoutStatus.WAITING:
                title = _("VietQR: %(amount)s to %(holder)s") % {
                    "amount": currency(payout.amount),
                    "holder": payout.account_holder,
                }
                payout.transfer = payout_transfer(payout, title=title)
                payout.form = MarkPaidForm(auto_id=f"id_%s_{payout.pk}")
        totals = dict.fromkeys(["all", *PayoutStatus.values], 0)
        counts = dict(totals)
        for payout in payouts:
            for key in ("all", payout.status):
                totals[key] += payout.amount
                counts[key] += 1
        return super().get_context_data(
            run=self.run,
            payouts=payouts,
            totals={"amount": totals, "count": counts},
            Status=PayoutStatus,
            **kwargs,
        )


class RunExportView(RunView):
    """The run as a spreadsheet, for the bank or the accountant."""

    def get(self, request, *args, **kwargs):
        payouts = list(self.run.payouts.select_related("seller").order_by("seller__name", "pk"))
        filename = f"{self.run.number}_{self.run.period_start:%Y-%m-%d}_{self.run.period_end:%Y-%m-%d}.xlsx"
        return xlsx_response(payout_run_workbook(self.run, payouts), filename)


class PayoutActionView(MoneyView):
    """A POST about one payout of a run; back to its line on the run's page, with what happened."""

    http_method_names = ["get", "post"]

    @cached_property
    def payout(self):
        return get_object_or_404(Payout.objects.select_related("run", "seller"), pk=self.kwargs["pk"])

    def back(self):
        return redirect(f"{self.payout.run.get_absolute_url()}#payout-{self.payout.pk}")

    def get(self, request, *args, **kwargs):
        return self.back()


class MarkPaidView(PayoutActionView):
    """The treasurer has paid her by scanning the code: the payout is marked paid, once, however often sent."""

    def post(self, request, *args, **kwargs):
        payout = self.payout
        form = MarkPaidForm(request.POST)
        if not form.is_valid():
            messages.error(
                request,
                _("Write the bank's reference of the transfer to %(seller)s.") % {"seller": payout.seller.name},
            )
            return self.back()
        try:
            payout, paid_now = mark_payout_paid(
                payout, bank_reference=form.cleaned_data["bank_reference"], by=request.user
            )
        except Refused as refusal:
            messages.error(request, f"{payout.number} · {payout.seller.name}: {refusal.message}")
            return self.back()
        if paid_now:
            messages.success(
                request,
                _("%(number)s marked paid: %(amount)s to %(seller)s.")
                % {"number": payout.number, "amount": currency(payout.amount), "seller": payout.seller.name},
            )
        else:
            messages.warning(
                request,
                _("%(number)s was already marked paid (bank's reference %(reference)s).")
                % {"number": payout.number, "reference": payout.bank_reference},
            )
        return self.back()


class RefreshAccountView(PayoutActionView):
    """A line waiting for her account takes the one she has added since."""

    def post(self, request, *args, **kwargs):
        payout = self.payout
        if refresh_account(payout):
            messages.success(
                request,
                _("%(seller)s's bank account is on the line now: pay it by its VietQR code.")
                % {"seller": payout.seller.name},
            )
        else:
            messages.warning(
                request,
                _("%(seller)s has not added a bank account yet; her money waits.") % {"seller": payout.seller.name},
            )
        return self.back()


class BalanceListView(MoneyView):
    """Every seller with a ledger, what the marketplace owes her now, and a way to her ledger."""

    template_name = "cms/payouts/balances.html"
    page_title = gettext_lazy("Sellers' balances")
    per_page = 50

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        owed = Q(ledger_entries__collected_by=CollectedBy.MARKETPLACE)
        sellers = (
            Partner.objects.annotate(
                entries=Count("ledger_entries"), balance=Coalesce(Sum("ledger_entries__amount", filter=owed), 0)
            )
            .filter(entries__gt=0)
            .order_by("name", "pk")
        )
        page = Paginator(sellers, self.per_page).get_page(self.request.GET.get("p"))
        total = Entry.objects.owed().total()
        return super().get_context_data(sellers=page, total=total, **kwargs)


class SellerLedgerView(MoneyView):
    """One seller's ledger as staff read it: balance, what is on its way, each entry; the correction form."""

    template_name = "cms/payouts/seller.html"
    per_page = 50

    @cached_property
    def seller(self):
        return get_object_or_404(Partner, pk=self.kwargs["pk"])

    def get_page_title(self):
        return self.seller.name

    def get_breadcrumbs_items(self):
        return [
            *super().get_breadcrumbs_items(),
            {"url": reverse("payouts:balances"), "label": BalanceListView.page_title},
            {"url": "", "label": self.seller.name},
        ]

    def get_context_data(self, form=None, **kwargs):
        seller = self.seller
        entries = entries_of(seller).select_related("created_by", "payout")
        page = Paginator(entries, self.per_page).get_page(self.request.GET.get("p"))
        page.object_list = described(page.object_list)
        payouts = seller.payouts.select_related("run").order_by("-run__opened_at", "-pk")[:12]
        if form is None and self.can_pay:
            form = CorrectionForm()
        return super().get_context_data(
            seller=seller,
            balance=balance(seller),
            on_the_way=on_the_way(seller),
            rates=rates(),
            entries=page,
            payouts=payouts,
            form=form,
            **kwargs,
        )


class CorrectionView(SellerLedgerView):
    """POST: staff correct her balance with a new entry and its reason; a refusal shows with what she typed."""

    http_method_names = ["get", "post"]

    def get(self, request, *args, **kwargs):
        return redirect("payouts:seller", pk=self.seller.pk)

    def post(self, request, *args, **kwargs):
        form = CorrectionForm(request.POST)
        if form.is_valid():
            try:
                entry = correct_balance(
                    self.seller, amount=form.cleaned_data["amount"], reason=form.cleaned_data["reason"], by=request.user
                )
            except Refused as refusal:
                form.add_error(None, refusal.message)
            else:
                messages.success(
                    request,
                    _("Correction of %(amount)s written to %(seller)s's ledger.")
                    % {"amount": currency(entry.amount), "seller": self.seller.name},
                )
                return redirect("payouts:seller", pk=self.seller.pk)
        return self.render_to_response(self.get_context_data(form=form))


class WithholdingView(MoneyView):
    """The month's tax withheld from household sellers, per seller and in total, as the Union declares it."""

    template_name = "cms/payouts/withholding.html"
    page_title = gettext_lazy("Tax withheld")
    header_icon = "calendar-check"

    @cached_property
    def month_form(self):
        return MonthForm(self.request.GET)

    @cached_property
    def report(self):
        year, month = self.month_form.year_and_month()
        return monthly_withholding(year, month)

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        report = self.report
        return super().get_context_data(
            month_form=self.month_form,
            report=report,
            rates=rates(),
            parcels=report.parcels,
            missing_tax_codes=[row.seller.name for row in report.rows if not row.seller.tax_code],
            deadline=report.deadline,
            month_value=f"{report.year:04d}-{report.month:02d}",
            export_url=reverse("payouts:withholding-export") + f"?month={report.year:04d}-{report.month:02d}",
            **kwargs,
        )


class WithholdingExportView(WithholdingView):
    def get(self, request, *args, **kwargs):
        report = self.report
        filename = f"thue-khau-tru_{report.year:04d}-{report.month:02d}.xlsx"
        return xlsx_response(withholding_workbook(report, rates()), filename)
