"""Settings of Chợ OCOP Cao Bằng, filled from the environment (see .env.example)."""

from decimal import Decimal
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from oscar.defaults import *  # noqa: F403  (Oscar's OSCAR_* defaults, overridden below)

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env")

DEBUG = env.bool("DEBUG", default=False)
# The demo's key is public, and with it anyone can forge what Django signs (sessions, password resets,
# a card order's pay page): only a local demo with DEBUG on runs on it. With DEBUG off the site refuses
# to start without a key of its own (none, or any "django-insecure-" key, which Django marks as made up).
_DEMO_SECRET_KEY = "django-insecure-local-demo-key-change-me"
SECRET_KEY = env("SECRET_KEY", default=_DEMO_SECRET_KEY if DEBUG else "")
if not DEBUG and (not SECRET_KEY.strip() or SECRET_KEY.startswith("django-insecure-")):
    raise ImproperlyConfigured(
        "DEBUG is off and SECRET_KEY is empty or a made-up 'django-insecure-' key, such as the demo's public "
        "one. Set SECRET_KEY to a long random string of this site's own "
        "(python -c 'import secrets; print(secrets.token_urlsafe(50))'), or DEBUG=1 for a local demo."
    )
SITE_DOMAIN = env("SITE_DOMAIN", default="127.0.0.1:8000")
SITE_NAME = env("SITE_NAME", default="Chợ OCOP Cao Bằng")
# How the public reaches the site; links in emails and Wagtail's Site record follow it.
SITE_SCHEME = env("SITE_SCHEME", default="http")
ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver", SITE_DOMAIN.split(":")[0]]
)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.flatpages",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "users.apps.UsersConfig",
    "shop.apps.ShopConfig",
    "oscar.config.Shop",
    "oscar.apps.analytics.apps.AnalyticsConfig",
    "checkout.apps.CheckoutConfig",  # replaces oscar.apps.checkout
    "address.apps.AddressConfig",  # replaces oscar.apps.address
    "shipping.apps.ShippingConfig",  # replaces oscar.apps.shipping
    "catalog.apps.CatalogueConfig",  # replaces oscar.apps.catalogue
    "oscar.apps.catalogue.reviews.apps.CatalogueReviewsConfig",
    "oscar.apps.communication.apps.CommunicationConfig",
    "sellers.apps.PartnerConfig",  # replaces oscar.apps.partner
    "oscar.apps.basket.apps.BasketConfig",
    "oscar.apps.payment.apps.PaymentConfig",
    "payments.apps.PaymentsConfig",  # our payments (label "payments"): Stripe events, card sessions
    "oscar.apps.offer.apps.OfferConfig",
    "orders.apps.OrderConfig",  # replaces oscar.apps.order
    "ledger.apps.LedgerConfig",  # each seller's money: credits, withholding, payouts
    "customer.apps.CustomerConfig",  # replaces oscar.apps.customer
    "oscar.apps.search.apps.SearchConfig",
    "oscar.apps.voucher.apps.VoucherConfig",
    "oscar.apps.wishlists.apps.WishlistsConfig",
    "dashboard.apps.DashboardConfig",  # replaces oscar.apps.dashboard
    "oscar.apps.dashboard.reports.apps.ReportsDashboardConfig",
    "oscar.apps.dashboard.users.apps.UsersDashboardConfig",
    "dashboard.orders.apps.OrdersDashboardConfig",  # replaces oscar.apps.dashboard.orders
    "dashboard.catalogue.apps.CatalogueDashboardConfig",  # replaces oscar.apps.dashboard.catalogue
    "oscar.apps.dashboard.offers.apps.OffersDashboardConfig",
    "dashboard.partners.apps.PartnersDashboardConfig",  # replaces oscar.apps.dashboard.partners
    "oscar.apps.dashboard.pages.apps.PagesDashboardConfig",
    "oscar.apps.dashboard.ranges.apps.RangesDashboardConfig",
    "oscar.apps.dashboard.reviews.apps.ReviewsDashboardConfig",
    "oscar.apps.dashboard.vouchers.apps.VouchersDashboardConfig",
    "oscar.apps.dashboard.communications.apps.CommunicationsDashboardConfig",
    "oscar.apps.dashboard.shipping.apps.ShippingDashboardConfig",
    "widget_tweaks",
    # Haystack before wagtail.search: both define update_index (STACK-NOTES).
    "haystack",
    "treebeard",
    "sorl.thumbnail",
    "django_tables2",
    "cms.apps.CmsConfig",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "auditlog",
    "django_tasks_db",  # the queue of background work, when TASKS_BACKEND names its DatabaseBackend
    "demo.apps.DemoConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "shop.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Staff's changes to sellers' shops go into their logs, with who made them (sellers/audit.py).
    "sellers.audit.AuditMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # After authentication and messages (STACK-NOTES).
    "oscar.apps.basket.middleware.BasketMiddleware",
    "django.contrib.flatpages.middleware.FlatpageFallbackMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "shop.urls"
