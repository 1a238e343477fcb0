"""The demo's content, read from the YAML files in demo/data/ and checked before anything is loaded.

Each file becomes small frozen dataclasses. A missing or unknown key, a value of the wrong type, a
product in a category catalogue.yaml does not list, a picture that is not in demo/data/pictures/: any
of these stops the load with an error naming the file and the entry, before the database is touched.

The pictures are WebP files, drawn once with Pillow by the code the demo used to run on every load
(demo/pictures.py in the repository's history) and committed, so loading only opens them.
"""

import dataclasses
import datetime
import types
import typing
from dataclasses import dataclass
from pathlib import Path

import yaml
from django.conf import settings
from oscar.core.loading import get_model

from vietnam.banks import find_bank
from vietnam.geography import home_wards
from vietnam.taxcodes import normalise_tax_code

DATA = Path(__file__).resolve().parent / "data"
PICTURES = DATA / "pictures"

Partner = get_model("partner", "Partner")

# libyaml's loader when PyYAML was built with it (ten times faster), else the pure-Python one; both safe.
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# The command has a password for each; sellers' logins come from sellers.yaml.
ACCOUNT_ROLES = ("customer", "editor", "officer", "operator")
# How far the seller of an order's first line takes her shipment (demo/orders.py has the steps).
ORDER_STEPS = ("new", "accepted", "shipped", "delivered")
PAID_BY = ("cod", "vietqr")


class DemoDataError(ValueError):
    """A data file that cannot be loaded; the message names the file and the entry."""


# What the files hold


@dataclass(frozen=True)
class Catalogue:
    product_classes: tuple[str, ...]
    categories: tuple[str, ...]  # breadcrumbs, "parent > child"


@dataclass(frozen=True)
class Label:
    """What the packet says."""

    net_quantity: str = ""
    ingredients: str = ""
    shelf_life: str = ""
    storage: str = ""


@dataclass(frozen=True)
class Ocop:
    """A product's OCOP certificate."""

    stars: int
    certificate_number: str
    year: int
    expires_on: datetime.date


@dataclass(frozen=True)
class ProductPicture:
    file: str  # under demo/data/pictures/
    caption: str


@dataclass(frozen=True)
class Product:
    sku: str
    title: str
    description: str  # plain text, one paragraph
    price: int  # whole đồng
    stock: int
    weight_grams: int
    category: str
    product_class: str
    pictures: tuple[ProductPicture, ...]  # the first is the main one
    label: Label = Label()
    ocop: Ocop | None = None


@dataclass(frozen=True)
class Seller:
    slug: str
    name: str
    kind: str  # a Partner.Kind value
    owner_name: str
    ward_code: int
    email: str
    phone: str
    photo: str  # under demo/data/pictures/
    story: str
    products: tuple[Product, ...]
    # Where the Union pays her (a bank of vietnam/banks.py, by its short name) and her tax code: private.
    bank: str = ""
    bank_account_number: str = ""
    bank_account_holder: str = ""
    tax_code: str = ""
    union_may_act: bool = False  # she lets her union officer work on her shop for her


@dataclass(frozen=True)
class Account:
    role: str
    name: str
    email: str
    phone: str
    groups: tuple[str, ...] = ()
    is_staff: bool = False
    is_superuser: bool = False


@dataclass(frozen=True)
class Quote:
    text: str
    author: str = ""


@dataclass(frozen=True)
class StoryImage:
    file: str  # under demo/data/pictures/
    alt_text: str  # also the Wagtail image's title


@dataclass(frozen=True)
class Block:
    """One block of a story's StreamField, written `- heading: text` in the file."""

    type: str
    value: str | Quote | StoryImage  # text, or a product's SKU for a product card

    @classmethod
    def from_data(cls, raw, where):
        # The StoryBlock types the demo writes, and what each holds in the file.
        kinds = {"heading": str, "paragraph": str, "quote": Quote, "image": StoryImage, "product": str}
        if not isinstance(raw, dict) or len(raw) != 1:
            raise DemoDataError(f"{where}: a block is one key and its value, e.g. `- heading: …`, not {raw!r}")
        ((block_type, value),) = raw.items()
        if block_type not in kinds:
            raise DemoDataError(f"{where}: unknown block {block_type!r}; a block is one of {', '.join(kinds)}")
        return cls(block_type, convert(kinds[block_type], value, within(where, block_type)))


