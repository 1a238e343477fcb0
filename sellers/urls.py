from django.urls import path

from . import views

app_name = "sellers"
urlpatterns = [
    path("", views.SellerListView.as_view(), name="index"),
    path("<slug:slug>/", views.SellerDetailView.as_view(), name="detail"),
]
