from django.utils.functional import SimpleLazyObject

from vietnam.showing import kept

from .portal.access import business_of_request, portal_home_of


def seller_portal(request):
    """The address of her shop for a logged-in seller (the header links it), asked only when shown."""
    return {"my_shop_url": SimpleLazyObject(lambda: my_shop_url(request))}


def my_shop_url(request):
    """Her shop's portal address, "" for a customer: kept per person (vietnam.showing.kept), so the header of every
    page she opens asks nothing; a seller's approval, or a change of who sells for a business, starts the
    storefront's next generation (shop/pagecache.py).
    """
    if not request.user.is_authenticated:
        return ""
    return kept(request, ("my-shop", request.user.pk), lambda: portal_home_of(business_of_request(request)) or "")
