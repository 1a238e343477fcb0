"""Load the demo marketplace into the database, from the data files in demo/data/ (see datafiles.py).

Every object is found by a natural key (a partner's slug, a product's UPC, an email, a page's slug
under its parent) and created only when it is missing, so a second run changes nothing: no row is
added or updated, no password reset, no page republished, no picture stored again.
"""

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from io import BytesIO
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from oscar.apps.catalogue.categories import create_from_breadcrumbs
from oscar.core.loading import get_model
from wagtail.images import get_image_model
from wagtail.utils.file import hash_filelike

from catalog.images import prepare_product_photo
from catalog.thumbnails import make_missing_thumbnails
from cms.models import HomePage, StandardPage, StoryIndexPage, StoryPage
from sellers.onboarding import SELLER_GROUP, apply_to_sell
from users.verification import verify_phone
from vietnam.banks import find_bank
from vietnam.phones import normalise_phone
from vietnam.text import slugify

from .datafiles import PICTURES, Account, DemoDataError, read_demo
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
    """Read and check the data files, then load sellers, products, accounts, pages and orders; return the logins.

    A data file with a mistake raises DemoDataError before anything is written.
    """
    demo = read_demo()
    classes = load_product_classes(demo.catalogue, report)
    categories = load_categories(demo.catalogue, report)
    partners = load_sellers(demo.sellers, report)
    # Photos loaded before their sizes were kept with them (catalog.thumbnails); the new ones get theirs on saving.
    report(f"Product photos given their sizes: {make_missing_thumbnails()}")
    load_products(demo, partners, classes, categories, report)
    logins = load_accounts(demo, passwords, partners, report)
    load_applications(demo.applications, passwords["seller"], report)
    editor = next(login.user for login in logins if login.role == "editor")
    load_pages(demo.pages, partners, editor, report)
    curate_home_page(demo.home, editor, report)
    customer = next(login.user for login in logins if login.role == "customer")
    load_orders(customer, demo.orders, report)
    return logins


def mark(created):
    return "new" if created else "exists"


def read_picture(file):
    """The bytes of a picture under demo/data/pictures/ (datafiles.py has checked that it is there)."""
    return (PICTURES / file).read_bytes()


# Catalogue


def load_product_classes(catalogue, report: Report):
    classes = {}
    for name in catalogue.product_classes:
        classes[name], created = ProductClass.objects.get_or_create(
            name=name, defaults={"requires_shipping": True, "track_stock": True}
        )
        report(f"Product class: {name} ({mark(created)})")
    return classes


def load_categories(catalogue, report: Report):
    """The category tree, from breadcrumbs; Oscar finds each level by name before adding it."""
    categories = {}
    for breadcrumb in catalogue.categories:
        categories[breadcrumb] = create_from_breadcrumbs(breadcrumb)
        report(f"Category: {breadcrumb}")
    return categories


def load_sellers(sellers, report: Report):
    partners = {}
    for index, seller in enumerate(sellers, 1):
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
                kind=seller.kind,
                status=Partner.Status.APPROVED,
                approved_at=timezone.now(),
                union_may_act=seller.union_may_act,  # only at first: she may switch it off later
            )
        if seller.bank and not partner.bank_bin:
            partner.bank_bin = find_bank(seller.bank).bin
            partner.bank_account_number = seller.bank_account_number
            partner.bank_account_holder = seller.bank_account_holder
            partner.tax_code = seller.tax_code
            partner.save()
        if not partner.photo:
            partner.photo.save(Path(seller.photo).name, ContentFile(read_picture(seller.photo)), save=True)
        partners[seller.slug] = partner
        report(f"Sellers {index}/{len(sellers)}: {seller.name} ({mark(created)})")
    return partners


def load_products(demo, partners, classes, categories, report: Report):
    items = demo.products()
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
                "weight_grams": item.weight_grams,
                "seller": partner,
                "origin_code": seller.ward_code,
                "net_quantity": item.label.net_quantity,
                "ingredients": item.label.ingredients,
                "shelf_life": item.label.shelf_life,
                "storage": item.label.storage,
                **ocop_fields(item.ocop),
            },
        )
        ProductCategory.objects.get_or_create(product=product, category=categories[item.category])
        StockRecord.objects.get_or_create(
            partner=partner,
            partner_sku=item.sku,
            defaults={"product": product, "price": Decimal(item.price), "num_in_stock": item.stock},
        )
        if not product.images.exists():
            add_product_pictures(product, item)
        report(f"Products {index}/{len(items)}: {item.title} ({mark(created)})")


