from django.apps import apps
from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from oscar.views.decorators import login_forbidden
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from cms.lockouts import StaffPasswordResetView
from cms.logout import LogoutView as CmsLogoutView
from shop.csp import csp_report
from shop.health import HealthView, ReadinessView
from shop.robots import robots_txt
from shop.sitemaps import SITEMAPS
from shop.views import SiteSearchView
from users import views as users_views

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("django-admin/", admin.site.urls),
    # Both password resets, limited per address (users/ratelimits.py), before the patterns they stand in for.
    path("cms/password_reset/", StaffPasswordResetView.as_view(), name="wagtailadmin_password_reset"),
    # Before Wagtail's own logout address, which a GET (a link, an image) could log out through.
    path("cms/logout/", CmsLogoutView.as_view(), name="wagtailadmin_logout"),
    path("cms/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Our search answers at Oscar's search address, so {% url 'search:search' %} still leads here.
    path("shop/search/", SiteSearchView.as_view(), name="product-search"),
    # Before Oscar's: "Forgot password?" takes a mobile number too, and a code sent to it sets a new password.
    path("shop/password-reset/", login_forbidden(users_views.PasswordResetView.as_view()), name="password-reset"),
    path(
        "shop/password-reset/phone/",
        login_forbidden(users_views.PhonePasswordResetView.as_view()),
        name="password-reset-phone",
    ),
    path("shop/accounts/phone/verify/", users_views.PhoneVerificationView.as_view(), name="verify-phone"),
    path("shop/", include(apps.get_app_config("oscar").urls[0])),
    path("sellers/", include("sellers.urls")),
    path("seller/", include("sellers.portal.urls")),
    path("payments/vietqr/", include("payments.vietqr.urls")),
    path("payments/", include("payments.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots"),
    path("csp-report/", csp_report, name="csp-report"),
    # For monitors (every part) and load balancers (this server's own): shop/health.py.
    path("health/", HealthView.as_view(), name="health"),
    path("health/ready/", ReadinessView.as_view(), name="health-ready"),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# The 500 page's <style> carries the request's nonce.
handler500 = "shop.views.server_error"

# Wagtail's catch-all comes last.
urlpatterns += [path("", include(wagtail_urls))]
