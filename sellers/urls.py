from django.urls import path

from . import views

app_name = "sellers"
urlpatterns = [
    path("", views.SellerListView.as_view(), name="index"),
    path("dang-ky/", views.SellerApplicationView.as_view(), name="apply"),
    path("dang-ky/da-gui/", views.ApplicationReceivedView.as_view(), name="applied"),
    path("don-dang-ky/", views.ApplicationListView.as_view(), name="applications"),
    path("don-dang-ky/<int:pk>/duyet/", views.ApplicationDecisionView.as_view(), name="approve"),
    path("don-dang-ky/<int:pk>/tu-choi/", views.ApplicationDecisionView.as_view(approve=False), name="reject"),
    path("<slug:slug>/", views.SellerDetailView.as_view(), name="detail"),
]
