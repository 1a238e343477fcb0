"""Staff actions on bank transfers; mounted at /payments/vietqr/ by shop/urls.py."""

from django.urls import path

from .received import TransferReceivedView

app_name = "vietqr"

urlpatterns = [
    path("<str:order_number>/received/", TransferReceivedView.as_view(), name="transfer-received"),
]
