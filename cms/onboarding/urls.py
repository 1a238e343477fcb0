"""Bulk onboarding under /cms/onboarding/ (Wagtail's admin: cms/wagtail_hooks.py)."""

from django.urls import path

from . import views

app_name = "onboarding"

urlpatterns = [
    path("", views.ImportIndexView.as_view(), name="index"),
    path("template.xlsx", views.TemplateDownloadView.as_view(), name="template"),
    path("<int:pk>/", views.BatchView.as_view(), name="batch"),
    path("<int:pk>/confirm/", views.ConfirmView.as_view(), name="confirm"),
]
