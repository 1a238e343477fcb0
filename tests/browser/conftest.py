import contextlib
import os
from pathlib import Path

import pytest
from django.db import connections

# Playwright's sync API runs an event loop in the test's thread; the test still uses the ORM.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# Debian's Chromium: the project never downloads a browser of its own.
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}
# How Chromium's console begins to say the page's Content-Security-Policy refused something.
CSP_VIOLATION = "Content Security Policy"


def pytest_collection_modifyitems(items):
    for item in items:
        if Path(item.fspath).is_relative_to(Path(__file__).parent):
            item.add_marker(pytest.mark.browser)


def csp_violations(context):
    """The Content-Security-Policy violations the consoles of `context`'s pages report from now on."""
    violations = []

    def record(message):
        if CSP_VIOLATION in message.text:
            violations.append(f"{message.page.url if message.page else ''}: {message.text}")

    context.on("console", record)
    return violations


def assert_no_csp_violations(violations):
    assert not violations, "The Content-Security-Policy blocked something:\n" + "\n".join(violations)


@pytest.fixture
def phone(live_server):
    """A page in a phone-sized Chromium window (360×740); skipped without Chromium, except in CI.

    Playwright starts only after pytest-django has set up the test's database: while its event
    loop runs, Django hands out other connection objects (asgiref's Local), and the set-up and
    teardown of a transactional test (restoring and flushing data) must use the usual ones.
    A journey fails when the site's Content-Security-Policy blocked anything on its way.
    """
    if not CHROMIUM.exists():
        reason = f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(reason + "; REQUIRE_BROWSER=1 needs it", pytrace=False)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        context = browser.new_context(**PHONE, locale="vi-VN")
        context.set_default_timeout(15_000)
        violations = csp_violations(context)
        try:
            yield context.new_page()
            assert_no_csp_violations(violations)
        finally:
            connections.close_all()  # those the test opened while the event loop ran
            context.close()
            browser.close()


@contextlib.contextmanager
def another_window(page, **options):
    """A second window of the browser `page` runs in (its own cookies: another person), with `options`
    for its context (PHONE, or a desktop viewport); it fails too on what the Content-Security-Policy blocked."""
    context = page.context.browser.new_context(**options, locale="vi-VN")
    context.set_default_timeout(15_000)
    violations = csp_violations(context)
    try:
        yield context.new_page()
        assert_no_csp_violations(violations)
    finally:
        connections.close_all()
        context.close()
