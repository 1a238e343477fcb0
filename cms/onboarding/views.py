"""Bulk onboarding in Wagtail's admin: download the template, upload it filled in, read the preview, confirm.

Every screen needs partner.add_importbatch (officers and editors). An officer sees and confirms only
the imports she uploaded (they hold the women's phone numbers); editors, who decide the applications,
also have partner.view_importbatch and see every one. The work is sellers/importing.py's.
"""

from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from oscar.core.loading import get_model
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from sellers.importing import (
    XLSX,
    WorkbookError,
    check_workbook,
    confirm_import,
    describe,
    row_label,
    tallies,
    template_workbook,
)

from .forms import UploadForm

ImportBatch = get_model("partner", "ImportBatch")
ImportRow = get_model("partner", "ImportRow")

IMPORT = "partner.add_importbatch"
SEE_ALL = "partner.view_importbatch"
TEMPLATE_NAME = "mau-nhap-nguoi-ban.xlsx"
REFRESH_SECONDS = 2
# Which rows a batch's page lists: its filters, by the query string's `show`.
SHOWN = {
    "problems": [ImportRow.Outcome.FAILED],
    "ready": [ImportRow.Outcome.READY],
    "added": [ImportRow.Outcome.ADDED],
    "existing": [ImportRow.Outcome.EXISTING],
    "all": list(ImportRow.Outcome.values),
}


def batches_for(user):
    """The imports a member of staff may open: all of them for an editor, her own for an officer."""
    batches = ImportBatch.objects.select_related("created_by")
    return batches if user.has_perm(SEE_ALL) else batches.filter(created_by=user)


class OnboardingView(WagtailAdminTemplateMixin, TemplateView):
    """A screen of bulk onboarding: only for staff who may import; anyone else is refused with a 403."""

    header_icon = "upload"
    page_title = gettext_lazy("Import sellers")

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(IMPORT):
            context = {
                "header_title": _("Not allowed"),
                "page_title": _("Not allowed"),
                "breadcrumbs_items": self.breadcrumbs_items,
                "message": _("Importing sellers is for the Union's officers and editors."),
            }
            return TemplateResponse(request, "cms/onboarding/refused.html", context, status=403)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": reverse("onboarding:index"), "label": ImportIndexView.page_title}]


class ImportIndexView(OnboardingView):
    """The template to download, the form to upload it filled in, and the imports made before."""

    template_name = "cms/onboarding/index.html"
    http_method_names = ["get", "post"]
    per_page = 20

    def get_context_data(self, form=None, **kwargs):
        batches = Paginator(batches_for(self.request.user), self.per_page).get_page(self.request.GET.get("p"))
        counts = {}
        if batches:
            rows = ImportRow.objects.filter(batch__in=list(batches)).values_list("batch", "outcome")
            for batch_id, outcome, count in rows.annotate(count=Count("pk")).order_by():
                counts.setdefault(batch_id, dict.fromkeys(ImportRow.Outcome.values, 0))[outcome] = count
        for batch in batches:
            batch.counts = counts.get(batch.pk, dict.fromkeys(ImportRow.Outcome.values, 0))
        return super().get_context_data(
            form=form or UploadForm(), batches=batches, sees_all=self.request.user.has_perm(SEE_ALL), **kwargs
        )

    def post(self, request, *args, **kwargs):
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                batch = check_workbook(form.cleaned_data["file"], by=request.user)
            except WorkbookError as error:
                form.add_error("file", error.message)
            else:
                return redirect(batch)
        return self.render_to_response(self.get_context_data(form=form))


class TemplateDownloadView(OnboardingView):
    def get(self, request, *args, **kwargs):
        response = HttpResponse(template_workbook(), content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="{TEMPLATE_NAME}"'
        return response


class BatchView(OnboardingView):
    """One import: its preview with every row's problems, then its progress, then its report."""

    template_name = "cms/onboarding/batch.html"
    per_page = 100

    @cached_property
    def batch(self):
        return get_object_or_404(batches_for(self.request.user), pk=self.kwargs["pk"])

    def get_page_title(self):
        return self.batch.file_name

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.batch.file_name}]

    def get_context_data(self, **kwargs):
        batch = self.batch
        counts = tallies(batch)
        has_problems = any(tally.failed for tally in counts.values())
        show = self.request.GET.get("show")
        if show not in SHOWN:
            show = "problems" if has_problems else "all"
        rows = batch.rows.filter(outcome__in=SHOWN[show]).select_related("seller", "product")
        page = Paginator(rows, self.per_page).get_page(self.request.GET.get("p"))
        for row in page:
            row.label = row_label(row)
            row.messages = [describe(problem) for problem in row.problems]
        Status = ImportBatch.Status
        working = batch.status in (Status.QUEUED, Status.RUNNING)
        return super().get_context_data(
            batch=batch,
            counts=counts,
            sellers=counts[ImportRow.Sheet.SELLERS],
            products=counts[ImportRow.Sheet.PRODUCTS],
            has_problems=has_problems,
            rows=page,
            show=show,
            filters=self.filters(counts),
            Status=Status,
            Outcome=ImportRow.Outcome,
            Sheet=ImportRow.Sheet,
            working=working,
            refresh_seconds=REFRESH_SECONDS if working else None,
            **kwargs,
        )

    def filters(self, counts):
        def total(outcome):
            return sum(getattr(tally, outcome) for tally in counts.values())

        labels = [
            ("problems", _("With problems"), total("failed")),
            ("ready", _("To add"), total("ready")),
            ("added", _("Added"), total("added")),
            ("existing", _("Already there"), total("existing")),
            ("all", _("Every row"), sum(tally.total for tally in counts.values())),
        ]
        return [(key, label, count) for key, label, count in labels if count or key == "all"]


class ConfirmView(BatchView):
    """POST: import the batch's rows that are ready (in the background); once, however often it is sent."""

    http_method_names = ["get", "post"]

    def get(self, request, *args, **kwargs):
        return redirect(self.batch)

    def post(self, request, *args, **kwargs):
        confirm_import(self.batch)
        return redirect(self.batch)
