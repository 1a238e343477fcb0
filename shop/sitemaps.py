"""What sitemap.xml lists: Wagtail's live public pages, public products of approved sellers, approved sellers' pages."""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from oscar.core.loading import get_model
from wagtail.contrib.sitemaps import Sitemap as PageSitemap

Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")


class ProductSitemap(Sitemap):
    """Every product a buyer can open: public, standalone or a parent, by an approved seller."""

    protocol = settings.SITE_SCHEME
    changefreq = "weekly"

    def items(self):
        return Product.objects.browsable().of_public_sellers().order_by("pk")

    def lastmod(self, product):
        return product.date_updated


class SellerSitemap(Sitemap):
    """The public page of every approved seller."""

    protocol = settings.SITE_SCHEME
    changefreq = "monthly"

    def items(self):
        return Partner.objects.public().order_by("pk")


SITEMAPS = {"pages": PageSitemap, "products": ProductSitemap, "sellers": SellerSitemap}
