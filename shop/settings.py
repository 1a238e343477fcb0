"""Settings of Chợ OCOP Cao Bằng, filled from the environment (see .env.example)."""

from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlsplit

import environ
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from oscar.defaults import *  # noqa: F403  (Oscar's OSCAR_* defaults, overridden below)

from shop.media import media_storage, media_url

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
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver", SITE_DOMAIN.split(":")[0]])
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
    "basket.apps.BasketConfig",  # replaces oscar.apps.basket
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
    "axes",  # failed logins, counted per account and per address (users/lockouts.py)
    "csp",  # django-csp: its checks of the policy's settings
    "django_tasks_db",  # the queue of background work, when TASKS_BACKEND names its DatabaseBackend
    "health_check",  # /health/'s page (shop/health.py) and `manage.py health_check health`
    "demo.apps.DemoConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages gzipped for a browser that takes it, with Django's BREACH mitigation (up to 100 random bytes in each
    # gzip header; CSRF tokens masked). After WhiteNoise, whose static files are compressed once at collectstatic
    # and go out as they are; before every middleware that writes the body (the page cache keeps pages plain,
    # so a kept page is compressed for a browser that takes gzip and sent plain to one that does not).
    "django.middleware.gzip.GZipMiddleware",
    # The Content-Security-Policy of every page, and the staff's admin areas' own (shop/csp.py).
    "shop.csp.ContentSecurityPolicyMiddleware",
    # An anonymous visitor's kept page, before anything reads the session or the database (shop/pagecache.py).
    "shop.pagecache.KeptPageMiddleware",
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
    "basket.middleware.BasketMiddleware",
    # Keeps anonymous visitors' pages for the middleware above: after CSRF and the basket (shop/pagecache.py).
    "shop.pagecache.PageCacheMiddleware",
    "django.contrib.flatpages.middleware.FlatpageFallbackMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as axes asks: a login refused for too many failures gets its page (users/lockouts.py).
    "axes.middleware.AxesMiddleware",
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
                # Oscar's search_form is left out: it made a Haystack form for every page, and none shows it.
                "oscar.apps.checkout.context_processors.checkout",
                "shop.context_processors.notifications",  # Oscar's, counted only where shown
                "oscar.core.context_processors.metadata",
                "shop.context_processors.marketplace",
                "sellers.context_processors.seller_portal",
            ],
        },
    },
]

# Django's form renderer, with plain inputs written in Python (shop/renderers.py).
FORM_RENDERER = "shop.renderers.FormRenderer"

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
# Seconds the cache may take to connect, and to answer, before a page goes on without it.
REDIS_TIMEOUT = env.float("REDIS_TIMEOUT", default=0.25)
# Once it has not answered, pages skip it for this many seconds before one tries it again (shop/cache.py).
REDIS_RETRY_AFTER = env.float("REDIS_RETRY_AFTER", default=5)
# The cache in Redis (django-redis). One that does not answer is one that has nothing (IGNORE_EXCEPTIONS), so
# pages come from the database, and sessions too (cached_db keeps them there); shop/cache.py logs the outage once.
REDIS_CACHE = {
    "BACKEND": "django_redis.cache.RedisCache",
    "LOCATION": REDIS_URL,
    "OPTIONS": {
        "IGNORE_EXCEPTIONS": True,
        "SOCKET_CONNECT_TIMEOUT": REDIS_TIMEOUT,
        "SOCKET_TIMEOUT": REDIS_TIMEOUT,
        "CONNECTION_POOL_CLASS": "shop.cache.OutageReportingPool",
    },
}
if REDIS_URL:
    CACHES = {"default": {**REDIS_CACHE}}
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# How long an anonymous visitor's storefront page is kept in the cache (shop/pagecache.py); 0 keeps none.
# Changes to what a page shows (price, stock, publishing, a seller's approval) make it afresh at once.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)
# How long a product's card is kept drawn in each server's memory (catalog/cards.py), for every visitor; 0 keeps none.
CARD_CACHE_SECONDS = env.int("CARD_CACHE_SECONDS", default=600)

AUTH_USER_MODEL = "users.User"
# Axes' check first: a locked account or address is refused before any password is tried.
AUTHENTICATION_BACKENDS = ["users.backends.LoginLimitBackend", "users.backends.EmailOrPhoneBackend"]
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
# locale/: our strings (makemessages); locale-vendor/: Vietnamese for Oscar's, Wagtail's and Django's strings that
# their catalogues lack or word badly. Both beat every app's catalogue; the first wins over the second.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale-vendor"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
PHONENUMBER_DEFAULT_REGION = "VN"

