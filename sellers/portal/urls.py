"""The seller portal at /seller/. Paths are Vietnamese words, as a seller would read them.

Every pattern that takes an id names it after what it points to (product_pk, photo_pk,
shipment_pk): the isolation test finds another seller's object for each name.
"""

from django.urls import include, path

from . import log, money, orders, products, views

app_name = "seller-portal"
urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("ho-so/", views.ProfileView.as_view(), name="profile"),
    path("san-pham/", include(products.urlpatterns)),
    path("don-hang/", include(orders.urlpatterns)),
    path("tien/", include(money.urlpatterns)),
    path("nhat-ky/", include(log.urlpatterns)),
]
