"""Lighthouse (mobile) on the demo served as in production: bytes, requests, speed and accessibility of five pages.

    python manage.py frontend_check [--scratch DIR] [--strict]      (what `make frontend-check` runs)

In a scratch folder it makes the demo's site as production runs it: a new SQLite database with the demo's sellers,
products and real photos (their thumbnails made), static files collected and served by WhiteNoise, gunicorn with
DEBUG off on a throwaway key, the page cache as configured, uploads served from disk as nginx serves them
(shop/wsgi_with_media.py). A browser fills a basket with two products of two sellers through the site's own forms.
Then Lighthouse (tools/frontend-check/, from npm) loads each page once with an empty browser cache in Debian's
Chromium, as a mid-range phone on a slow 4G network (its default mobile emulation and simulated throttling): the
home page, the catalogue, a product, the basket and checkout's first step (the last two with that basket's cookie).

It prints one table, each figure against its goal (issue 15), misses marked, and the accessibility audits each page
fails. A miss fails the run only with --strict (or FRONTEND_STRICT=1; FRONTEND_STRICT=page, as CI runs it: only a
miss of KB, requests, CLS or accessibility). Scores depend on the machine's speed:
Lighthouse's warning about a slow CPU is printed when it gives one.
"""

import argparse
import contextlib
import gzip
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import requests
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from oscar.core.loading import get_model

from catalog.models import NEWEST
from vietnam.processes import stop

Product = get_model("catalogue", "Product")

LIGHTHOUSE = Path(settings.BASE_DIR) / "tools" / "frontend-check" / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
# Headless, and without the sandbox, which Chromium cannot make when it runs as root (as CI does).
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage"
BASKET_URL = "/shop/basket/"
CHECKOUT_URL = "/shop/checkout/"
KB = 1024


@dataclass(frozen=True)
class Goal:
    """One column of the table: its heading, the figure a page must reach (at most or at least), how it is shown."""

    heading: str
    at_most: float | None = None
    at_least: float | None = None
    decimals: int = 0

    def met_by(self, value):
        if self.at_most is not None:
            return value <= self.at_most
        return value >= self.at_least

    def shown(self):
        if self.at_most is not None:
            return f"≤{self.at_most}"
        return f"≥{self.at_least}" if self.at_least < 100 else f"{self.at_least}"


GOALS = {
    "kilobytes": Goal("KB", at_most=300),
    "requests": Goal("requests", at_most=15),
    "performance": Goal("performance", at_least=95),
    "lcp_seconds": Goal("LCP s", at_most=2.0, decimals=1),
    "cls": Goal("CLS", at_most=0.05, decimals=3),
    "accessibility": Goal("accessibility", at_least=100),
}
# What a page is made of, which a busy machine does not change (its scores and timings it does): what
# FRONTEND_STRICT=page holds to its goals, as CI does.
PAGE_FIGURES = {"kilobytes", "requests", "cls", "accessibility"}
STRICTNESS = {"1": set(GOALS), "page": PAGE_FIGURES}
# The accessibility audits listed under the table, per page, the weightiest first.
AUDITS_SHOWN = 8


