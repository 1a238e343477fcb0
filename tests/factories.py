"""Oscar's factories, fitted to this marketplace.

Oscar's own factories follow our forks through get_model, but three of their defaults do
not fit here: its UserFactory sets a `username` our user model does not have, its
PartnerFactory gives every seller the same name (our seller slugs are unique), and its
stock records are priced in GBP. Everything else is used as Oscar ships it.
"""

from decimal import Decimal

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone
from oscar.apps.catalogue.categories import create_from_breadcrumbs
from oscar.core.loading import get_model
from oscar.test import factories as oscar_factories

from vietnam.geography import home_wards

PASSWORD = "mien-dong-2025"

ProductCategory = get_model("catalogue", "ProductCategory")


class UserFactory(factory.django.DjangoModelFactory):
    """A customer who logs in with her email address (and her phone, when given one)."""

    email = factory.Sequence(lambda n: f"khach{n}@example.vn")
    first_name = "Lan"
    last_name = "Nông"
    phone = None
    # A number given to the factory is hers, verified, so it logs her in; pass None to leave it unverified.
    phone_verified_at = factory.LazyAttribute(lambda user: timezone.now() if user.phone else None)
    password = factory.django.Password(PASSWORD)

    class Meta:
        model = get_user_model()


class PartnerFactory(oscar_factories.PartnerFactory):
    """A seller; each has a name and slug of her own."""

    name = factory.Sequence(lambda n: f"Hợp tác xã Miến dong {n}")
    owner_name = "Nông Thị Hoa"
    commune_code = factory.LazyFunction(lambda: ward_code("Xã Nguyên Bình"))
    status = get_model("partner", "Partner").Status.APPROVED

    class Meta:
        skip_postgeneration_save = True


class ProductClassFactory(oscar_factories.ProductClassFactory):
    """One shared product class, as a small shop has."""

    name = "Đặc sản"

    class Meta:
        django_get_or_create = ("name",)


class StockRecordFactory(oscar_factories.StockRecordFactory):
    """Stock of a product at a seller, priced in whole đồng."""

    partner = factory.SubFactory(PartnerFactory)
    price_currency = "VND"
    price = Decimal("125000.00")
    num_in_stock = 20


class ProductFactory(oscar_factories.ProductFactory):
    """A public product with one stock record; put it in categories with categories=[...]."""

    title = factory.Sequence(lambda n: f"Sản phẩm OCOP số {n}")
    product_class = factory.SubFactory(ProductClassFactory)
    seller = factory.SubFactory(PartnerFactory)
    # Her stock: pass stockrecords__price=… or stockrecords__num_in_stock=… to change it.
    stockrecords = factory.RelatedFactory(StockRecordFactory, "product", partner=factory.SelfAttribute("..seller"))

    class Meta:
        skip_postgeneration_save = True

    @factory.post_generation
    def categories(self, create, extracted, **kwargs):
        for category in extracted or ():
            ProductCategory.objects.create(product=self, category=category)


class ProductImageFactory(oscar_factories.ProductImageFactory):
    """A small generated JPEG for a product."""

    product = factory.SubFactory(ProductFactory)
    original = factory.django.ImageField(width=60, height=60, color="brown", filename="anh-san-pham.jpg")


class ProductReviewFactory(oscar_factories.ProductReviewFactory):
    """A customer's review of a product, approved by union staff (pass status=… otherwise)."""

    title = "Thạch đen ngon, thơm mùi lá"
    body = "Nấu lên dẻo, mát, cả nhà đều thích. Giao hàng nhanh."
    score = 5
    user = factory.SubFactory(UserFactory)
    status = get_model("reviews", "ProductReview").APPROVED


class BasketFactory(oscar_factories.BasketFactory):
    class Meta:
        skip_postgeneration_save = True


class OrderFactory(oscar_factories.OrderFactory):
    """An order, with Oscar's made-up addresses; give it lines with OrderLineFactory."""

    basket = factory.SubFactory(BasketFactory)

    class Meta:
        skip_postgeneration_save = True


def union_staff(group, email):
    """A member of the Women's Union's staff in `group` ("Union editor", "Union officer")."""
    from django.contrib.auth.models import Group

    user = UserFactory(email=email, is_staff=True, first_name="Hoàng", last_name="Thị Thu")
    user.groups.add(Group.objects.get(name=group))
    return user


def page_writer():
    """Admin staff of Wagtail's own "Editors" group: they write pages, and have none of the Union's permissions."""
    from django.contrib.auth.models import Group

    writer = UserFactory(email="nguoi.viet.bai@example.vn", is_staff=True)
    writer.groups.add(Group.objects.get(name="Editors"))
    return writer


def create_category(breadcrumbs):
    """A category (and its parents) from "Parent > Child", saved as a proper tree."""
    return create_from_breadcrumbs(breadcrumbs)


def create_purchase(user, product, shipment_status="delivered", line_status=""):
    """An order of `user` with one line for `product`, placed as checkout does, its shipment at `shipment_status`."""
    order = place_order(user, product)
    order.shipments.update(status=shipment_status)
    order.lines.update(status=line_status)
    return order.lines.get()


def ward_code(name):
    """The code of a commune or ward of the marketplace's province, by its name ("Xã Trùng Khánh")."""
    return next(code for code, ward in home_wards() if ward == name)


def place_order(user, *purchases, email="khach.vang.lai@example.vn", province="Cao Bằng", ward="Phường Thục Phán"):
    """A real order for `purchases` (products, or (product, quantity) pairs), as checkout places it.

    Oscar's OrderCreator writes it from a basket (stock allocated), with a Vietnamese delivery
    address and phone in `ward` of `province`, and the sellers' shipping fees to there; then it
    is split into one shipment per seller. `user` None is a guest who gave `email`. No seller
    is emailed.
    """
    from django.db import transaction
    from oscar.core.loading import get_class

    from orders.placing import split_order_by_seller

    basket = get_model("basket", "Basket").objects.create(owner=user)
    basket.strategy = get_class("partner.strategy", "Selector")().strategy(user=user)
    for purchase in purchases:
        product, quantity = purchase if isinstance(purchase, tuple) else (purchase, 1)
        basket.add_product(product, quantity)
    address = get_model("order", "ShippingAddress").objects.create(
        first_name="Nông Thị",
        last_name="Lan",
        line1="Số 12, tổ 3",
        line4=ward,
        state=province,
        country_id="VN",
        phone_number="+84912345678",
        notes="Gọi trước khi giao",
    )
    from shipping.repository import Repository

    method = Repository().get_default_shipping_method(basket=basket, shipping_addr=address)
    with transaction.atomic():
        order = oscar_factories.create_order(
            basket=basket,
            user=user,
            shipping_address=address,
            shipping_method=method,
            guest_email="" if user else email,
        )
        split_order_by_seller(order)
    order.refresh_from_db()  # its number as stored: a string
    return order
