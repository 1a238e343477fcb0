"""What a search engine's crawler reads first: robots.txt, then sitemap.xml."""

from xml.etree import ElementTree

import pytest
from django.conf import settings
from wagtail.models import Page

from cms.models import StoryIndexPage, StoryPage
from tests.factories import PartnerFactory, ProductFactory

SITE = f"{settings.SITE_SCHEME}://{settings.SITE_DOMAIN}"
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def locations_in(response):
    """The <loc> URLs of a sitemap."""
    return [loc.text for loc in ElementTree.fromstring(response.content).findall("sm:url/sm:loc", SITEMAP_NS)]


@pytest.fixture
def stories(db):
    """A published story and a draft one, under the story index."""
    home = Page.objects.get(depth=2, slug="home")
    index = home.add_child(instance=StoryIndexPage(title="Câu chuyện", slug="cau-chuyen"))
    published = index.add_child(instance=StoryPage(title="Mùa đông", slug="mua-dong", body="[]", live=False))
    published.save_revision().publish()
    draft = index.add_child(instance=StoryPage(title="Bản nháp", slug="ban-nhap", body="[]", live=False))
    return {"published": published, "draft": draft}


@pytest.mark.django_db
def test_robots_lets_crawlers_in_but_not_back_offices_or_a_buyers_pages(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Allow: /" in lines
    for path in [
        "/cms/",
        "/django-admin/",
        "/shop/dashboard/",
        "/seller/",
        "/shop/checkout/",
        "/shop/basket/",
        "/shop/accounts/",
    ]:
        assert f"Disallow: {path}" in lines
    assert "Disallow: /" not in lines  # the storefront and stories stay open
    assert f"Sitemap: {SITE}/sitemap.xml" in lines


@pytest.mark.django_db
def test_sitemap_lists_live_pages_public_products_and_approved_sellers(client, stories):
    # Given products and sellers buyers may see, and ones they may not
    mai = PartnerFactory(name="Hợp tác xã Thạch đen Phục Hòa")
    jelly = ProductFactory(title="Thạch đen Cao Bằng", seller=mai)
    hidden = ProductFactory(title="Thạch đen chưa bán", seller=mai, is_public=False)
    applicant = PartnerFactory(name="Cơ sở chờ duyệt", status="applied")
    unapproved_product = ProductFactory(title="Miến dong chờ duyệt", seller=applicant)

    # When a crawler reads the sitemap
    response = client.get("/sitemap.xml")

    # Then it finds every public page at the site's address, and nothing else
    assert response.status_code == 200
    urls = locations_in(response)
    assert f"{SITE}/" in urls
    assert f"{SITE}{stories['published'].url}" in urls
    assert f"{SITE}{jelly.get_absolute_url()}" in urls
    assert f"{SITE}{mai.get_absolute_url()}" in urls
    for not_public in [
        "/cau-chuyen/ban-nhap/",
        hidden.get_absolute_url(),
        unapproved_product.get_absolute_url(),
        applicant.get_absolute_url(),
    ]:
        assert f"{SITE}{not_public}" not in urls