class Command(BaseCommand):
    help = "Lighthouse (mobile) on the demo served as in production: home, catalogue, product, basket, checkout."

    def add_arguments(self, parser):
        parser.add_argument(
            "--scratch",
            type=Path,
            help="Make the site in this folder and keep it: a second run reuses its database and static files "
            "(much faster). By default a temporary folder, removed at the end.",
        )
        parser.add_argument(
            "--strict",
            action="store_const",
            const=set(GOALS),
            default=STRICTNESS.get(os.environ.get("FRONTEND_STRICT", ""), set()),
            help="Fail (exit 1) when a page misses a goal. Also set by FRONTEND_STRICT=1; FRONTEND_STRICT=page fails "
            "only on what a page is made of (KB, requests, CLS, accessibility), not on the machine's speed.",
        )
        # Run by the check in the scratch site's environment: prints the pages to visit there, as JSON.
        parser.add_argument("--pages-of-this-database", action="store_true", help=argparse.SUPPRESS)

    def handle(self, *args, scratch, strict, pages_of_this_database, **options):
        if pages_of_this_database:
            self.stdout.write(json.dumps(demo_products()))
            return
        lighthouse, chromium = os.environ.get("LIGHTHOUSE", str(LIGHTHOUSE)), os.environ.get("CHROME_PATH", CHROMIUM)
        if not Path(lighthouse).exists():
            raise CommandError(f"No Lighthouse at {lighthouse}: `make frontend-check` installs it (npm ci).")
        if not shutil.which(chromium):
            raise CommandError(f"No Chromium at {chromium} (apt-get install chromium, or set CHROME_PATH).")
        started = time.monotonic()
        with contextlib.ExitStack() as stack:
            if scratch is None:
                scratch = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="frontend-check-")))
            scratch.mkdir(parents=True, exist_ok=True)
            site = ScratchSite(scratch, report=self.stdout.write)
            site.build()
            base_url = stack.enter_context(site.served())
            pages = site.pages(base_url)
            self.stdout.write(f"Site ready in {time.monotonic() - started:.0f} s; Lighthouse on {len(pages)} pages…")
            reports = {}
            for name, (url, cookie) in pages.items():
                self.stdout.write(f"  {name}: {url}")
                reports[name] = run_lighthouse(lighthouse, chromium, url, cookie, scratch / f"{name}.json")
            html_sizes = {name: html_size(url, cookie) for name, (url, cookie) in pages.items()}
        self.stdout.write(f"Measured in {time.monotonic() - started:.0f} s.")
        self.print_results(reports, html_sizes, strict)

    def print_results(self, reports, html_sizes, strict):
        """The table, the HTML's sizes, the failed accessibility audits; fails on a miss of a figure in `strict`
        (a set of GOALS' keys; True for all of them)."""
        results = {name: figures_of(report) for name, report in reports.items()}
        self.print_table(results)
        self.print_html_sizes(html_sizes)
        self.print_accessibility(reports)
        self.print_conditions(reports)
        held = set(GOALS) if strict is True else set(strict or ())
        misses = sum(
            not GOALS[key].met_by(value)
            for figures in results.values()
            for key, value in figures.items()
            if key in held
        )
        if misses:
            raise CommandError(f"{misses} figures miss their goal ({', '.join(sorted(held))} held to them).")

    def print_table(self, results):
        columns = list(GOALS)
        rows = [
            ["page", *(GOALS[key].heading for key in columns)],
            ["goal", *(GOALS[key].shown() for key in columns)],
        ]
        for name, figures in results.items():
            cells = []
            for key in columns:
                goal, value = GOALS[key], figures[key]
                cells.append(f"{value:,.{goal.decimals}f}" + ("" if goal.met_by(value) else " ✗"))
            rows.append([name, *cells])
        widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
        self.stdout.write("")
        for index, row in enumerate(rows):
            self.stdout.write(
                "| " + " | ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)) + " |"
            )
            if index == 0:
                self.stdout.write("|" + "|".join("-" * (width + 2) for width in widths) + "|")
        misses = sum(cell.endswith("✗") for row in rows[2:] for cell in row)
        self.stdout.write(f"✗: a miss ({misses} of {len(results) * len(columns)} figures).")

    def print_html_sizes(self, html_sizes):
        self.stdout.write("")
        self.stdout.write("The pages' HTML, plain and gzipped (as sent to a browser that takes gzip):")
        for name, (plain, compressed) in html_sizes.items():
            self.stdout.write(f"  {name}: {plain / KB:.1f} KB, gzipped {compressed / KB:.1f} KB")

    def print_accessibility(self, reports):
        self.stdout.write("")
        self.stdout.write("Accessibility audits failed (Lighthouse's axe-core), the weightiest first:")
        for name, report in reports.items():
            failed = failed_accessibility_audits(report)
            if not failed:
                self.stdout.write(f"  {name}: none")
            for audit_id, title, count in failed[:AUDITS_SHOWN]:
                found = f" ({count} element{'s' if count > 1 else ''})" if count else ""
                self.stdout.write(f"  {name}: {audit_id} — {title}{found}")

    def print_conditions(self, reports):
        report = next(iter(reports.values()))
        throttling = report["configSettings"]["throttling"]
        environment = report["environment"]
        self.stdout.write("")
        self.stdout.write(
            f"Lighthouse {report['lighthouseVersion']}, {report['configSettings']['formFactor']}, "
            f"{report['configSettings']['throttlingMethod']}d throttling ({throttling['rttMs']:.0f} ms, "
            f"{throttling['throughputKbps'] / 1024:.1f} Mbit/s, CPU ×{throttling['cpuSlowdownMultiplier']:.0f}); "
            f"{environment['hostUserAgent'].split(') ')[-1]}; this machine's benchmark index "
            f"{environment['benchmarkIndex']:.0f}."
        )
        warnings = {warning for report in reports.values() for warning in report.get("runWarnings", [])}
        for warning in sorted(warnings):
            self.stdout.write(f"Lighthouse warns: {warning.split(' Learn more')[0]}")


