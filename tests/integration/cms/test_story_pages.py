"""A story's hero image and video, and the story index's filters."""

import io

import pytest
from django.core.files.base import ContentFile
from PIL import Image as PillowImage
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.images.models import Image
from wagtail.models import Page

from cms.models import StoryIndexPage, StoryPage
from tests.factories import PartnerFactory, ProductFactory, create_category, ward_code
from tests.pages import soup_of

VIDEO_URL = "https://www.youtube.com/watch?v=thachden"
# The index page's queries: site, page, filters' choices, stories, their hero images and renditions…
MAX_INDEX_QUERIES = 20


def photo(width=1600, height=1000, title="Chị Mai bên nồi thạch"):
    """An uploaded JPEG in Wagtail's image library."""
    buffer = io.BytesIO()
    PillowImage.new("RGB", (width, height), (60, 40, 30)).save(buffer, "JPEG")
    return Image.objects.create(title=title, file=ContentFile(buffer.getvalue(), name="noi-thach.jpg"))


@pytest.fixture
def story_index(db):
    home = Page.objects.get(depth=2, slug="home")
    return home.add_child(instance=StoryIndexPage(title="Câu chuyện", slug="cau-chuyen"))


def publish_story(index, title, seller=None, **fields):
    story = index.add_child(instance=StoryPage(title=title, seller=seller, live=False, **fields))
    story.save_revision().publish()
    return story


def story_titles(response):
    return [card.get_text(strip=True) for card in soup_of(response).select(".story-card h3")]


@pytest.mark.django_db
def test_hero_image_is_a_picture_with_webp_sources_and_a_sized_jpeg(client, story_index):
    story = publish_story(story_index, "Thạch đen của chị Mai", hero_image=photo())

    picture = soup_of(client.get(story.url)).select_one(".story-hero picture")

    [source] = picture.select("source")
    assert source["type"] == "image/webp"
    widths = sorted(int(candidate.split()[-1].rstrip("w")) for candidate in source["srcset"].split(","))
    assert widths == [480, 800, 1200]
    img = picture.select_one("img")
    assert ".jpg" in img["src"]
    assert img["width"]
    assert img["height"]
    # The hero is the first thing on screen: not lazy.
    assert img.get("loading") != "lazy"


@pytest.mark.django_db
def test_image_in_the_body_is_a_lazy_picture(client, story_index):
    image = photo(1200, 800)
    story = publish_story(story_index, "Thạch đen của chị Mai", body=[("image", image)])

    picture = soup_of(client.get(story.url)).select_one(".story-image picture")

    assert picture.select_one("source[type='image/webp']")
    img = picture.select_one("img")
    assert img["loading"] == "lazy"
    assert img["width"]
    assert img["height"]


@pytest.mark.django_db
def test_a_photo_narrower_than_the_widths_asked_is_listed_once_at_its_own_width(client, story_index):
    # Given a story whose hero and body photo are 700 px wide, under the 800 and 1200 px the templates ask for
    hero, body = photo(700, 440), photo(700, 440)
    story = publish_story(story_index, "Thạch đen của chị Mai", hero_image=hero, body=[("image", body)])

    pictures = soup_of(client.get(story.url)).select(".story-hero picture, .story-image picture")

    # Then every srcset lists 480 px and the photo's own 700 px, each once
    assert len(pictures) == 2
    srcsets = [element["srcset"] for picture in pictures for element in picture.select("[srcset]")]
    assert len(srcsets) == 4  # WebP and JPEG, in each picture
    for srcset in srcsets:
        assert [int(candidate.split()[-1].rstrip("w")) for candidate in srcset.split(",")] == [480, 700]


