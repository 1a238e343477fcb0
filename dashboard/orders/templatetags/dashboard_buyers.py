"""Who placed an order, for the dashboard's order screens: an account, a guest, or an account deleted since."""

from django import template

register = template.Library()


@register.filter
def placed_by_guest(order):
    """Whether a guest placed `order`: with her phone number, and her email if she gave one (not an account).

    A phone-only guest's order, like that of an account deleted since, has no user and no guest email. Hers
    still has its basket, which has no owner; a deleted account's baskets are deleted with it, and the
    order's basket is then empty. (Orders with neither stay "deleted", as Oscar shows them.)
    """
    if order.user_id is not None:
        return False
    if order.guest_email:
        return True
    return order.basket_id is not None and order.basket.owner_id is None
