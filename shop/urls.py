from django.apps import apps
from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from cms.logout import LogoutView as CmsLogoutView
from shop.robots import robots_txt
from shop.sitemaps import SITEMAPS
from shop.views import SiteSearchView

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("django-admin/", admin.site.urls),
    # Before Wagtail's own logout address, which a GET (a link, an image) could log out through.
    path("cms/logout/", CmsLogoutView.as_view(), name="wagtailadmin_logout"),
    path("cms/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Our search answers at Oscar's search address, so {% url 'search:search' %} still leads here.
    path("shop/search/", SiteSearchView.as_view(), name="product-search"),
    path("shop/", include(apps.get_app_config("oscar").urls[0])),
    path("sellers/", include("sellers.urls")),
    path("seller/", include("sellers.portal.urls")),
    path("payments/vietqr/", include("payments.vietqr.urls")),
    path("payments/", include("payments.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots"),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's catch-all comes last.
urlpatterns += [path("", include(wagtail_urls))]
