"""Load the demo marketplace into the database.

Every object is found by a natural key (a partner's slug, a product's UPC, an email, a page's slug
under its parent) and created only when it is missing, so a second run changes nothing: no row is
added or updated, no password reset, no page republished, no picture drawn again.
"""

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from io import BytesIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from oscar.apps.catalogue.categories import create_from_breadcrumbs
from oscar.core.loading import get_model
from vietnam_provinces import Ward, WardCode
from wagtail.images import get_image_model
from wagtail.utils.file import hash_filelike

from cms.models import HomePage, StandardPage, StoryIndexPage, StoryPage
from sellers.onboarding import SELLER_GROUP
from vietnam.phones import normalise_phone
from vietnam.text import slugify

from . import content, facts, pictures
from .orders import load_orders

Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")
Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
ProductCategory = get_model("catalogue", "ProductCategory")
ProductImage = get_model("catalogue", "ProductImage")

Report = Callable[[str], None]


@dataclass
class Login:
    """One demo account, as the command prints it."""

    role: str
    name: str
    email: str
    phone: str
    password: str
    user: object


def load_demo_data(passwords, report: Report):
    """Load sellers, products, accounts and pages; return the demo logins."""
    classes = load_product_classes(report)
    categories = load_categories(report)
    partners = load_sellers(report)
    load_products(partners, classes, categories, report)
    logins = load_accounts(passwords, partners, report)
    editor = next(login.user for login in logins if login.role == "editor")
    load_pages(partners, editor, report)
    curate_home_page(editor, report)
    customer = next(login.user for login in logins if login.role == "customer")
    load_orders(customer, partners, report)
    return logins


def find_commune_name(ward_code):
    """The commune's name in the 2025 units, read from vietnam_provinces so it cannot drift."""
    ward = Ward.from_code(WardCode(ward_code))
    if ward.province_code != content.PROVINCE_CODE:
        raise ValueError(f"Ward {ward_code} ({ward.name}) is not in province {content.PROVINCE_CODE}.")
    return ward.name


def mark(created):
    return "new" if created else "exists"


# Catalogue


def load_product_classes(report: Report):
    classes = {}
    for name in content.PRODUCT_CLASSES:
        classes[name], created = ProductClass.objects.get_or_create(
            name=name, defaults={"requires_shipping": True, "track_stock": True}
        )
        report(f"Product class: {name} ({mark(created)})")
    return classes


def load_categories(report: Report):
    """The category tree, from breadcrumbs; Oscar finds each level by name before adding it."""
    categories = {}
    for breadcrumb in content.CATEGORIES:
        categories[breadcrumb] = create_from_breadcrumbs(breadcrumb)
        report(f"Category: {breadcrumb}")
    return categories


def load_sellers(report: Report):
    partners = {}
    for index, seller in enumerate(content.SELLERS, 1):
        partner = Partner.objects.filter(slug=seller.slug).first()
        created = partner is None
        if created:
            partner = Partner.objects.create(
                slug=seller.slug,
                name=seller.name,
                owner_name=seller.owner_name,
                story=seller.story,
                commune_code=seller.ward_code,
                phone=seller.phone,
                kind=Partner.Kind.COOPERATIVE if seller.name.startswith("Hợp tác xã") else Partner.Kind.HOUSEHOLD,
                status=Partner.Status.APPROVED,
                approved_at=timezone.now(),
            )
            find_commune_name(seller.ward_code)  # a demo seller must live in the marketplace's province
        if not partner.photo:
            portrait = pictures.draw_seller_portrait(seller.slug, seller.attire, waterfall=seller.waterfall)
            partner.photo.save(f"{seller.slug}.jpg", ContentFile(portrait), save=True)
        partners[seller.slug] = partner
        report(f"Sellers {index}/{len(content.SELLERS)}: {seller.name} ({mark(created)})")
    return partners


