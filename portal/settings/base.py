"""Settings shared by every environment. Safe by default: DEBUG off, no secrets.

Everything that differs between machines comes from environment variables, read
through the small helpers at the top of this module.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from portal.search_config import search_backends

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("PORTAL_VAR_DIR", BASE_DIR / "var"))


def env(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name, default):
    """An integer from the environment; anything else stops start-up naming the variable."""
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        number = int(value)
    except ValueError:
        number = -1
    if number < 0:
        raise ImproperlyConfigured(
            f"The environment variable {name} must be a whole number of 0 or more, not {value!r}."
        )
    return number


def env_hosts(name):
    """Host names from a comma-separated variable; "*" (any host) or no names stop start-up."""
    value = os.environ.get(name)
    if value is None:
        return []
    hosts = env_list(name)
    if not hosts and value.strip():
        raise ImproperlyConfigured(f"The environment variable {name} names no host: {value!r}.")
    if any(host.startswith("*") or "/" in host for host in hosts):
        raise ImproperlyConfigured(
            f"The environment variable {name} must list the site's host names, not {value!r}: "
            "a wildcard would accept requests for any host."
        )
    return hosts


def env_database(name, default, **options):
    """A database from a URL in the environment; a malformed URL stops start-up naming it."""
    url = os.environ.get(name, "").strip() or default
    try:
        database = dj_database_url.parse(url, **options)
    except Exception as error:  # dj-database-url raises several kinds for bad URLs
        raise ImproperlyConfigured(
            f"The environment variable {name} is not a valid database URL: {error}"
        ) from error
    if not database.get("NAME"):
        raise ImproperlyConfigured(f"The environment variable {name} names no database.")
    return database


def require_env(name):
    """Return an environment variable or stop start-up with a message naming it."""
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(
            f"The environment variable {name} is required in this environment but is not set."
        )
    return value


DEBUG = False
SECRET_KEY = env("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env_hosts("DJANGO_ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "portal",
    "models_library",
    "training",
    "allauth",
    "allauth.account",
    "portal.search",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.api.v2",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.locales",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "portal.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "models_library.importer.middleware.ImportUploadSizeMiddleware",
    "portal.middleware.LocaleMiddleware",
    "portal.page_cache.PageCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "training.middleware.PrivateResponsesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite under the ignored var/ folder unless DATABASE_URL says otherwise.
DATABASES = {
    "default": env_database("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
                            conn_max_age=60)
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Finnish first, Swedish and English; URLs carry the language prefix.
LANGUAGE_CODE = "fi"
LANGUAGES = [("fi", "Suomi"), ("sv", "Svenska"), ("en", "English")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Helsinki"
USE_I18N = True
USE_TZ = True

# Static files and media.
STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", BASE_DIR / "static_collected"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", VAR_DIR / "media"))
# Trainees' assignment files: outside MEDIA_ROOT, never given a URL; served only through
# the training views that check who asks (training.models.assignments).
PRIVATE_MEDIA_ROOT = Path(env("PRIVATE_MEDIA_ROOT", VAR_DIR / "private"))
TRAINING_UPLOAD_MAX_BYTES = int(env("TRAINING_UPLOAD_MAX_BYTES", str(10 * 1024 * 1024)))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# The importer accepts 5 MB of pasted text (its own limit gives its own message); form
# fields can take three times their size when URL-encoded.
DATA_UPLOAD_MAX_MEMORY_SIZE = 16 * 1024 * 1024

# Caches. "default" is per process (Wagtail's own small lookups). "pages" holds whole
# anonymous responses and is shared by every worker: Redis when REDIS_URL is set (the
# production shape), otherwise files under var/ so the embedded set-up needs nothing more.
REDIS_URL = env("REDIS_URL", "")
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": (
        {
            "BACKEND": "portal.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", "portal"),
            # A stopped or hung Redis must cost little: fail fast, then skip it a while.
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5},
        }
        if REDIS_URL
        else {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache" / "pages"),
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    ),
}

# The shared page cache and HTTP caching of anonymous responses (portal/page_cache.py).
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
PAGE_CACHE_ALIAS = "pages"
PAGE_CACHE_TIMEOUT = int(env("PAGE_CACHE_TIMEOUT", "3600"))  # seconds an entry may live
PAGE_CACHE_MAX_AGE = int(env("PAGE_CACHE_MAX_AGE", "60"))  # browsers' and proxies' max-age
# Bytes of cached pages each worker also keeps in its own memory (0: none).
PAGE_CACHE_LOCAL_BYTES = int(env("PAGE_CACHE_LOCAL_BYTES", str(32 * 1024 * 1024)))
PAGE_CACHE_RETRY_AFTER = 10  # seconds to skip an unreachable cache before trying again
PAGE_CACHE_MAX_QUERY_LENGTH = 512
PAGE_CACHE_MAX_PATH_LENGTH = 512
# Requests carrying these cookies may see per-visitor content and bypass the cache.
PAGE_CACHE_BYPASS_COOKIES = ["sessionid", "messages"]
# Paths never cached: the admin, documents (privacy per collection, large files), and any
# per-user area a feature adds (accounts, training records).
PAGE_CACHE_EXCLUDED_PATHS = ["/admin/", "/django-admin/", "/documents/", "/media/",
                             "/accounts/", "/static/"]
# Trainees' own pages: accounts (sign-up, sign-in, password) and "my studies".
PAGE_CACHE_EXCLUDED_PATHS += [f"/{code}/{area}/" for code, _name in LANGUAGES
                              for area in ("tili", "opinnot")]
# Query parameter names that public views read. A request with any other name is served
# but not stored, so made-up parameters cannot fill the cache. Add your view's names here.
PAGE_CACHE_QUERY_PARAMS = frozenset({
    # library index and compare view
    "page", "sort", "type", "topic", "target_group", "region", "stage", "funder",
    "programme", "m",
    # search
    "q", "query",
    # Wagtail API v2
    "fields", "limit", "offset", "order", "child_of", "descendant_of", "ancestor_of",
    "locale", "translation_of", "search", "search_operator", "html_path", "format", "slug",
    "title", "show_in_menus", "id",
})
# Records shown on public pages that are neither pages, snippets, settings nor
# ParentalKey children of those (portal/content_signals.py); app_label.modelname.
PAGE_CACHE_CONTENT_MODELS = frozenset({
    "wagtailcore.pageviewrestriction", "wagtailcore.collectionviewrestriction",
    "wagtailcore.site", "wagtailcore.locale", "wagtailcore.collection",
    "wagtailimages.image", "wagtaildocs.document", "wagtailredirects.redirect",
    "taggit.tag",
})
# Editing-workflow records that never change what visitors see.
PAGE_CACHE_IGNORED_MODELS = frozenset({
    "wagtailcore.comment", "wagtailcore.commentreply", "wagtailcore.pagesubscription",
    "wagtailcore.revision", "wagtailcore.pagelogentry", "wagtailcore.modellogentry",
    "wagtailcore.taskstate", "wagtailcore.workflowstate", "wagtailcore.referenceindex",
    "wagtailimages.rendition", "wagtailembeds.embed", "portal.contentgeneration",
})
# Non-page URLs a CDN purge includes when WAGTAILFRONTENDCACHE is configured.
PAGE_CACHE_EXTRA_PURGE_PATHS = ["/sitemap.xml", "/api/v2/pages/"]

# Search: the database backend unless a cluster URL is given.
WAGTAILSEARCH_BACKENDS = search_backends(
    env("SEARCH_ENGINE_URL", ""), env("SEARCH_ENGINE", "opensearch"),
    env("SEARCH_INDEX", "tyokykyportaali"),
)

# Wagtail.
WAGTAIL_SITE_NAME = "Työkykyportaali"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "txt", "md", "csv", "xlsx", "ods"]
# Documents keep their extracted text; uploads are checked by content, not by name.
WAGTAILDOCS_DOCUMENT_MODEL = "models_library.PortalDocument"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "models_library.document_forms.PortalDocumentForm"
# Every document is a download (never shown inline on the portal's origin).
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
PORTAL_DOCUMENT_MAX_BYTES = int(env("PORTAL_DOCUMENT_MAX_BYTES", str(25 * 1024 * 1024)))
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# No responsive wrapper: its inline style breaks the CSP; CSS gives frames their ratio.
WAGTAILEMBEDS_RESPONSIVE_HTML = False
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
# Open data carries display HTML (links, documents and embeds resolved), never Wagtail's
# internal rich-text format; applies to RichTextFields and RichTextBlocks alike.
WAGTAILAPI_RICH_TEXT_FORMAT = "html"

# The authority that supervises digital accessibility, named on the accessibility statement.
ACCESSIBILITY_SUPERVISING_AUTHORITY = env(
    "ACCESSIBILITY_SUPERVISING_AUTHORITY", "Lupa- ja valvontavirasto, saavutettavuusvalvonta"
)
ACCESSIBILITY_SUPERVISING_AUTHORITY_URL = env(
    "ACCESSIBILITY_SUPERVISING_AUTHORITY_URL", "https://www.saavutettavuusvaatimukset.fi/"
)

# Security headers that hold everywhere; production.py adds the HTTPS-only ones.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
# Embedded media may come only from these origins (portal/embeds.py rewrites YouTube to
# its privacy-enhanced host and renders anything else as a plain link).
EMBED_FRAME_ORIGINS = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    f"font-src 'self'; frame-src {' '.join(EMBED_FRAME_ORIGINS)}; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
# Wagtail's admin uses inline styles and scripts; it is for signed-in staff only.
CONTENT_SECURITY_POLICY_ADMIN = (
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
    "script-src 'self' 'unsafe-inline' 'unsafe-eval'; object-src 'none'; base-uri 'self'; "
    f"frame-src 'self' {' '.join(EMBED_FRAME_ORIGINS)}; frame-ancestors 'self'"
)

AUTHENTICATION_BACKENDS = [
    # Staff sign in to Wagtail's admin with their username; trainees sign in with e-mail.
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

# Trainee accounts (django-allauth): e-mail and password, the address verified before
# the first sign-in.
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "training:my_studies"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_USER_MODEL_USERNAME_FIELD = "username"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Työkykyportaali] "
# allauth's rate limits (sign-in failures, sign-ups, resets, confirmation mails) are on by
# default and kept that way; they count in the default cache, shared in production.

# Training certificates and the trainees' data (training/privacy.py).
# Public certificate look-ups allowed per visitor address: (look-ups, seconds).
CERTIFICATE_VERIFY_RATE = (20, 60)
# Retention: `manage.py purge_training_records`, run daily (it is idempotent), clears the
# answer details of quiz attempts (and what other record types register, such as
# submitted files) older than this many days; scores, verdicts and completions stay.
TRAINING_RETENTION_DAYS = int(env("TRAINING_RETENTION_DAYS", "730"))

# Mail: the console in development; production.py sends through SMTP.
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "tyokykyportaali@example.fi")
# Where visitors send feedback (a role address). Until it is set here or in the portal
# settings in the admin, the feedback link is left out.
FEEDBACK_EMAIL = env("PORTAL_FEEDBACK_EMAIL", "")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
}
