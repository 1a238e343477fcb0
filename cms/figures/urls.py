"""The programme in figures, under /cms/figures/ (Wagtail's admin: cms/wagtail_hooks.py)."""

from django.urls import path

from . import views

app_name = "figures"

urlpatterns = [
    path("", views.FiguresView.as_view(), name="figures"),
    path("excel/", views.FiguresExportView.as_view(), name="export"),
]
