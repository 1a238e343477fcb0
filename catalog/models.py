from types import SimpleNamespace

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, F, OuterRef, Q, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from oscar.apps.catalogue.abstract_models import AbstractProduct, AbstractProductImage
from oscar.apps.catalogue.managers import ProductQuerySet as OscarProductQuerySet
from oscar.utils.models import get_image_upload_path

from vietnam.geography import province_name_of_ward, validate_ward, ward_name

from .communes import forget_communes
from .images import ProductPhotoModelField
from .purchases import has_bought
from .search import fold_product
from .thumbnails import make_thumbnails_on_commit, missing_photo

# Listing sort orders, as the query string names them.
NEWEST, PRICE_UP, PRICE_DOWN, BEST_SELLING, RELEVANCE = "newest", "price_asc", "price_desc", "best_selling", "relevance"


# What a product's card reads besides the product, its kind and its seller: its price and stock, its photo.
CARD_PREFETCHES = ("stockrecords", "images")


class ProductQuerySet(OscarProductQuerySet):
    def base_queryset(self):
        """Oscar's prefetches, plus the seller and each stock record's seller."""
        return super().base_queryset().select_related("seller").prefetch_related("stockrecords__partner")

    def of_public_sellers(self):
        """Products whose maker buyers may see: approved by the Women's Union, not suspended."""
        Partner = self.model._meta.get_field("seller").related_model  # the partner app sits above this one
        return self.filter(seller__status=Partner.Status.APPROVED)

    def for_cards(self):
        """Public products of approved sellers, with all a card shows (maker, price, stock, photo), in three queries.

        Lighter than Oscar's base_queryset(): a card needs no variants or options, whose
        prefetches cost a query each on every listing page.
        """
        return (
            self.browsable()
            .of_public_sellers()
            .select_related("product_class", "seller")
            .prefetch_related(*CARD_PREFETCHES)
        )

    def made_by(self, seller):
        """The products a seller makes, newest first."""
        return self.filter(seller=seller).order_by("-date_created", "-pk")

    def in_category(self, category):
        """Products of a category or of any category below it."""
        links = self.model.categories.through.objects
        below = links.filter(product=OuterRef("pk"), category__path__startswith=category.path)
        return self.filter(Exists(below))

    def with_price_and_stock(self):
        """Alias `listing_price` and `net_stock` (in stock less what orders hold) from the stock record.

        A product has one stock record, its maker's (a constraint says so), so a plain join
        gives one row per product. Correlated subqueries instead made PostgreSQL estimate, and
        JIT-compile, a plan ten times dearer at 20,000 products.
        """
        if "listing_price" in self.query.annotations:
            return self
        return self.alias(
            listing_price=F("stockrecords__price"),
            net_stock=F("stockrecords__num_in_stock") - Coalesce("stockrecords__num_allocated", Value(0)),
        )

    def priced_between(self, lowest=None, highest=None):
        """Products whose price is within [lowest, highest] đồng (either end may be open)."""
        products = self.with_price_and_stock()
        if lowest is not None:
            products = products.filter(listing_price__gte=lowest)
        if highest is not None:
            products = products.filter(listing_price__lte=highest)
        return products

    def in_stock(self):
        """Products a buyer can put in her basket: net stock above zero.

        As Oscar's availability rule has it, a product class that does not track stock is always
        available once it has a stock record.
        """
        products = self.with_price_and_stock()
        untracked = Q(product_class__track_stock=False, listing_price__isnull=False)
        return products.filter(untracked | Q(net_stock__gt=0))

    def sorted_by(self, sort):
        """Products in a listing's sort order; RELEVANCE keeps the search's order."""
        if sort == RELEVANCE:
            return self
        price = F("listing_price")
        if sort == PRICE_UP:
            return self.with_price_and_stock().order_by(price.asc(nulls_last=True), "-date_created", "-pk")
        if sort == PRICE_DOWN:
            return self.with_price_and_stock().order_by(price.desc(nulls_last=True), "-date_created", "-pk")
        if sort == BEST_SELLING:
            # A product nobody has bought yet may have no analytics record at all: it counts as 0.
            return self.alias(sold=Coalesce("stats__num_purchases", Value(0))).order_by("-sold", "-date_created", "-pk")
        return self.order_by("-date_created", "-pk")

    def with_current_ocop(self, min_stars=3):
        """Products whose OCOP certificate of at least `min_stars` stars has not expired."""
        today = timezone.localdate()
        return self.filter(ocop_stars__gte=min_stars).filter(
            Q(ocop_expires_on__isnull=True) | Q(ocop_expires_on__gte=today)
        )