@dataclass(frozen=True)
class Story:
    slug: str
    title: str
    seller: str  # a seller's slug
    intro: str
    body: tuple[Block, ...]


@dataclass(frozen=True)
class StoryIndex:
    slug: str
    title: str
    intro: str
    title_en: str = ""  # its name in menus when the site is read in English


@dataclass(frozen=True)
class ProgrammePage:
    slug: str
    title: str
    body: str  # HTML
    title_en: str = ""


@dataclass(frozen=True)
class Pages:
    story_index: StoryIndex
    stories: tuple[Story, ...]
    programme_page: ProgrammePage


@dataclass(frozen=True)
class HeroPicture:
    file: str  # under demo/data/pictures/
    title: str


@dataclass(frozen=True)
class Hero:
    title: str
    text: str
    button: str
    picture: HeroPicture
    title_en: str = ""  # the hero when the site is read in English
    text_en: str = ""
    button_en: str = ""


@dataclass(frozen=True)
class Featured:
    stories: int
    products: int
    sellers: int


@dataclass(frozen=True)
class Figure:
    number: str
    label: str
    number_en: str = ""  # the number and label when the site is read in English
    label_en: str = ""


@dataclass(frozen=True)
class Home:
    hero: Hero
    featured: Featured
    figures: tuple[Figure, ...]


@dataclass(frozen=True)
class OrderLine:
    sku: str
    quantity: int


@dataclass(frozen=True)
class Order:
    days_ago: int
    step: str
    lines: tuple[OrderLine, ...]
    paid_by: str = "cod"  # cod, or vietqr for a transfer the Union has received


@dataclass(frozen=True)
class Address:
    line1: str
    line4: str
    state: str
    notes: str = ""


@dataclass(frozen=True)
class Orders:
    deliver_to: Address
    carrier: str
    tracking_code: str
    orders: tuple[Order, ...]


@dataclass(frozen=True)
class Application:
    """An application to sell waiting for an editor, as an officer registered it in a commune."""

    name: str
    owner_name: str
    ward_code: int
    phone: str
    what_she_makes: str
    registered_by: str = ""  # the email of an account of accounts.yaml


@dataclass(frozen=True)
class Sellers:
    sellers: tuple[Seller, ...]
    applications: tuple[Application, ...] = ()


@dataclass(frozen=True)
class Accounts:
    accounts: tuple[Account, ...]


@dataclass(frozen=True)
class Demo:
    catalogue: Catalogue
    sellers: tuple[Seller, ...]
    applications: tuple[Application, ...]
    accounts: tuple[Account, ...]
    pages: Pages
    home: Home
    orders: Orders

    def products(self):
        """(seller, product) of every product, sellers and their products in the files' order."""
        return [(seller, product) for seller in self.sellers for product in seller.products]


# Reading


def read_demo(folder=DATA):
    """Every data file of the demo, read and checked, entries in the files' order."""
    sellers = read_file(folder / "sellers.yaml", Sellers)
    demo = Demo(
        catalogue=read_file(folder / "catalogue.yaml", Catalogue),
        sellers=sellers.sellers,
        applications=sellers.applications,
        accounts=read_file(folder / "accounts.yaml", Accounts).accounts,
        pages=read_file(folder / "pages.yaml", Pages),
        home=read_file(folder / "home.yaml", Home),
        orders=read_file(folder / "orders.yaml", Orders),
    )
    check_demo(demo, folder)
    return demo


def read_file(path, kind):
    where = display_path(path)
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=SafeLoader)
    except FileNotFoundError:
        raise DemoDataError(f"{where}: no such data file") from None
    except yaml.YAMLError as error:
        raise DemoDataError(f"{where}: not valid YAML: {error}") from None
    return convert(kind, raw, f"{where}:")


def display_path(path):
    try:
        return str(path.relative_to(settings.BASE_DIR))
    except ValueError:
        return str(path)


