"""The Content-Security-Policy: the staff's admin areas' own policy, and the log of what browsers blocked.

settings.CONTENT_SECURITY_POLICY holds the storefront's policy (the stories and the seller portal
too); settings.py says what each directive allows and why.
"""

import json
import logging

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

logger = logging.getLogger(__name__)

# A browser's report is well under this; anything longer is not read.
MAX_REPORT_BYTES = 8_000


def is_staff_area(request):
    """Whether `request` is for Wagtail's admin, Oscar's dashboard or Django's admin.

    Wagtail previews a page by sending a dummy request (`is_dummy`) for the page's own path through
    the middleware; the page it makes is shown in a frame of the admin's editor, so it is the admin's.
    """
    return request.path_info.startswith(tuple(settings.CONTENT_SECURITY_POLICY_STAFF_PATHS)) or getattr(
        request, "is_dummy", False
    )


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware; in the staff's admin areas CONTENT_SECURITY_POLICY_STAFF replaces directives."""

    def get_policy_parts(self, request, response, report_only=False):
        """django-csp's parts of the policy, with the staff's directives under the staff's paths.

        A view's own csp_replace still wins over them.
        """
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if is_staff_area(request):
            parts.replace = {**settings.CONTENT_SECURITY_POLICY_STAFF, **(parts.replace or {})}
        return parts


@csrf_exempt
@require_POST
def csp_report(request):
    """A browser's report of what the policy blocked (or would block, report-only), as a warning in the log."""
    if len(request.body) > MAX_REPORT_BYTES:
        return HttpResponse(status=413)
    try:
        report = json.loads(request.body).get("csp-report", {})
    except (ValueError, AttributeError):
        return HttpResponse(status=400)
    if not isinstance(report, dict):
        return HttpResponse(status=400)
    logger.warning(
        "Content-Security-Policy blocked %s on %s (%s)",
        report.get("blocked-uri", "?"),
        report.get("document-uri", "?"),
        report.get("effective-directive") or report.get("violated-directive", "?"),
    )
    return HttpResponse(status=204)
