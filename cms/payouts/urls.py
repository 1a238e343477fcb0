"""The Union's screens about sellers' money, under /cms/payouts/ (Wagtail's admin: cms/wagtail_hooks.py)."""

from django.urls import path

from . import views

app_name = "payouts"

urlpatterns = [
    path("", views.RunListView.as_view(), name="runs"),
    path("open/", views.OpenRunView.as_view(), name="open"),
    path("<int:pk>/", views.RunView.as_view(), name="run"),
    path("<int:pk>/excel/", views.RunExportView.as_view(), name="run-export"),
    path("payout/<int:pk>/paid/", views.MarkPaidView.as_view(), name="mark-paid"),
    path("payout/<int:pk>/account/", views.RefreshAccountView.as_view(), name="refresh-account"),
    path("sellers/", views.BalanceListView.as_view(), name="balances"),
    path("sellers/<int:pk>/", views.SellerLedgerView.as_view(), name="seller"),
    path("sellers/<int:pk>/correction/", views.CorrectionView.as_view(), name="correct"),
    path("tax/", views.WithholdingView.as_view(), name="withholding"),
    path("tax/excel/", views.WithholdingExportView.as_view(), name="withholding-export"),
]