def convert(kind, raw, where):
    """`raw` as read from YAML, as the type `kind` (a dataclass, a tuple of them, str, int…), or an error."""
    origin = typing.get_origin(kind)
    if origin is tuple:
        item_kind = typing.get_args(kind)[0]
        if not isinstance(raw, list):
            raise DemoDataError(f"{where}: expected a list, found {raw!r}")
        return tuple(
            convert(item_kind, item, f"{where}[{entry_name(item, number)}]") for number, item in enumerate(raw, 1)
        )
    if origin in (typing.Union, types.UnionType):
        if raw is None:
            return None
        (kind,) = [arg for arg in typing.get_args(kind) if arg is not type(None)]
        return convert(kind, raw, where)
    if hasattr(kind, "from_data"):
        return kind.from_data(raw, where)
    if dataclasses.is_dataclass(kind):
        return build(kind, raw, where)
    if not isinstance(raw, kind) or (kind is int and isinstance(raw, bool)):
        names = {str: "text", int: "a whole number", bool: "true or false", datetime.date: "a date (2027-06-30)"}
        raise DemoDataError(f"{where}: expected {names.get(kind, kind.__name__)}, found {raw!r}")
    return raw


def build(kind, raw, where):
    if not isinstance(raw, dict):
        raise DemoDataError(f"{where}: expected keys and values, found {raw!r}")
    fields = {field.name: field for field in dataclasses.fields(kind)}
    unknown = [key for key in raw if key not in fields]
    if unknown:
        raise DemoDataError(f"{where}: unknown key {unknown[0]!r}; the keys are {', '.join(fields)}")
    required = [name for name, field in fields.items() if field.default is dataclasses.MISSING]
    missing = [name for name in required if name not in raw]
    if missing:
        raise DemoDataError(f"{where}: missing {', '.join(missing)}")
    hints = typing.get_type_hints(kind)
    return kind(**{key: convert(hints[key], value, within(where, key)) for key, value in raw.items()})


def within(where, key):
    """How an error names a key: "sellers.yaml: sellers", then "sellers.yaml: sellers[…].name"."""
    return f"{where} {key}" if where.endswith(":") else f"{where}.{key}"


def entry_name(item, number):
    """How an error names an entry of a list: by its natural key if it has one, else by its number."""
    if isinstance(item, dict):
        for key in ("sku", "slug", "email", "file"):
            if isinstance(item.get(key), str):
                return item[key]
    return f"#{number}"


# Checks across the files


def check_demo(demo, folder):
    """What reading one entry cannot check: references to other entries, to pictures and to communes."""
    files = Files(folder)
    skus = {product.sku for _, product in demo.products()}
    check_unique([seller.slug for seller in demo.sellers], f"{files.name('sellers.yaml')}: seller slug")
    check_unique([product.sku for _, product in demo.products()], f"{files.name('sellers.yaml')}: sku")
    check_unique(
        [seller.email.lower() for seller in demo.sellers] + [account.email.lower() for account in demo.accounts],
        f"{files.name('sellers.yaml')} and {files.name('accounts.yaml')}: email",
    )
    check_sellers(demo, files)
    check_applications(demo, files)
    check_accounts(demo, files.name("accounts.yaml"))
    check_pages(demo, skus, files)
    files.check_picture(demo.home.hero.picture.file, f"{files.name('home.yaml')}: hero.picture")
    check_orders(demo, skus, files.name("orders.yaml"))


@dataclass(frozen=True)
class Files:
    """The data folder being checked, to name its files in errors and find its pictures."""

    folder: Path

    def name(self, file):
        return display_path(self.folder / file)

    def check_picture(self, file, where):
        pictures = self.folder / "pictures"
        check((pictures / file).is_file(), f"{where}: no picture {file} in {display_path(pictures)}/")


def check(condition, message):
    if not condition:
        raise DemoDataError(message)


def check_applications(demo, files):
    wards, emails = dict(home_wards()), {account.email for account in demo.accounts}
    for application in demo.applications:
        where = f"{files.name('sellers.yaml')}: applications[{application.name}]"
        check(
            application.ward_code in wards, f"{where}.ward_code: {application.ward_code} is no commune of the province"
        )
        check(
            not application.registered_by or application.registered_by in emails,
            f"{where}.registered_by: no account {application.registered_by!r} in accounts.yaml",
        )