def ocop_fields(ocop):
    if ocop is None:
        return {}
    return {
        "ocop_stars": ocop.stars,
        "ocop_certificate_number": ocop.certificate_number,
        "ocop_year": ocop.year,
        "ocop_expires_on": ocop.expires_on,
    }


def add_product_pictures(product, item):
    """Store each picture as the shop stores a seller's upload (catalog.images: a JPEG), in the data's order."""
    for order, picture in enumerate(item.pictures):
        upload = prepare_product_photo(SimpleUploadedFile(Path(picture.file).name, read_picture(picture.file)))
        image = ProductImage(product=product, display_order=order, caption=picture.caption)
        image.original.save(upload.name, upload, save=True)


# Accounts


def load_applications(applications, password, report: Report):
    """The applications to sell waiting for an editor, made as the form makes them (an account that cannot log
    in yet), once: a second run finds each by her phone."""
    for index, application in enumerate(applications, 1):
        phone = normalise_phone(application.phone)
        created = not Partner.objects.filter(phone=phone).exists()
        if created:
            officer = get_user_model().objects.filter(email=application.registered_by).first()
            seller = apply_to_sell(
                name=application.name,
                owner_name=application.owner_name,
                phone=phone,
                commune_code=application.ward_code,
                what_she_makes=application.what_she_makes,
                password=password,
                registered_by=officer,
            )
            verify_phone(seller.users.get())  # as if she typed the code the form sent her
        report(f"Applications {index}/{len(applications)}: {application.name} ({mark(created)})")


def load_accounts(demo, passwords, partners, report: Report):
    """The customer, one login per seller, the union's editor and officer, and the operator."""
    customers = [account for account in demo.accounts if account.role == "customer"]
    staff = [account for account in demo.accounts if account.role != "customer"]
    sellers = [
        Account(role="seller", name=seller.owner_name, email=seller.email, phone=seller.phone)
        for seller in demo.sellers
    ]
    partner_of = {seller.email: partners[seller.slug] for seller in demo.sellers}
    accounts = [*customers, *sellers, *staff]
    logins = []
    for index, account in enumerate(accounts, 1):
        password = passwords[account.role]
        user, created = find_or_create_user(account, password)
        if account.groups:
            user.groups.add(*find_groups(account))
        if account.role == "seller":
            partner_of[account.email].users.add(user)
            user.groups.add(Group.objects.get(name=SELLER_GROUP))
        # An account that existed keeps its password; only show the demo one if it still works.
        shown = password if created or user.check_password(password) else "(changed by its owner)"
        logins.append(Login(account.role, account.name, user.email, user.phone_display, shown, user))
        report(f"Accounts {index}/{len(accounts)}: {account.role} {account.email} ({mark(created)})")
    return logins


def find_groups(account):
    groups = list(Group.objects.filter(name__in=account.groups))
    missing = set(account.groups) - {group.name for group in groups}
    if missing:
        raise DemoDataError(
            f"accounts.yaml: accounts[{account.email}].groups: no group {', '.join(sorted(missing))} "
            "(run `manage.py migrate`, or correct the name)"
        )
    return groups


def find_or_create_user(account, password):
    users = get_user_model().objects
    user = users.filter(email__iexact=account.email).order_by("pk").first()
    if user is not None:
        if user.phone and not user.phone_verified_at:
            verify_phone(user)  # made before numbers were verified: it keeps logging in by phone
        return user, False
    phone = normalise_phone(account.phone)
    if users.filter(phone=phone).exclude(phone_verified_at=None).exists():
        phone = None  # someone else already logs in with this number; the demo account goes without
    create = users.create_superuser if account.is_superuser else users.create_user
    verified = timezone.now() if phone else None  # the demo's numbers log in, as if each had typed her code
    user = create(
        email=account.email, password=password, first_name=account.name, phone=phone, phone_verified_at=verified
    )
    if account.is_staff and not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    return user, True


# Pages