# The one-time codes that verify a phone number (users/verification.py) go out by text message: the console
# sender prints them (the demo); users.sms.SpeedSMSSender sends them through SpeedSMS.vn's API.
PHONE_CODE_SENDER = env("PHONE_CODE_SENDER", default="users.sms.ConsoleSender")
SPEEDSMS_URL = env("SPEEDSMS_URL", default="https://api.speedsms.vn/index.php/sms/send")
SPEEDSMS_ACCESS_TOKEN = env("SPEEDSMS_ACCESS_TOKEN", default="")
# 2: from a random number; 3: from SPEEDSMS_SENDER, a brandname registered with SpeedSMS; 4: SpeedSMS's own.
SPEEDSMS_SMS_TYPE = env.int("SPEEDSMS_SMS_TYPE", default=3)
SPEEDSMS_SENDER = env("SPEEDSMS_SENDER", default="")

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
# sorl writes thumbnails beside the photos, in STORAGES["default"] (the bucket, with MEDIA_STORAGE_URL).
THUMBNAIL_STORAGE = "default"
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
MARKETPLACE_PROGRAMME = env("MARKETPLACE_PROGRAMME", default="Hội Liên hiệp Phụ nữ tỉnh Cao Bằng")

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
# Page addresses are ASCII (/cau-chuyen/chi-hoa-va-.../): the admin's slug autofill transliterates, and cms/models.py
# does the same on the server with the project's slugify (đ becomes d).
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# Staff avatars are not fetched from gravatar.com, which would send a hash of their email to another site.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Nor does it ask releases.wagtail.org for a newer version (its policy lets it reach this site only);
# Wagtail is upgraded through requirements.txt.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif", "heic"]

SITE_ID = 1

# Each seller's log of what staff changed in her shop (django-auditlog; sellers/audit.py says what).
AUDITLOG_LOGENTRY_MODEL = "partner.SellerLogEntry"

# Static and media files
STATIC_URL = "/static/"
# Where collectstatic writes the files WhiteNoise serves (`make frontend-check` collects into a scratch folder).
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
# Uploads (product photos, sellers' photos, stories' images) and their thumbnails and renditions: on the file
# system under MEDIA_ROOT, or, with MEDIA_STORAGE_URL (s3://bucket?region_name=… or ?endpoint_url=…), in an
# S3-compatible bucket that every app server shares (shop/media.py says what it takes and its defaults).
MEDIA_STORAGE_URL = env("MEDIA_STORAGE_URL", default="")
_MEDIA_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
if MEDIA_STORAGE_URL:
    _MEDIA_STORAGE = media_storage(MEDIA_STORAGE_URL)
    MEDIA_URL = media_url(_MEDIA_STORAGE)