def load_products(partners, classes, categories, report: Report):
    items = [(seller, item) for seller in content.SELLERS for item in seller.products]
    for index, (seller, item) in enumerate(items, 1):
        partner = partners[seller.slug]
        product, created = Product.objects.get_or_create(
            upc=item.sku,
            defaults={
                "title": item.title,
                "slug": slugify(item.title),
                "description": f"<p>{item.description}</p>",
                "product_class": classes[item.product_class],
                "is_public": True,
                "ocop_stars": item.ocop_stars,
                "weight_grams": item.weight_grams,
                "seller": partner,
                "origin_code": seller.ward_code,
                **facts.label_facts(item),
                **facts.ocop_certificate(item),
            },
        )
        ProductCategory.objects.get_or_create(product=product, category=categories[item.category])
        StockRecord.objects.get_or_create(
            partner=partner,
            partner_sku=item.sku,
            defaults={"product": product, "price": Decimal(item.price), "num_in_stock": item.stock},
        )
        if not product.images.exists():
            add_product_pictures(product, item, seller)
        report(f"Products {index}/{len(items)}: {item.title} ({mark(created)})")


def add_product_pictures(product, item, seller):
    """The main picture with the product's name (the page shows OCOP stars); a second one names the maker."""
    commune = find_commune_name(seller.ward_code)
    captions = [
        {"caption": item.title, "subtitle": f"{commune} · Cao Bằng"},
        {"caption": f"Từ tay chị {seller.owner_name}", "subtitle": seller.name},
    ]
    for order, caption in enumerate(captions[: item.pictures]):
        picture = pictures.draw_product_picture(item.picture, f"{item.sku}-{order}", **caption)
        image = ProductImage(product=product, display_order=order, caption=caption["caption"])
        image.original.save(f"{slugify(item.sku)}-{order + 1}.jpg", ContentFile(picture), save=True)


# Accounts


def load_accounts(passwords, partners, report: Report):
    """The customer, one login per seller, the union's editor and officer, and the operator."""
    customer, *staff = content.ACCOUNTS
    sellers = [
        content.Account(role="seller", name=seller.owner_name, email=seller.email, phone=seller.phone)
        for seller in content.SELLERS
    ]
    accounts = [customer, *sellers, *staff]
    logins = []
    for index, account in enumerate(accounts, 1):
        password = passwords[account.role]
        user, created = find_or_create_user(account, password)
        if account.groups:
            user.groups.add(*Group.objects.filter(name__in=account.groups))
        if account.role == "seller":
            seller = next(seller for seller in content.SELLERS if seller.email == account.email)
            partners[seller.slug].users.add(user)
            user.groups.add(Group.objects.get(name=SELLER_GROUP))
        # An account that existed keeps its password; only show the demo one if it still works.
        shown = password if created or user.check_password(password) else "(changed by its owner)"
        logins.append(Login(account.role, account.name, user.email, user.phone_display, shown, user))
        report(f"Accounts {index}/{len(accounts)}: {account.role} {account.email} ({mark(created)})")
    return logins


def find_or_create_user(account, password):
    users = get_user_model().objects
    user = users.filter(email__iexact=account.email).order_by("pk").first()
    if user is not None:
        return user, False
    phone = normalise_phone(account.phone)
    if users.filter(phone=phone).exists():
        phone = None  # someone else already logs in with this number; the demo account goes without
    create = users.create_superuser if account.is_superuser else users.create_user
    user = create(email=account.email, password=password, first_name=account.name, phone=phone)
    if account.is_staff and not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    return user, True


# Pages


def load_pages(partners, editor, report: Report):
    home = find_home_page()

    spec = content.STORY_INDEX
    index = StoryIndexPage.objects.child_of(home).filter(slug=spec["slug"]).first()
    created = index is None
    if created:
        index = StoryIndexPage(title=spec["title"], slug=spec["slug"], intro=spec["intro"], show_in_menus=True)
        publish_child(home, index, editor)
    report(f"Page: {index.title} ({mark(created)})")

    for number, story in enumerate(content.STORIES, 1):
        page = StoryPage.objects.child_of(index).filter(slug=story.slug).first()
        created = page is None
        if created:
            page = StoryPage(
                title=story.title,
                slug=story.slug,
                seller=partners[story.seller_slug],
                intro=story.intro,
                body=build_story_body(story, partners[story.seller_slug]),
            )
            publish_child(index, page, editor)
        report(f"Stories {number}/{len(content.STORIES)}: {story.title} ({mark(created)})")

    spec = content.PROGRAMME_PAGE
    programme = StandardPage.objects.child_of(home).filter(slug=spec["slug"]).first()
    created = programme is None
    if created:
        programme = StandardPage(title=spec["title"], slug=spec["slug"], body=spec["body"], show_in_menus=True)
        publish_child(home, programme, editor)
    report(f"Page: {programme.title} ({mark(created)})")