class ScratchSite:
    """The demo's site in a folder of its own, as production runs it; every step a process of its own."""

    def __init__(self, folder, report):
        self.folder = folder
        self.report = report
        self.port = free_port()
        self.environment = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "shop.settings",
            "DEBUG": "0",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "DATABASE_URL": f"sqlite:///{folder / 'demo.sqlite3'}",
            "MEDIA_ROOT": str(folder / "media"),
            "MEDIA_STORAGE_URL": "",
            "STATIC_ROOT": str(folder / "static"),
            "STATICFILES_STORAGE": "whitenoise.storage.CompressedManifestStaticFilesStorage",
            # The cache local to the one server process, so the run needs no Redis; tasks (thumbnails) at once.
            "REDIS_URL": "",
            "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
            "SITE_DOMAIN": f"127.0.0.1:{self.port}",
            "SITE_SCHEME": "http",
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "0",
            "SECURE_COOKIES": "0",
        }

    def build(self):
        """The database migrated and the demo loaded (photos and thumbnails), beside the static files collected."""
        self.report("Making the demo's site in a scratch folder (migrate, load_demo_data, collectstatic)…")
        collecting = self.start("collectstatic", "--no-input", "--verbosity", "0")
        try:
            self.run("migrate", "--no-input", "--verbosity", "0")
            self.run("load_demo_data", "--force", "--verbosity", "0")
        finally:
            output, _ = collecting.communicate()
        if collecting.returncode:
            raise CommandError(f"collectstatic failed:\n{output[-3000:]}")

    def start(self, *arguments):
        return subprocess.Popen(
            [sys.executable, "manage.py", *arguments],
            cwd=settings.BASE_DIR,
            env=self.environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )

    def run(self, *arguments):
        process = self.start(*arguments)
        output, _ = process.communicate()
        if process.returncode:
            raise CommandError(f"manage.py {' '.join(arguments)} failed:\n{output[-3000:]}")
        return output

    @contextlib.contextmanager
    def served(self):
        """gunicorn on the scratch site; yields its base URL. One process, so one page cache, with threads for the
        static files and photos a page asks for at once."""
        log_path = self.folder / "gunicorn.log"
        with open(log_path, "w") as log:
            server = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "shop.wsgi_with_media", f"--bind=127.0.0.1:{self.port}"]
                + ["--workers=1", "--threads=8", "--timeout=120"],
                cwd=settings.BASE_DIR,
                env=self.environment,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
            try:
                base_url = f"http://127.0.0.1:{self.port}"
                wait_until_answering(base_url, server, log_path)
                yield base_url
            finally:
                stop(server)

    def pages(self, base_url):
        """The pages to check, each (URL, the Cookie header to send): the anonymous pages warmed into the page
        cache, then the basket and checkout with a basket of two products of two sellers put in through the site."""
        products = json.loads(self.run("frontend_check", "--pages-of-this-database").strip().splitlines()[-1])
        anonymous = {"home": "/", "catalogue": "/shop/catalogue/", "product": products[0]["url"]}
        for url in anonymous.values():
            for _ in range(2):  # the first makes the page (and any thumbnail), the second is served as kept
                requests.get(base_url + url, timeout=60).raise_for_status()
        cookie = fill_basket(base_url, products)
        return {
            **{name: (base_url + url, "") for name, url in anonymous.items()},
            "basket": (base_url + BASKET_URL, cookie),
            "checkout": (base_url + CHECKOUT_URL, cookie),
        }


def demo_products():
    """Two products, with a photo and in stock, of two sellers: the newest one the catalogue shows, and the newest
    of another seller; each as {"url", "pk"}."""
    products = (
        Product.objects.browsable()
        .of_public_sellers()
        .in_stock()
        .filter(images__isnull=False)
        .distinct()
        .sorted_by(NEWEST)
    )
    first = products.first()
    if first is None:
        raise CommandError("The demo has no product in stock with a photo.")
    second = products.exclude(seller=first.seller).first()
    if second is None:
        raise CommandError("The demo has no second seller with a product in stock.")
    return [{"url": product.get_absolute_url(), "pk": product.pk} for product in (first, second)]