WSGI_APPLICATION = "shop.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # shop/templates is found as the shop app's (listed before Oscar): naming it in DIRS too made an
        # override that extends its Oscar namesake extend itself once more, showing block.super twice.
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.template.context_processors.i18n",
                "django.contrib.messages.context_processors.messages",
                "oscar.apps.search.context_processors.search_form",
                "oscar.apps.checkout.context_processors.checkout",
                "oscar.apps.communication.notifications.context_processors.notifications",
                "oscar.core.context_processors.metadata",
                "shop.context_processors.marketplace",
                "sellers.context_processors.seller_portal",
            ],
        },
    },
]

# Databases: SQLite is the embedded default; DATABASE_URL switches to PostgreSQL.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers work beside a writer; IMMEDIATE makes concurrent writers
    # wait for the lock (up to the timeout) instead of failing mid-transaction.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"

REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_USER_MODEL = "users.User"
AUTHENTICATION_BACKENDS = ["users.backends.EmailOrPhoneBackend"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_REDIRECT_URL = "/shop/accounts/"
LOGIN_URL = "/shop/accounts/login/"

# Language, time and money
LANGUAGE_CODE = "vi"
# British English, as Oscar writes it ("basket"); Oscar's "en" catalogue is American ("cart").
LANGUAGES = [("vi", "Tiếng Việt"), ("en-gb", "English")]
# locale/: our strings (makemessages); locale-vendor/: Oscar's and Wagtail's strings their catalogues lack.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale-vendor"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
PHONENUMBER_DEFAULT_REGION = "VN"

OSCAR_DEFAULT_CURRENCY = "VND"
# Vietnamese form everywhere, in either language: 125.000 ₫ and never decimals.
OSCAR_CURRENCY_FORMAT = {"VND": {"format": "#,##0\xa0¤", "locale": "vi_VN"}}
OSCAR_SHOP_NAME = SITE_NAME
OSCAR_URL_SCHEMA = SITE_SCHEME  # links in Oscar's emails (stock alerts, orders)
OSCAR_SHOP_TAGLINE = env("SITE_TAGLINE", default="Đặc sản OCOP từ những người phụ nữ Cao Bằng")
OSCAR_HOMEPAGE = "/"
OSCAR_SLUG_FUNCTION = "vietnam.text.slugify"
OSCAR_SLUG_ALLOW_UNICODE = False
OSCAR_PRODUCTS_PER_PAGE = 24
# A review shows once union staff have approved it in the dashboard.
OSCAR_MODERATE_REVIEWS = True
# Discounts in whole đồng, so totals stay whole đồng (vietnam/money.py).
OSCAR_OFFER_ROUNDING_FUNCTION = "vietnam.money.round_discount_to_dong"
OSCAR_REQUIRED_ADDRESS_FIELDS = ("first_name", "line1", "line4", "country")
OSCAR_ALLOW_ANON_CHECKOUT = True
OSCAR_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="cho-ocop@localhost")
OSCAR_THUMBNAILER = "oscar.core.thumbnails.SorlThumbnail"
OSCAR_MISSING_IMAGE_URL = "image_not_found.jpg"

# Orders: placed before payment, then following their payment and their sellers' shipments. Only
# the moves the order's verbs make (orders/status.py ORDER_PIPELINE, which a test holds equal).
OSCAR_INITIAL_ORDER_STATUS = "Placed"
OSCAR_ORDER_STATUS_PIPELINE = {
    "Pending payment": ["Placed", "Cancelled"],
    "Placed": ["In progress", "Cancelled"],
    "In progress": ["Placed", "Shipped", "Delivered", "Cancelled"],
    "Shipped": ["Delivered"],
    "Delivered": [],
    "Cancelled": [],
}

