import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from demo.datafiles import DemoDataError
from demo.loading import load_demo_data

# Demo passwords, one per role, for a local demo only: they live here and nowhere else.
DEMO_PASSWORDS = {
    "customer": "demo-khachhang-2026",
    "seller": "demo-nguoiban-2026",
    "editor": "demo-bientap-2026",
    "officer": "demo-canbo-2026",
    "operator": "demo-vanhanh-2026",
}

ROLES = {
    "customer": "customer",
    "seller": "seller",
    "editor": "union editor",
    "officer": "union officer",
    "operator": "operator",
}

URLS = [
    "/",
    "/shop/catalogue/",
    "/shop/basket/",
    "/shop/accounts/login/",
    "/cms/",
    "/seller/",
    "/shop/dashboard/",
    "/django-admin/",
]


class Command(BaseCommand):
    """Load the demo marketplace; a second run finds everything and changes nothing."""

    help = "Load demo sellers of Cao Bằng, their products and pictures, stories, pages and accounts (from demo/data/)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Load even with DEBUG off, though the demo passwords are public."
        )

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                "DEBUG is off, so this may be a real site, and the demo accounts' passwords are public. "
                "Run with DEBUG=1, or pass --force to load the demo anyway."
            )
        self.verbosity = options["verbosity"]
        started = time.monotonic()
        try:
            with transaction.atomic():
                logins = load_demo_data(DEMO_PASSWORDS, report=self.report)
        except DemoDataError as error:
            # A mistake in a data file: the message names the file and the entry, a traceback would bury it.
            raise CommandError(str(error)) from error
        self.print_table(
            ["role", "name", "email", "phone", "password"],
            [[ROLES[login.role], login.name, login.email, login.phone, login.password] for login in logins],
        )
        self.stdout.write("")
        for url in URLS:
            self.stdout.write(f"  http://{settings.SITE_DOMAIN}{url}")
        self.stdout.write(self.style.SUCCESS(f"Demo data loaded in {time.monotonic() - started:.1f} s."))

    def report(self, line):
        if self.verbosity >= 1:
            self.stdout.write(line)

    def print_table(self, header, rows):
        widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows, strict=True)]
        self.stdout.write("")
        for number, row in enumerate([header, *rows]):
            cells = (str(cell).ljust(width) for cell, width in zip(row, widths, strict=True))
            self.stdout.write("  ".join(cells).rstrip())
            if number == 0:
                self.stdout.write("  ".join("-" * width for width in widths))
