"""The staff's home's own lists, under /cms/desk/ (Wagtail's admin login first: cms/desk/wagtail_hooks.py)."""

from django.urls import path

from . import views

app_name = "desk"

urlpatterns = [
    path("certificates/", views.CertificateListView.as_view(), name="certificates"),
]
