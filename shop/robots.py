"""robots.txt: crawlers may read the storefront and stories, not the back offices or a buyer's own pages."""

from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from vietnam.links import absolute_url

# Staff and seller back offices, and pages that belong to one buyer's session.
DISALLOWED = [
    "/cms/",
    "/django-admin/",
    "/shop/dashboard/",
    "/seller/",
    "/shop/checkout/",
    "/shop/basket/",
    "/shop/accounts/",
]


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    """The rules for every crawler, and where the sitemap is, at the site's configured address."""
    sitemap_url = absolute_url(reverse("sitemap"))
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in DISALLOWED), "Allow: /", "", f"Sitemap: {sitemap_url}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
