from django.urls import path

from .stripe import views

app_name = "payments"

urlpatterns = [
    path("stripe/webhook/", views.stripe_webhook, name="stripe-webhook"),
    path("stripe/pay/<str:number>/", views.PayView.as_view(), name="stripe-pay"),
]