# Payments (payments/). Card payments are offered only with Stripe keys; a card order
# not paid within STRIPE_ORDER_EXPIRY_MINUTES is cancelled and its stock returned.
STRIPE_SECRET_KEY = env("STRIPE_SECRET_KEY", default="")
STRIPE_PUBLISHABLE_KEY = env("STRIPE_PUBLISHABLE_KEY", default="")
STRIPE_WEBHOOK_SECRET = env("STRIPE_WEBHOOK_SECRET", default="")
STRIPE_ORDER_EXPIRY_MINUTES = env.int("STRIPE_ORDER_EXPIRY_MINUTES", default=60)
# Bank transfers by VietQR go to the marketplace's account (NAPAS bank BIN, e.g. 970405 Agribank).
# Offered only when set; the made-up demo account below stands in only with DEBUG on, so a real
# site that forgets them shows no QR code for an account that is not its own.
_DEMO_ACCOUNT = DEBUG
VIETQR_BANK_BIN = env("VIETQR_BANK_BIN", default="970405" if _DEMO_ACCOUNT else "")
VIETQR_BANK_NAME = env("VIETQR_BANK_NAME", default="Agribank" if _DEMO_ACCOUNT else "")
VIETQR_ACCOUNT_NUMBER = env("VIETQR_ACCOUNT_NUMBER", default="8300205000000" if _DEMO_ACCOUNT else "")
VIETQR_ACCOUNT_NAME = env("VIETQR_ACCOUNT_NAME", default="HOI LHPN TINH CAO BANG" if _DEMO_ACCOUNT else "")

# Sellers' money (ledger/). What the marketplace collects for a seller (transfers, cards, and cash when
# carriers remit it to the marketplace rather than to her) is hers once her parcel is delivered, less
# the commission and, for household sellers, the tax Decree 117/2025/NĐ-CP has the platform withhold
# (VAT 1 %, personal income tax 0.5 % of the goods' value for goods). Rates are fractions.
MARKETPLACE_COMMISSION_RATE = Decimal(env("MARKETPLACE_COMMISSION_RATE", default="0"))  # the Union takes none
TAX_WITHHOLDING_VAT_RATE = Decimal(env("TAX_WITHHOLDING_VAT_RATE", default="0.01"))
TAX_WITHHOLDING_PIT_RATE = Decimal(env("TAX_WITHHOLDING_PIT_RATE", default="0.005"))
# "seller": her carrier hands the cash to her (the marketplace records it, owes nothing);
# "marketplace": carriers remit cash to the Union, which owes it to her like a transfer.
CASH_ON_DELIVERY_REMITTED_TO = env("CASH_ON_DELIVERY_REMITTED_TO", default="seller")

# Marketplace configuration: another province runs its own instance by changing these.
MARKETPLACE_PROVINCE_CODE = env.int("MARKETPLACE_PROVINCE_CODE", default=4)  # Cao Bằng
MARKETPLACE_PROGRAMME = env(
    "MARKETPLACE_PROGRAMME", default="Hội Liên hiệp Phụ nữ tỉnh Cao Bằng"
)

# Product search: a class with search(queryset, query) and suggest(queryset, query, limit);
# the default searches folded columns in the database (catalog/search.py says why).
CATALOG_SEARCH_BACKEND = env("CATALOG_SEARCH_BACKEND", default="catalog.search.DatabaseSearch")

HAYSTACK_CONNECTIONS = {"default": {"ENGINE": "haystack.backends.simple_backend.SimpleEngine"}}
# Nothing to index with the simple backend; the catalogue reads the database directly.
HAYSTACK_SIGNAL_PROCESSOR = "haystack.signals.BaseSignalProcessor"

# Wagtail
WAGTAIL_SITE_NAME = SITE_NAME
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default=f"{SITE_SCHEME}://{SITE_DOMAIN}")
WAGTAIL_I18N_ENABLED = False
# Staff avatars are not fetched from gravatar.com, which would send a hash of their email to another site.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif", "heic"]

SITE_ID = 1

# Each seller's log of what staff changed in her shop (django-auditlog; sellers/audit.py says what).
AUDITLOG_LOGENTRY_MODEL = "partner.SellerLogEntry"

# Static and media files
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": env(
            "STATICFILES_STORAGE",
            default="whitenoise.storage.CompressedManifestStaticFilesStorage",
        )
    },
}

# EMAIL_URL: consolemail:// prints emails (the demo); smtp+tls://user:password@host:587 sends them.
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = OSCAR_FROM_EMAIL
SERVER_EMAIL = OSCAR_FROM_EMAIL

# Background work (emails, expiring unpaid orders, imports of sellers): run at once in the demo and tests.
# In production TASKS_BACKEND=django_tasks_db.DatabaseBackend queues it in the database, and `make worker`
# (manage.py db_worker) runs it, so a 2,000-row import never holds a request.
TASKS = {"default": {"BACKEND": env("TASKS_BACKEND", default="django_tasks.backends.immediate.ImmediateBackend")}}

# Security: values are production-safe unless the environment relaxes them.
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=False)
SESSION_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=False)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env.bool("BEHIND_PROXY", default=False) else None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Wagtail's live preview shows the page in a same-origin frame, so DENY would break it.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = ["security.W019"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
}
