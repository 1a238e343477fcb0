from django.urls import path

from . import views

app_name = "sellers"
urlpatterns = [
    path("<slug:slug>/", views.SellerDetailView.as_view(), name="detail"),
]
