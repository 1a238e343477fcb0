import oscar.apps.checkout.apps as oscar_checkout


class CheckoutConfig(oscar_checkout.CheckoutConfig):
    """Oscar's checkout app; every order it places is split by seller. The label stays "checkout"."""

    name = "shop.checkout"
