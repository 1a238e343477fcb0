import oscar.apps.basket.apps as oscar_basket


class BasketConfig(oscar_basket.BasketConfig):
    """Oscar's basket app; its page costs the same queries for any number of lines. The label stays "basket"."""

    name = "basket"
