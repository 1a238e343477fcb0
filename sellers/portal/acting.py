"""Acting for a seller: the Union's staff open the portal of a seller who agreed, and work on her shop for her.

Who may: staff with partner.act_for_seller (the groups "Union officer" and "Union editor"), for an
approved seller whose `union_may_act` is on. They start from /cms/ (cms/acting.py), which keeps the
seller's id in their session; SellerPortalMixin then serves her business, with a banner, and
OWN_ROWS still keeps every id to her rows. The rule is checked again on every request: once she
switches her consent off, or is no longer approved, the next page stops the acting.
Whatever is changed meanwhile goes into her log marked as done on her behalf (sellers/audit.py).
"""

from django.core.exceptions import PermissionDenied
from oscar.core.loading import get_model

Partner = get_model("partner", "Partner")

PERMISSION = "partner.act_for_seller"
SESSION_KEY = "acting_for_seller"


def may_act(user):
    """Whether `user` is of the Union's staff who may work on a consenting seller's shop."""
    return user.is_authenticated and user.is_staff and user.has_perm(PERMISSION)


def sellers_to_act_for():
    """The sellers who let the Union work on their shop: approved, with their consent on."""
    return Partner.objects.filter(status=Partner.Status.APPROVED, union_may_act=True)


def start_acting(request, seller_pk, back_url):
    """Act for the seller from now on, in this session; `back_url` is where stopping leads. Her business."""
    if not may_act(request.user):
        raise PermissionDenied
    seller = sellers_to_act_for().filter(pk=seller_pk).first()
    if seller is None:
        raise PermissionDenied
    request.session[SESSION_KEY] = {"seller": seller.pk, "back": back_url}
    return seller


def stop_acting(request):
    """Stop acting; where to go back to (None if she was not acting)."""
    state = request.session.pop(SESSION_KEY, None)
    return state["back"] if state else None


def is_acting(request):
    return SESSION_KEY in request.session


def seller_acted_for(request):
    """The business this session acts for, checked again now: None once she or the user may not any more."""
    if not may_act(request.user):
        return None
    return sellers_to_act_for().filter(pk=request.session[SESSION_KEY]["seller"]).first()