def find_home_page():
    home = HomePage.objects.first()
    if home is None:
        raise LookupError("No home page: run `manage.py migrate` (cms migration 0002 creates it).")
    return home


def curate_home_page(editor, report: Report):
    """Fill what the home page lacks (hero, featured stories, products, sellers, figures) and publish it.

    What an editor has already set, or left as an unpublished draft, stays as it is.
    """
    home = find_home_page()
    if home.has_unpublished_changes:
        report(f"Page: {home.title}: left as it is (a draft is waiting)")
        return
    filled = []
    if not home.hero_title:
        home.hero_title, home.hero_text = content.HOME_HERO_TITLE, content.HOME_HERO_TEXT
        home.hero_button_text = content.HOME_HERO_BUTTON
        filled.append("hero")
    if home.hero_image is None:
        home.hero_image = add_home_picture()
        filled.append("hero picture")
    if not home.featured_stories:
        stories = StoryPage.objects.live().descendant_of(home).order_by("-first_published_at", "-pk")
        home.featured_stories = [("story", story) for story in stories[: content.HOME_FEATURED_STORIES]]
        filled.append("stories")
    if not home.featured_products:
        home.featured_products = [("product", product) for product in pick_home_products()]
        filled.append("products")
    if not home.featured_sellers:
        sellers = Partner.objects.public().order_by("name")[: content.HOME_FEATURED_SELLERS]
        home.featured_sellers = [("seller", seller) for seller in sellers]
        filled.append("sellers")
    if not home.figures:
        home.figures = [("figure", {"number": number, "label": label}) for number, label in content.HOME_FIGURES]
        filled.append("figures")
    if filled:
        home.save_revision(user=editor).publish(user=editor)
        report(f"Page: {home.title}: {', '.join(filled)} set and published")
    else:
        report(f"Page: {home.title}: left as it is")


def pick_home_products():
    """The first product of each of the first sellers by name: four makers, not one."""
    picked = []
    for seller in Partner.objects.public().order_by("name"):
        product = Product.objects.for_cards().filter(seller=seller).order_by("pk").first()
        if product is not None:
            picked.append(product)
        if len(picked) == content.HOME_FEATURED_PRODUCTS:
            break
    return picked


def add_home_picture():
    data = pictures.draw_landscape("home-hero", waterfall=True)
    image = get_image_model()(
        title="Thác Bản Giốc, Cao Bằng",
        file=ImageFile(BytesIO(data), name="home-hero.jpg"),
        file_size=len(data),
        file_hash=hash_filelike(BytesIO(data)),
    )
    image.save()
    return image


def publish_child(parent, page, user):
    parent.add_child(instance=page)
    page.save_revision(user=user).publish(user=user)


def build_story_body(story, partner):
    """The StoryBlock stream, with pictures drawn and stored as Wagtail images, ending on a live card
    of her first product."""
    seller = next(seller for seller in content.SELLERS if seller.slug == story.seller_slug)
    body = []
    for block_type, value in story.body:
        if block_type == "image":
            image, alt_text = add_story_picture(story, seller, value, len(body))
            value = {"image": image, "alt_text": alt_text, "decorative": False}
        body.append((block_type, value))
    product = partner.products.filter(is_public=True).order_by("pk").first()
    if product is not None:
        body.append(("product", {"product": product, "note": ""}))
    return body


def add_story_picture(story, seller, picture, position):
    commune = find_commune_name(seller.ward_code)
    if picture == "landscape":
        data = pictures.draw_landscape(f"{story.slug}-{position}", waterfall=seller.waterfall)
        title = alt_text = f"Núi non {commune}, Cao Bằng"
    else:
        sku = picture.removeprefix("product:")
        item = next(item for item in seller.products if item.sku == sku)
        data = pictures.draw_product_picture(item.picture, f"{story.slug}-{position}", item.title, commune)
        title = alt_text = item.title
    image = get_image_model()(
        title=title,
        file=ImageFile(BytesIO(data), name=f"{story.slug}-{position}.jpg"),
        file_size=len(data),
        file_hash=hash_filelike(BytesIO(data)),
    )
    image.save()
    return image, alt_text