@pytest.mark.django_db
def test_video_block_shows_the_providers_player(client, story_index):
    # Given the oEmbed answer for the video is known (no request to YouTube)
    Embed.objects.create(
        url=VIDEO_URL,
        hash=get_embed_hash(VIDEO_URL),
        type="video",
        html='<iframe src="https://www.youtube.com/embed/thachden" title="Nấu thạch đen"></iframe>',
        provider_name="YouTube",
    )
    story = publish_story(story_index, "Thạch đen của chị Mai", body=[("video", VIDEO_URL)])

    # When a visitor opens the story
    iframe = soup_of(client.get(story.url)).select_one(".story-video iframe")

    # Then the video plays inside it
    assert iframe["src"] == "https://www.youtube.com/embed/thachden"


@pytest.fixture
def stories_in_two_communes(story_index):
    """Mai in Trùng Khánh makes thạch đen; Hoa in Nguyên Bình makes miến dong."""
    mai = PartnerFactory(name="HTX Thạch đen Trùng Khánh", commune_code=ward_code("Xã Trùng Khánh"))
    hoa = PartnerFactory(name="HTX Miến dong Nguyên Bình", commune_code=ward_code("Xã Nguyên Bình"))
    thach = create_category("Đặc sản > Thạch đen")
    mien = create_category("Đặc sản > Miến dong")
    ProductFactory(seller=mai, categories=[thach])
    ProductFactory(seller=hoa, categories=[mien])
    publish_story(story_index, "Thạch đen của chị Mai", seller=mai)
    publish_story(story_index, "Miến dong của chị Hoa", seller=hoa)
    return {"thach": thach, "mien": mien, "parent": thach.get_parent()}


@pytest.mark.django_db
def test_index_lists_stories_newest_first(client, story_index, stories_in_two_communes):
    assert story_titles(client.get(story_index.url)) == ["Miến dong của chị Hoa", "Thạch đen của chị Mai"]


@pytest.mark.django_db
def test_index_filters_by_the_makers_commune(client, story_index, stories_in_two_communes):
    response = client.get(story_index.url, {"commune": ward_code("Xã Trùng Khánh")})

    assert story_titles(response) == ["Thạch đen của chị Mai"]
    communes = [option.get_text() for option in soup_of(response).select("select[name=commune] option")]
    assert "Xã Trùng Khánh" in communes
    assert "Xã Nguyên Bình" in communes


@pytest.mark.django_db
def test_index_filters_by_product_category_and_its_subcategories(client, story_index, stories_in_two_communes):
    categories = stories_in_two_communes

    assert story_titles(client.get(story_index.url, {"category": categories["mien"].pk})) == ["Miến dong của chị Hoa"]
    assert len(story_titles(client.get(story_index.url, {"category": categories["parent"].pk}))) == 2


@pytest.mark.django_db
def test_index_ignores_filter_values_it_does_not_know(client, story_index, stories_in_two_communes):
    response = client.get(story_index.url, {"commune": "abc", "category": "999999"})

    assert response.status_code == 200
    assert len(story_titles(response)) == 2


@pytest.mark.django_db
def test_index_queries_do_not_grow_with_the_stories(client, story_index, django_assert_max_num_queries):
    category = create_category("Đặc sản > Thạch đen")
    filters = {"category": category.pk, "commune": ward_code("Xã Nguyên Bình")}

    def add_stories(count):
        """Stories each with a seller, a hero image and a product in the category."""
        for _n in range(count):
            seller = PartnerFactory()
            ProductFactory(seller=seller, categories=[category])
            publish_story(story_index, seller.name, seller=seller, slug=seller.slug, hero_image=photo(800, 600))

    def measure():
        client.get(story_index.url, filters)  # makes the renditions
        with django_assert_max_num_queries(MAX_INDEX_QUERIES) as captured:
            response = client.get(story_index.url, filters)
        return len(story_titles(response)), len(captured)

    # Given one story, then six
    add_stories(1)
    one, queries_for_one = measure()
    add_stories(5)
    six, queries_for_six = measure()

    # Then the filtered index lists them all with the same number of queries
    assert (one, six) == (1, 6)
    assert queries_for_six == queries_for_one