def fill_basket(base_url, products):
    """Puts one of each product in a new visitor's basket through the product page's form; her Cookie header.

    The form's token is the CSRF cookie's, as the page cache's script sends it (a kept page's token is not hers).
    """
    browser = requests.Session()
    for product in products:
        browser.get(base_url + product["url"], timeout=60).raise_for_status()
        added = browser.post(
            f"{base_url}/shop/basket/add/{product['pk']}/",
            {"csrfmiddlewaretoken": browser.cookies[settings.CSRF_COOKIE_NAME], "quantity": 1},
            headers={"Referer": base_url + product["url"]},
            timeout=60,
        )
        added.raise_for_status()
    basket = browser.get(base_url + BASKET_URL, timeout=60)
    if basket.text.count('name="form-') < 2:  # Oscar's basket formset: one form per line
        raise CommandError("The basket did not take both products.")
    return "; ".join(f"{name}={value}" for name, value in browser.cookies.items())


def run_lighthouse(lighthouse, chromium, url, cookie, output, attempts=2):
    """Lighthouse's report (its JSON, read) of one load of `url`, with its default mobile settings.

    A load whose trace Chromium failed to record (NO_NAVSTART and the like, seen on a busy machine) is tried again.
    """
    command = [
        lighthouse,
        url,
        "--output=json",
        f"--output-path={output}",
        "--only-categories=performance,accessibility",
        f"--chrome-flags={CHROME_FLAGS}",
        "--quiet",
    ]
    if cookie:
        command.append(f"--extra-headers={json.dumps({'Cookie': cookie})}")
    for attempt in range(1, attempts + 1):
        output.unlink(missing_ok=True)
        finished = subprocess.run(
            command, env={**os.environ, "CHROME_PATH": chromium}, capture_output=True, text=True, timeout=180
        )
        report = json.loads(output.read_text()) if output.exists() else None
        failure = finished.stderr[-3000:] if finished.returncode or report is None else None
        if report and report.get("runtimeError"):
            failure = report["runtimeError"]["message"]
        if failure is None:
            return report
        if attempt < attempts:
            print(f"    Lighthouse failed ({failure.strip().splitlines()[-1]}); once more…", file=sys.stderr)
    raise CommandError(f"Lighthouse failed on {url}:\n{failure}")


def figures_of(report):
    """The table's figures of one report: what was sent on the first load, and the scores and timings."""
    audits, categories = report["audits"], report["categories"]
    diagnostics = audits["diagnostics"]["details"]["items"][0]
    return {
        "kilobytes": diagnostics["totalByteWeight"] / KB,
        "requests": diagnostics["numRequests"],
        "performance": round(categories["performance"]["score"] * 100),
        "lcp_seconds": audits["largest-contentful-paint"]["numericValue"] / 1000,
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "accessibility": round(categories["accessibility"]["score"] * 100),
    }


def failed_accessibility_audits(report):
    """(id, title, elements found) of each accessibility audit that counts in the score and failed, weightiest first."""
    audits = report["audits"]
    refs = sorted(report["categories"]["accessibility"]["auditRefs"], key=lambda ref: -ref["weight"])
    failed = []
    for ref in refs:
        audit = audits[ref["id"]]
        if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
            items = (audit.get("details") or {}).get("items", [])
            failed.append((ref["id"], audit["title"], len(items)))
    return failed


def html_size(url, cookie):
    """(plain, gzipped) bytes of the page's HTML as the server sends it, without and with Accept-Encoding: gzip."""
    headers = {"Cookie": cookie} if cookie else {}
    plain = requests.get(url, headers={**headers, "Accept-Encoding": "identity"}, timeout=60, stream=True)
    compressed = requests.get(url, headers={**headers, "Accept-Encoding": "gzip"}, timeout=60, stream=True)
    plain_bytes = plain.raw.read(decode_content=False)
    compressed_bytes = compressed.raw.read(decode_content=False)
    if compressed.headers.get("Content-Encoding") == "gzip":
        gzip.decompress(compressed_bytes)  # a broken stream fails here rather than in the figures
    return len(plain_bytes), len(compressed_bytes)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_answering(base_url, server, log_path, seconds=90):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            break
        with contextlib.suppress(requests.ConnectionError):
            requests.get(f"{base_url}/health/ready/", timeout=10)
            return
        time.sleep(0.3)
    raise CommandError(f"gunicorn did not answer on {base_url}:\n{log_path.read_text()[-3000:]}")
