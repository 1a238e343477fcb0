"""What a link to a story or a product shows when shared (Facebook, Zalo): title, description, picture."""

import io
import json

import factory
import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from PIL import Image as PillowImage
from wagtail.images.models import Image
from wagtail.models import Page

from cms.models import StoryIndexPage, StoryPage
from tests.factories import PartnerFactory, ProductFactory, ProductImageFactory
from tests.pages import VIETNAMESE, open_page, soup_of

SITE = f"{settings.SITE_SCHEME}://{settings.SITE_DOMAIN}"


def link_preview(client, url):
    """The page's <title>, meta description and Open Graph properties, as a crawler reads them."""
    soup = soup_of(open_page(client, url, VIETNAMESE))
    preview = {tag["property"]: tag["content"] for tag in soup.select("meta[property^='og:']")}
    preview["title"] = soup.title.get_text(strip=True)
    preview["description"] = soup.select_one("meta[name=description]")["content"]
    return preview


def photo(width, height):
    """An uploaded JPEG in Wagtail's image library."""
    buffer = io.BytesIO()
    PillowImage.new("RGB", (width, height), (120, 90, 40)).save(buffer, "JPEG")
    return Image.objects.create(title="Giàn phơi miến", file=ContentFile(buffer.getvalue(), name="gian-phoi.jpg"))


@pytest.fixture
def story_index(db):
    home = Page.objects.get(depth=2, slug="home")
    return home.add_child(instance=StoryIndexPage(title="Câu chuyện", slug="cau-chuyen"))


def publish_story(index, body, seller=None):
    story = index.add_child(
        instance=StoryPage(
            title="Mùa đông trên giàn phơi miến",
            slug="mua-dong",
            intro="Chị Hoa phơi miến dong trong gió lạnh Nguyên Bình.",
            seller=seller,
            body=json.dumps(body),
            live=False,
        )
    )
    story.save_revision().publish()
    return story


@pytest.mark.django_db
def test_a_shared_story_shows_its_title_intro_and_first_picture(client, story_index):
    # Given a story whose body has a picture 1600 px wide after a paragraph
    picture = photo(1600, 1000)
    body = [
        {"type": "paragraph", "value": "<p>Mỗi sáng chị dậy từ 4 giờ.</p>"},
        {"type": "image", "value": {"image": picture.pk, "alt_text": "Giàn phơi", "decorative": False}},
    ]
    story = publish_story(story_index, body, seller=PartnerFactory(photo=portrait()))

    preview = link_preview(client, story.url)

    assert preview["title"].startswith("Mùa đông trên giàn phơi miến")
    assert preview["description"] == "Chị Hoa phơi miến dong trong gió lạnh Nguyên Bình."
    assert preview["og:title"] == "Mùa đông trên giàn phơi miến"
    assert preview["og:description"] == "Chị Hoa phơi miến dong trong gió lạnh Nguyên Bình."
    assert preview["og:type"] == "article"
    assert preview["og:url"] == f"{SITE}{story.url}"
    # the picture, not the seller's photo, at 1200 px wide, at an absolute address
    rendition = picture.get_rendition("width-1200|format-jpeg")
    assert rendition.width == 1200
    assert preview["og:image"] == f"{SITE}{rendition.url}"


def portrait():
    return factory.django.ImageField(width=300, height=300, color="green", filename="chan-dung.jpg")


@pytest.mark.django_db
def test_a_story_without_pictures_is_shared_with_the_makers_photo(client, story_index):
    seller = PartnerFactory(photo=portrait())
    story = publish_story(story_index, [{"type": "paragraph", "value": "<p>Chị dậy từ 4 giờ.</p>"}], seller=seller)

    preview = link_preview(client, story.url)

    assert preview["og:image"].startswith(f"{SITE}/")
    assert preview["og:image"].endswith(".jpg")


@pytest.mark.django_db
def test_a_shared_product_shows_its_name_description_and_photo(client):
    # Given a product with a photo
    product = ProductFactory(title="Miến dong Phia Đén 500g", description="<p>Sợi miến dai, làm tay.</p>")
    ProductImageFactory(product=product, original__width=1600, original__height=1600)

    preview = link_preview(client, product.get_absolute_url())

    assert preview["og:title"] == "Miến dong Phia Đén 500g"
    assert preview["og:description"] == "Sợi miến dai, làm tay."
    assert preview["og:type"] == "product"
    assert preview["og:url"] == f"{SITE}{product.get_absolute_url()}"
    assert preview["og:image"].startswith(f"{SITE}/")
    assert preview["og:image"].endswith(".jpg")


@pytest.mark.django_db
def test_a_product_without_a_photo_gives_no_picture_to_share(client):
    product = ProductFactory(title="Thạch đen Cao Bằng")

    preview = link_preview(client, product.get_absolute_url())

    assert preview["og:title"] == "Thạch đen Cao Bằng"
    assert "og:image" not in preview