def load_pages(pages, partners, editor, report: Report):
    home = find_home_page()

    spec = pages.story_index
    index = StoryIndexPage.objects.child_of(home).filter(slug=spec.slug).first()
    created = index is None
    if created:
        index = StoryIndexPage(
            title=spec.title, title_en=spec.title_en, slug=spec.slug, intro=spec.intro, show_in_menus=True
        )
        publish_child(home, index, editor)
    report(f"Page: {index.title} ({mark(created)})")

    for number, story in enumerate(pages.stories, 1):
        page = StoryPage.objects.child_of(index).filter(slug=story.slug).first()
        created = page is None
        if created:
            page = StoryPage(
                title=story.title,
                slug=story.slug,
                seller=partners[story.seller],
                intro=story.intro,
                body=build_story_body(story),
            )
            publish_child(index, page, editor)
        report(f"Stories {number}/{len(pages.stories)}: {story.title} ({mark(created)})")

    spec = pages.programme_page
    programme = StandardPage.objects.child_of(home).filter(slug=spec.slug).first()
    created = programme is None
    if created:
        programme = StandardPage(
            title=spec.title, title_en=spec.title_en, slug=spec.slug, body=spec.body, show_in_menus=True
        )
        publish_child(home, programme, editor)
    report(f"Page: {programme.title} ({mark(created)})")


def find_home_page():
    home = HomePage.objects.first()
    if home is None:
        raise LookupError("No home page: run `manage.py migrate` (cms migration 0002 creates it).")
    return home


def curate_home_page(spec, editor, report: Report):
    """Fill what the home page lacks (hero, featured stories, products, sellers, figures) and publish it.

    What an editor has already set, or left as an unpublished draft, stays as it is.
    """
    home = find_home_page()
    if home.has_unpublished_changes:
        report(f"Page: {home.title}: left as it is (a draft is waiting)")
        return
    filled = []
    if not home.hero_title:
        home.hero_title, home.hero_text, home.hero_button_text = spec.hero.title, spec.hero.text, spec.hero.button
        filled.append("hero")
    if not home.hero_title_en:
        home.hero_title_en, home.hero_text_en = spec.hero.title_en, spec.hero.text_en
        home.hero_button_text_en = spec.hero.button_en
        filled.append("hero in English")
    if home.hero_image is None:
        home.hero_image = add_wagtail_image(spec.hero.picture.file, spec.hero.picture.title)
        filled.append("hero picture")
    if not home.featured_stories:
        stories = StoryPage.objects.live().descendant_of(home).order_by("-first_published_at", "-pk")
        home.featured_stories = [("story", story) for story in stories[: spec.featured.stories]]
        filled.append("stories")
    if not home.featured_products:
        home.featured_products = [("product", product) for product in pick_home_products(spec.featured.products)]
        filled.append("products")
    if not home.featured_sellers:
        sellers = Partner.objects.public().order_by("name")[: spec.featured.sellers]
        home.featured_sellers = [("seller", seller) for seller in sellers]
        filled.append("sellers")
    if not home.figures:
        home.figures = [
            (
                "figure",
                {
                    "number": figure.number,
                    "label": figure.label,
                    "number_en": figure.number_en,
                    "label_en": figure.label_en,
                },
            )
            for figure in spec.figures
        ]
        filled.append("figures")
    if filled:
        home.save_revision(user=editor).publish(user=editor)
        report(f"Page: {home.title}: {', '.join(filled)} set and published")
    else:
        report(f"Page: {home.title}: left as it is")


def pick_home_products(count):
    """The first product of each of the first sellers by name: four makers, not one."""
    picked = []
    for seller in Partner.objects.public().order_by("name"):
        product = Product.objects.for_cards().filter(seller=seller).order_by("pk").first()
        if product is not None:
            picked.append(product)
        if len(picked) == count:
            break
    return picked


def add_wagtail_image(file, title):
    """A Wagtail image of a picture under demo/data/pictures/, kept as the WebP it is (Wagtail takes WebP)."""
    data = read_picture(file)
    image = get_image_model()(
        title=title,
        file=ImageFile(BytesIO(data), name=Path(file).name),
        file_size=len(data),
        file_hash=hash_filelike(BytesIO(data)),
    )
    image.save()
    return image


def publish_child(parent, page, user):
    parent.add_child(instance=page)
    page.save_revision(user=user).publish(user=user)


def build_story_body(story):
    """The StoryBlock stream: images stored as Wagtail images, product cards showing the live product."""
    body = []
    for block in story.body:
        value = block.value
        if block.type == "image":
            image = add_wagtail_image(value.file, value.alt_text)
            value = {"image": image, "alt_text": value.alt_text, "decorative": False}
        elif block.type == "quote":
            value = {"text": value.text, "author": value.author}
        elif block.type == "product":
            value = {"product": Product.objects.get(upc=value), "note": ""}
        body.append((block.type, value))
    return body
