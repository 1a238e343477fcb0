from django.utils.functional import SimpleLazyObject

from .portal.access import business_of_request, portal_home_of


def seller_portal(request):
    """The address of her shop for a logged-in seller (the header links it), asked only when shown, once a request."""
    return {"my_shop_url": SimpleLazyObject(lambda: portal_home_of(business_of_request(request)) or "")}
