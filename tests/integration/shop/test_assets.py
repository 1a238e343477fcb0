"""Pages work on a closed network: every script, stylesheet, font and image comes from this site."""

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

from tests.pages import VIETNAMESE, open_page, soup_of

ASSET_ATTRIBUTES = {"script": "src", "link": "href", "img": "src", "source": "srcset", "iframe": "src"}
OTHER_SITE = re.compile(r"^(https?:)?//", re.IGNORECASE)
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")


def external_assets(response):
    soup = soup_of(response)
    found = []
    for tag, attribute in ASSET_ATTRIBUTES.items():
        for element in soup.find_all(tag):
            value = element.get(attribute) or ""
            if tag == "link" and "canonical" in (element.get("rel") or []):
                continue
            if OTHER_SITE.match(value.strip()):
                found.append(f"<{tag} {attribute}={value}>")
    found += [f"@import in a page: {m}" for m in re.findall(r"@import\s+url\(([^)]+)\)", response.content.decode())]
    return found


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", ["/", "/shop/catalogue/", "product", "seller", "/shop/basket/", "/shop/accounts/login/"]
)
def test_page_loads_nothing_from_another_site(client, product, seller, path):
    url = {"product": product.get_absolute_url(), "seller": seller.get_absolute_url()}.get(path, path)

    response = open_page(client, url, VIETNAMESE)

    assert response.status_code == 200
    assert external_assets(response) == []


def test_stylesheets_fetch_no_font_or_image_from_another_site():
    for name in ("oscar/css/styles.css", "shop/css/shop.css"):
        css = Path(finders.find(name)).read_text()
        remote = [url for url in CSS_URL.findall(css) if OTHER_SITE.match(url)]
        assert remote == [], f"{name} fetches {remote}"


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/shop/dashboard/", "/shop/dashboard/catalogue/", "product"])
def test_dashboard_page_is_oscars_own_and_loads_nothing_from_another_site(admin_client, product, path):
    url = f"/shop/dashboard/catalogue/products/{product.pk}/" if path == "product" else path

    response = admin_client.get(url)

    assert response.status_code == 200
    assert external_assets(response) == []
    assert soup_of(response).select(".site-header, .site-footer") == [], "the storefront's header in the dashboard"