STORAGES = {
    "default": _MEDIA_STORAGE,
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
# On the queue an email or import that fails runs again after each of these delays, in seconds
# (1 min, 5 min, 30 min, 2 h: five attempts in all), then stays failed (vietnam/retrying.py).
TASK_RETRY_DELAYS = env.list("TASK_RETRY_DELAYS", cast=int, default=[60, 300, 1800, 7200])
# The queue's results of finished tasks are deleted after this many days, failed ones after twice as many.
TASK_RESULTS_KEPT_DAYS = env.int("TASK_RESULTS_KEPT_DAYS", default=14)
# /health/ reports the queue failing when a task has waited longer than this for a worker (shop/health.py).
TASKS_HEALTHY_WAIT = timedelta(minutes=env.int("TASKS_HEALTHY_WAIT_MINUTES", default=10))

# Security: values are production-safe unless the environment relaxes them.
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=False)
SESSION_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=False)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
# Behind a proxy that terminates TLS: it says the scheme, and the visitor's address (the limits below count it).
BEHIND_PROXY = env.bool("BEHIND_PROXY", default=False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_PROXY else None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Wagtail's live preview shows the page in a same-origin frame, so DENY would break it.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = ["security.W019"]

# Failed logins (django-axes; users/lockouts.py says how they are counted). LOGIN_FAILURE_LIMIT wrong passwords
# for one account (its email, or its phone however written), or LOGIN_FAILURE_LIMIT_PER_ADDRESS from one address,
# within LOGIN_COOLOFF_MINUTES of each other lock logging in there until that long after the last; a right
# password forgets the account's. Counted in the database, so a login does not depend on the cache.
LOGIN_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
LOGIN_FAILURE_LIMIT_PER_ADDRESS = env.int("LOGIN_FAILURE_LIMIT_PER_ADDRESS", default=30)
AXES_FAILURE_LIMIT = LOGIN_FAILURE_LIMIT
AXES_COOLOFF_TIME = timedelta(minutes=env.int("LOGIN_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_HANDLER = "users.lockouts.LoginLimitHandler"
AXES_USERNAME_CALLABLE = "users.lockouts.account_of"
AXES_CLIENT_IP_CALLABLE = "users.ratelimits.client_network"
AXES_LOCKOUT_CALLABLE = "users.lockouts.locked_out_page"
AXES_RESET_ON_SUCCESS = False  # LoginLimitHandler forgets the account's failures, not the address's
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False  # so the time she is shown holds
AXES_DISABLE_ACCESS_LOG = True  # no row for every successful login
# Kept out of the attempts' copy of the form: the shop's login fields have Oscar's prefix.
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "login-username", "login-password", "csrfmiddlewaretoken"]

# Forms anyone may send: at most this many accepted submissions from one address in the period (django-ratelimit's
# "count/period", counted in the cache; users/ratelimits.py). Union staff applying for a seller are not counted.
SUBMISSION_LIMITS = {"password-reset": "5/h", "registration": "5/h", "seller-application": "3/h", "guest-order": "20/h"}
RATELIMIT_IP_META_KEY = "users.ratelimits.client_network"
RATELIMIT_FAIL_OPEN = True  # a cache that does not answer lets the form through
# Content-Security-Policy (django-csp). The storefront, the stories and the seller portal run only the
# site's own scripts and styles, and the inline ones that carry the request's nonce
# (nonce="{{ request.csp_nonce }}"): no inline event handler, no style="" attribute, no eval.
# Static files and media may be served from another host (an object storage's MEDIA_URL).
_ASSET_HOSTS = sorted({f"{url.scheme}://{url.netloc}" for url in map(urlsplit, [STATIC_URL, MEDIA_URL]) if url.netloc})
# Players a story's video block embeds (Wagtail's oEmbed finders); a provider's own <script> stays blocked.
_VIDEO_HOSTS = env.list(
    "CSP_VIDEO_HOSTS",
    default=[
        "https://www.youtube.com",
        "https://www.youtube-nocookie.com",
        "https://player.vimeo.com",
        "https://www.facebook.com",
    ],
)
_DIRECTIVES = {
    "default-src": [SELF],
    "script-src": [SELF, NONCE, *_ASSET_HOSTS],
    "style-src": [SELF, NONCE, *_ASSET_HOSTS],
    "img-src": [SELF, "data:", *_ASSET_HOSTS],
    "font-src": [SELF, *_ASSET_HOSTS],
    "media-src": [SELF, *_ASSET_HOSTS],
    "connect-src": [SELF],
    "frame-src": _VIDEO_HOSTS,
    "object-src": [NONE],
    "base-uri": [SELF],
    # "Đặt hàng" and the card order's pay button post here and are redirected to Stripe's Checkout,
    # which form-action governs too.
    "form-action": [SELF, "https://checkout.stripe.com"],
    "frame-ancestors": [NONE],
    # A site served over HTTPS never loads anything over plain HTTP.
    "upgrade-insecure-requests": SITE_SCHEME == "https",
    # Browsers report what the policy blocked; shop/csp.py logs it (or CSP_REPORT_URI's collector).
    "report-uri": env("CSP_REPORT_URI", default="/csp-report/") or None,
}
# CSP_REPORT_ONLY=1 (a first deploy) sends the same policy as Content-Security-Policy-Report-Only:
# browsers report what it would block, and block nothing. (Not a setting: django-csp's check takes a
# CSP_REPORT_ONLY setting for one of its version 3.)
if env.bool("CSP_REPORT_ONLY", default=False):
    CONTENT_SECURITY_POLICY = None
    CONTENT_SECURITY_POLICY_REPORT_ONLY = {"DIRECTIVES": _DIRECTIVES}
else:
    CONTENT_SECURITY_POLICY = {"DIRECTIVES": _DIRECTIVES}
    CONTENT_SECURITY_POLICY_REPORT_ONLY = None
# The staff's admin areas, whose scripts are Wagtail's, Oscar's dashboard's and Django's: they write
# inline scripts, style="" attributes and event handlers, and show uploads as blob: images before
# sending them. Under these prefixes (and on Wagtail's previews: shop/csp.py) the directives below
# replace the storefront's. No nonce here: a nonce in a directive makes browsers ignore its 'unsafe-inline'.
# /health/ is the operators' too: django-health-check's page has an inline <style> without a nonce.
CONTENT_SECURITY_POLICY_STAFF_PATHS = ["/cms/", "/shop/dashboard/", "/django-admin/", "/health/"]
CONTENT_SECURITY_POLICY_STAFF = {
    "script-src": [SELF, UNSAFE_INLINE, *_ASSET_HOSTS],
    "style-src": [SELF, UNSAFE_INLINE, *_ASSET_HOSTS],
    "img-src": [SELF, "data:", "blob:", *_ASSET_HOSTS],
    # Wagtail's preview of a page being edited, and of an embed, in a frame of the editor.
    "frame-src": [SELF, *_VIDEO_HOSTS],
    "frame-ancestors": [SELF],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
}