class Product(AbstractProduct):
    """A product of a Cao Bằng maker: who makes it, where, its OCOP certificate and label facts."""

    seller = models.ForeignKey(
        "partner.Partner",
        verbose_name=_("Seller"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="products",
        help_text=_("The woman or cooperative who makes and sells it."),
    )
    ocop_stars = models.PositiveSmallIntegerField(
        _("OCOP stars"),
        null=True,
        blank=True,
        validators=[MinValueValidator(3), MaxValueValidator(5)],
        help_text=_("OCOP rating awarded: 3, 4 or 5 stars."),
    )
    ocop_certificate_number = models.CharField(_("OCOP certificate number"), max_length=64, blank=True)
    ocop_year = models.PositiveSmallIntegerField(_("Year awarded"), null=True, blank=True)
    ocop_expires_on = models.DateField(
        _("OCOP certificate valid until"),
        null=True,
        blank=True,
        help_text=_("After this date the certificate is kept but no longer shown as current."),
    )
    origin_code = models.PositiveIntegerField(
        _("Commune or ward of origin"),
        null=True,
        blank=True,
        validators=[validate_ward],
        help_text=_("Where it is made: a commune or ward of the 2025 administrative units."),
    )
    weight_grams = models.PositiveIntegerField(
        _("Weight (grams)"),
        null=True,
        blank=True,
        help_text=_("Packed weight, used to work out shipping."),
    )
    net_quantity = models.CharField(
        _("Net weight or volume"), max_length=32, blank=True, help_text=_("e.g. 500 g, 330 ml")
    )
    ingredients = models.TextField(_("Ingredients"), blank=True)
    shelf_life = models.CharField(_("Shelf life"), max_length=64, blank=True, help_text=_("e.g. 12 months"))
    storage = models.CharField(_("Storage"), max_length=255, blank=True, help_text=_("e.g. Keep in a cool, dry place"))
    # Folded copies (lower case, no accents) that search compares against; see catalog.search.
    search_title = models.CharField(max_length=255, blank=True, editable=False)
    search_text = models.TextField(blank=True, editable=False)

    objects = ProductQuerySet.as_manager()

    def save(self, *args, **kwargs):
        self.search_title, self.search_text = fold_product(self)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_title", "search_text"}
        super().save(*args, **kwargs)
        forget_communes()

    @property
    def origin(self):
        """The commune or ward it comes from, by name."""
        return ward_name(self.origin_code)

    @property
    def origin_province(self):
        return province_name_of_ward(self.origin_code)

    @property
    def has_current_ocop(self):
        """Whether to show the OCOP badge: certified and not expired."""
        if not self.ocop_stars:
            return False
        return self.ocop_expires_on is None or self.ocop_expires_on >= timezone.localdate()

    def get_missing_image(self):
        """Oscar's "no photo" picture, from the media storage (a bucket too) rather than symlinked into MEDIA_ROOT."""
        return SimpleNamespace(name=missing_photo())

    def is_review_permitted(self, user):
        """Oscar's hook for who may review: here only a customer who bought it, and once."""
        return super().is_review_permitted(user) and has_bought(user, self)


class ProductImage(AbstractProductImage):
    """A product photo; an upload through any form is checked and stored upright (catalog.images)."""

    original = ProductPhotoModelField(_("Original"), upload_to=get_image_upload_path, max_length=255)
    # The sizes pages show, by their names in the storage, with their widths and heights, kept by the task that
    # makes them (catalog.thumbnails); "of" names the file they were made of, so a replaced photo's are not used.
    thumbnails = models.JSONField(default=dict, blank=True, editable=False)

    # The photo's file when it was read from the database: a new one gets its sizes made (catalog.thumbnails).
    _saved_original = None

    @classmethod
    def from_db(cls, db, field_names, values):
        photo = super().from_db(db, field_names, values)
        if "original" not in photo.get_deferred_fields():
            photo._saved_original = photo.original.name
        return photo

    def save(self, *args, **kwargs):
        """Oscar's; a new file (the portal, the dashboard, the demo loader) has its thumbnails made after commit."""
        super().save(*args, **kwargs)
        if self.original.name and self.original.name != self._saved_original:
            self._saved_original = self.original.name
            make_thumbnails_on_commit(self.original.name)


from oscar.apps.catalogue.models import *  # noqa: E402, F403  (the rest of Oscar's models)
