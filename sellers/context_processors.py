from django.utils.functional import SimpleLazyObject

from .portal.access import seller_home_for


def seller_portal(request):
    """The address of her shop for a logged-in seller (the header links it), asked only when shown."""
    return {"my_shop_url": SimpleLazyObject(lambda: seller_home_for(request.user) or "")}
