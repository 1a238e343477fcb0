"""Going through the storefront's checkout the way a buyer does, with Django's test client."""

from tests.pages import soup_of
from vietnam.geography import province_code_by_name, wards_of_province

PREVIEW_URL = "/shop/checkout/preview/"
CAO_BANG = province_code_by_name("Cao Bằng")
THUC_PHAN = next(code for code, name in wards_of_province(CAO_BANG) if name == "Phường Thục Phán")


def delivery_address(**changes):
    """The address form as a buyer in Thục Phán ward, Cao Bằng, fills it in."""
    return {
        "first_name": "Nông Thị Lan",
        "phone_number": "0912 345 678",
        "province": str(CAO_BANG),
        "ward": str(THUC_PHAN),
        "line1": "Số 12, tổ 3",
        "notes": "Gọi trước khi giao",
        **changes,
    }


def fill_basket(client, *purchases):
    """Put (product, quantity) pairs, or products, in the client's basket."""
    for purchase in purchases:
        product, quantity = purchase if isinstance(purchase, tuple) else (purchase, 1)
        client.post(f"/shop/basket/add/{product.pk}/", {"quantity": quantity})


GUEST_PHONE = "0912 345 678"


def start_as_guest(client, email="lan@example.vn", phone=GUEST_PHONE):
    """Checkout's first step as a guest: her phone number, and an email unless `email` is empty."""
    return client.post("/shop/checkout/", {"phone": phone, "email": email or ""})


def check_out(client, *purchases, method="cod", email="lan@example.vn", address=None):
    """Buy `purchases` (as a guest unless the client is logged in), up to "Đặt hàng"; the last response."""
    return place_order_as_shown(go_to_preview(client, *purchases, method=method, email=email, address=address))


def go_to_preview(client, *purchases, method="cod", email="lan@example.vn", address=None):
    """Put `purchases` in the basket and go through checkout's steps up to the preview; the client.
    A guest gives the phone number of the address, and `email` unless it is empty."""
    fill_basket(client, *purchases)
    if "_auth_user_id" not in client.session:
        start_as_guest(client, email, (address or delivery_address())["phone_number"])
    client.post("/shop/checkout/shipping-address/", address or delivery_address())
    client.get("/shop/checkout/shipping-method/", follow=True)
    client.post("/shop/checkout/payment-method/", {"method": method})
    return client


def place_order_form(client):
    """What the preview's "Đặt hàng" form sends, read from the page as her browser has it (the total it shows)."""
    form = soup_of(client.get(PREVIEW_URL)).select_one("#place_order_form")
    assert form is not None, "the preview page has no place-order form"
    return {field["name"]: field.get("value", "") for field in form.select("input[type=hidden]")}


def place_order_as_shown(client, **extra):
    """Open the preview and tap "Đặt hàng" on it; the response."""
    return client.post(PREVIEW_URL, place_order_form(client), **extra)
