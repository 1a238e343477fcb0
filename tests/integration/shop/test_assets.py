"""Pages work on a closed network: every script, stylesheet, font and image comes from this site.

And they look alike: the storefront and the seller portal get one set of colours and sizes (CSS variables).
"""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

from tests.pages import VIETNAMESE, open_page, soup_of

ASSET_ATTRIBUTES = {"script": "src", "link": "href", "img": "src", "source": "srcset", "iframe": "src"}
OTHER_SITE = re.compile(r"^(https?:)?//", re.IGNORECASE)
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")

# The marketplace's colours and sizes, declared once in shop/templates/shop/partials/design_tokens.html.
DESIGN_TOKENS = {
    "--indigo", "--indigo-dark", "--red", "--red-dark", "--green", "--gold",
    "--paper", "--ink", "--muted", "--line", "--radius", "--tap",
}  # fmt: skip
CSS_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
CSS_VARIABLE_DECLARATION = re.compile(r"(?<![\w-])(--[\w-]+)\s*:\s*([^;}]+)")
CSS_VARIABLE_USE = re.compile(r"var\(\s*(--[\w-]+)\s*(,?)")
# Our own stylesheets (not Oscar's or Wagtail's): every app's static/ folder in this repository.
PROJECT_STYLESHEETS = sorted(Path(settings.BASE_DIR).glob("*/static/**/*.css"))
CMS_ADMIN_STATIC = Path(settings.BASE_DIR) / "cms" / "static" / "cms" / "css"


def wagtail_theme(path, name):
    """Screens inside Wagtail's admin (/cms/payouts/) follow its theme: they may use its own --w-* variables."""
    return path.is_relative_to(CMS_ADMIN_STATIC) and name.startswith("--w-")


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


def variables_declared(css):
    """(name, value) of each CSS variable the CSS declares, in order."""
    return [(name, value.strip()) for name, value in CSS_VARIABLE_DECLARATION.findall(CSS_COMMENT.sub("", css))]


def css_in_load_order(response):
    """(where, css) of each stylesheet and <style> in the page's <head>, in the order the browser applies them."""
    for element in soup_of(response).head.find_all(["link", "style"]):
        if element.name == "style":
            yield "<style>", element.get_text()
        elif "stylesheet" in (element.get("rel") or []):
            name = element["href"].removeprefix(settings.STATIC_URL)
            yield name, Path(finders.find(name)).read_text()


def assert_design_tokens_declared_once_and_in_force(response):
    declared = [(where, *pair) for where, css in css_in_load_order(response) for pair in variables_declared(css)]
    inline = [(name, value) for where, name, value in declared if where == "<style>"]
    # each token once, in the page's own <style> (the partial) ...
    assert sorted(name for name, _value in inline) == sorted(DESIGN_TOKENS)
    # ... and that declaration is the one in force: the last one, after Bootstrap's own --indigo, --red, --green
    in_force = {name: value for _where, name, value in declared}
    assert {name: in_force[name] for name in DESIGN_TOKENS} == dict(inline)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", ["/", "/shop/catalogue/", "product", "seller", "/shop/basket/", "/shop/accounts/login/"]
)
def test_page_loads_nothing_from_another_site(client, product, seller, path):
    url = {"product": product.get_absolute_url(), "seller": seller.get_absolute_url()}.get(path, path)

    response = open_page(client, url, VIETNAMESE)

    assert response.status_code == 200
    assert external_assets(response) == []


# What the storefront no longer carries: Oscar's whole stylesheet with Font Awesome's fonts, jQuery,
# Bootstrap's script and Oscar's ui.js (shop/js/storefront.js and the SVG sprite stand in for them).
OSCAR_ASSETS = ("oscar/css/styles.css", "jquery", "bootstrap", "oscar/js/oscar/ui.js", "fontawesome", ".woff")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    ["/", "/shop/catalogue/", "product", "seller", "/shop/basket/", "/shop/accounts/login/", "/shop/search/?q=a"],
)
def test_storefront_page_draws_its_icons_from_the_sprite_without_oscars_scripts_or_icon_font(
    client, product, seller, path
):
    url = {"product": product.get_absolute_url(), "seller": seller.get_absolute_url()}.get(path, path)

    response = open_page(client, url, VIETNAMESE)

    assert response.status_code == 200
    soup = soup_of(response)
    assets = [element.get("src") or element.get("href") for element in soup.select("script[src], link[rel=stylesheet]")]
    assert [asset for asset in assets if any(name in asset for name in OSCAR_ASSETS)] == []
    # Its own: two stylesheets and one script (which also reads a kept page's basket count and token from cookies)
    assert len([asset for asset in assets if asset.endswith(".css")]) == 2
    assert [asset for asset in assets if asset.endswith(".js")] == ["/static/shop/js/storefront.js"]
    assert soup.select("i[class*=fa-]") == []
    drawn = {use["href"].removeprefix("#") for use in soup.select("svg.icon use")}
    assert drawn, "no icon on the page"
    assert drawn <= {symbol["id"] for symbol in soup.select(".icon-sprite symbol")}


def test_storefront_stylesheet_declares_no_font():
    css = Path(finders.find("shop/css/storefront-base.css")).read_text()

    assert "@font-face" not in css
    assert ".fa-" not in css


def test_stylesheets_fetch_no_font_or_image_from_another_site():
    for name in ("oscar/css/styles.css", "shop/css/storefront-base.css", "shop/css/shop.css"):
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


def test_our_stylesheets_declare_no_css_variables():
    assert {path.name for path in PROJECT_STYLESHEETS} >= {"shop.css", "orders.css", "portal.css"}
    for path in PROJECT_STYLESHEETS:
        declared = [name for name, _value in variables_declared(path.read_text())]
        assert declared == [], f"{path.name} declares {declared}: they belong in shop/partials/design_tokens.html"


def test_our_stylesheets_use_only_the_design_tokens_and_without_fallback_copies():
    for path in PROJECT_STYLESHEETS:
        uses = CSS_VARIABLE_USE.findall(CSS_COMMENT.sub("", path.read_text()))
        unknown = sorted({name for name, _ in uses if name not in DESIGN_TOKENS and not wagtail_theme(path, name)})
        with_fallback = sorted({name for name, fallback in uses if fallback})
        assert unknown == [], f"{path.name} uses {unknown}, which shop/partials/design_tokens.html does not declare"
        assert with_fallback == [], f"{path.name} keeps its own copy of {with_fallback} as a fallback"


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/shop/catalogue/", "product", "/shop/basket/"])
def test_storefront_page_gets_each_design_token_once_and_in_force(client, product, path):
    url = product.get_absolute_url() if path == "product" else path

    response = open_page(client, url, VIETNAMESE)

    assert response.status_code == 200
    assert_design_tokens_declared_once_and_in_force(response)


@pytest.mark.django_db
def test_seller_portal_page_gets_the_same_design_tokens_once_and_in_force(client, seller_owner):
    client.force_login(seller_owner)

    response = open_page(client, "/seller/", VIETNAMESE)

    assert response.status_code == 200
    assert soup_of(response).select_one(".portal-tabs"), "not the portal's page"
    assert_design_tokens_declared_once_and_in_force(response)