def check_sellers(demo, files):
    catalogue, wards = demo.catalogue, dict(home_wards())
    for seller in demo.sellers:
        where = f"{files.name('sellers.yaml')}: sellers[{seller.slug}]"
        check(seller.kind in Partner.Kind.values, f"{where}.kind: {seller.kind!r} is not one of {Partner.Kind.values}")
        check(
            seller.ward_code in wards,
            f"{where}.ward_code: {seller.ward_code} is no commune of the marketplace's province "
            f"(MARKETPLACE_PROVINCE_CODE={settings.MARKETPLACE_PROVINCE_CODE})",
        )
        files.check_picture(seller.photo, f"{where}.photo")
        check(not seller.bank or find_bank(seller.bank), f"{where}.bank: {seller.bank!r} is not in vietnam/banks.py")
        check(seller.tax_code == normalise_tax_code(seller.tax_code), f"{where}.tax_code: digits, as on her papers")
        check(seller.products, f"{where}.products: a seller has at least one product")
        for product in seller.products:
            at = f"{where}.products[{product.sku}]"
            check(
                product.category in catalogue.categories,
                f"{at}.category: {product.category!r} is not in catalogue.yaml",
            )
            check(
                product.product_class in catalogue.product_classes,
                f"{at}.product_class: {product.product_class!r} is not in catalogue.yaml",
            )
            check(product.price > 0, f"{at}.price: above 0")
            check(product.stock >= 0, f"{at}.stock: 0 or more")
            check(product.ocop is None or 1 <= product.ocop.stars <= 5, f"{at}.ocop.stars: from 1 to 5")
            check(product.pictures, f"{at}.pictures: a product has at least one picture")
            for picture in product.pictures:
                files.check_picture(picture.file, f"{at}.pictures")


def check_accounts(demo, file):
    roles = [account.role for account in demo.accounts]
    for account in demo.accounts:
        where = f"{file}: accounts[{account.email}].role"
        check(account.role in ACCOUNT_ROLES, f"{where}: {account.role!r} is not one of {', '.join(ACCOUNT_ROLES)}")
    check(roles.count("customer") == 1, f"{file}: there must be exactly one customer (she places the orders)")
    check("editor" in roles, f"{file}: there must be an editor (she publishes the pages)")


def check_pages(demo, skus, files):
    slugs = {seller.slug for seller in demo.sellers}
    check_unique([story.slug for story in demo.pages.stories], f"{files.name('pages.yaml')}: story slug")
    for story in demo.pages.stories:
        where = f"{files.name('pages.yaml')}: stories[{story.slug}]"
        check(story.seller in slugs, f"{where}.seller: no seller {story.seller!r} in sellers.yaml")
        for block in story.body:
            if block.type == "image":
                files.check_picture(block.value.file, f"{where}.body.image")
            if block.type == "product":
                check(block.value in skus, f"{where}.body.product: no product {block.value!r} in sellers.yaml")


def check_orders(demo, skus, file):
    for number, order in enumerate(demo.orders.orders, 1):
        where = f"{file}: orders[#{number}]"
        check(order.step in ORDER_STEPS, f"{where}.step: {order.step!r} is not one of {', '.join(ORDER_STEPS)}")
        check(order.lines, f"{where}.lines: an order has at least one line")
        check(order.paid_by in PAID_BY, f"{where}.paid_by: {order.paid_by!r} is not one of {', '.join(PAID_BY)}")
        for line in order.lines:
            check(line.sku in skus, f"{where}.lines[{line.sku}]: no such product in sellers.yaml")
            check(line.quantity > 0, f"{where}.lines[{line.sku}].quantity: at least 1")


def check_unique(values, what):
    seen = set()
    for value in values:
        if value in seen:
            raise DemoDataError(f"{what} {value!r} appears twice")
        seen.add(value)


def referenced_pictures(demo):
    """Every picture file the data refers to, relative to demo/data/pictures/."""
    files = {demo.home.hero.picture.file}
    for seller in demo.sellers:
        files.add(seller.photo)
        files.update(picture.file for product in seller.products for picture in product.pictures)
    for story in demo.pages.stories:
        files.update(block.value.file for block in story.body if block.type == "image")
    return files
