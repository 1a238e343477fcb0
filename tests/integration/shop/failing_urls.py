"""A URLconf whose only view fails, to see the 500 page."""

from django.urls import path


def fail(request):
    raise RuntimeError("the database is down")


urlpatterns = [path("boom/", fail)]
handler500 = "shop.views.server_error"
