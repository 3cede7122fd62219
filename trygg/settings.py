"""Settings for Trygg, read from the environment.

Development (`make run`) sets TRYGG_DEBUG=1 and uses the SQLite file in the project.
Production sets SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL (PostgreSQL); see README.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
import xstatic.pkg.leaflet
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

PACKAGE_DIR = Path(__file__).resolve().parent
BASE_DIR = PACKAGE_DIR.parent


def env_bool(name: str, default: bool = False) -> bool:
    """Read a yes/no environment variable ("1", "true", "yes" and "on" mean yes)."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    """Read a comma-separated environment variable."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def url_origin(url: str) -> list[str]:
    """The origin of a tile URL template, as a CSP source ("{s}" subdomains as "*")."""
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        return []
    return [f"{parts.scheme}://{parts.netloc}".replace("{s}", "*")]


DEBUG = env_bool("TRYGG_DEBUG")

# The key signs sessions, CSRF tokens and password-reset links: with a known one anybody
# could forge them. So only development may fall back on a fixed key; anywhere else
# Trygg refuses to start without one.
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set it to 50 or more random characters, e.g. "
            "python3 -c 'import secrets; print(secrets.token_urlsafe(50))' "
            "(README, Configuration); in development set TRYGG_DEBUG=1 instead."
        )
    SECRET_KEY = "django-insecure-development-key-for-local-use-only"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "trygg.admin_apps.TryggAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "trygg.organisations",
    "trygg.geo",
    "trygg.agreements",
    "trygg.promises",
    "trygg.incidents",
    "trygg.est",
    "trygg.lagesbild",
    "trygg.followup",
    "trygg.extract",
    "trygg.walks",
    "trygg.citizens",
    "trygg.participation",
    "trygg.audit",
    "simple_history",
    "django_tasks",
    "django_tasks_db",
    "trygg.public",
    "trygg.demo",
    "trygg.accounts",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "trygg.ops",
]

MIDDLEWARE = [
    # First, so that every response carries the policy: redirects, static files, errors.
    "csp.middleware.CSPMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "trygg.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Who made a change: django-simple-history reads the request's user (trygg/audit).
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "trygg.accounts.middleware.SessionLimitMiddleware",
    "trygg.accounts.middleware.SecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # An id in the path past the database's integers is a 404, not an overflow (trygg/errors).
    "trygg.errors.IdRangeMiddleware",
]

ROOT_URLCONF = "trygg.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "trygg.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'trygg.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded database serves the web process and the import worker at
    # once: WAL lets pages be read while an import writes, IMMEDIATE makes a
    # writer wait for the lock rather than fail halfway, and a 64 MB page
    # cache keeps an import's indexes in memory (bench/RESULTS.md). A writer waits up to
    # a minute for the lock (Django's default is 5 seconds): longer than any one step
    # of an import holds it, so a coordinator's save waits instead of failing.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 60,
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536"
        ),
        "transaction_mode": "IMMEDIATE",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The lägesbild's covering index uses PostgreSQL's INCLUDE; SQLite builds it
# without the extra columns, which is all this warning says.
SILENCED_SYSTEM_CHECKS = ["models.W040"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "start"
LOGOUT_REDIRECT_URL = "login"

# Accounts (trygg/accounts, on django-allauth): login by username and password, a passkey,
# or the municipality's/police's identity provider; no self sign-up (an administrator gives
# memberships). See docs/architecture.md, "Accounts".
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
ACCOUNT_ADAPTER = "trygg.accounts.adapter.AccountAdapter"
SOCIALACCOUNT_ADAPTER = "trygg.accounts.adapter.SocialAccountAdapter"
ACCOUNT_LOGIN_METHODS = {"username"}
ACCOUNT_SIGNUP_FIELDS = ["username*", "email", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
# Lockout: after TRYGG_LOGIN_FAILURES_PER_USER wrong passwords for one username (from any
# address), or TRYGG_LOGIN_FAILURES_PER_ADDRESS from one address (for any username), even
# the right password is refused until the oldest failure is TRYGG_LOGIN_LOCKOUT_MINUTES old.
# Counted in the cache: the database's by default, shared by every process.
TRYGG_LOGIN_FAILURES_PER_USER = int(os.environ.get("TRYGG_LOGIN_FAILURES_PER_USER", "10"))
TRYGG_LOGIN_FAILURES_PER_ADDRESS = int(os.environ.get("TRYGG_LOGIN_FAILURES_PER_ADDRESS", "30"))
TRYGG_LOGIN_LOCKOUT_MINUTES = int(os.environ.get("TRYGG_LOGIN_LOCKOUT_MINUTES", "15"))
ACCOUNT_RATE_LIMITS = {
    "login_failed": (
        f"{TRYGG_LOGIN_FAILURES_PER_ADDRESS}/{TRYGG_LOGIN_LOCKOUT_MINUTES}m/ip,"
        f"{TRYGG_LOGIN_FAILURES_PER_USER}/{TRYGG_LOGIN_LOCKOUT_MINUTES}m/key"
    ),
}
# Second factor: TOTP, passkeys (WebAuthn) and recovery codes. Required of coordinators,
# administrators and superusers when TRYGG_REQUIRE_MFA is on (the default outside development).
MFA_SUPPORTED_TYPES = ["totp", "webauthn", "recovery_codes"]
MFA_PASSKEY_LOGIN_ENABLED = True
MFA_TOTP_ISSUER = "Trygg"
# Users get their e-mail address from an administrator or the identity provider, not by a
# confirmation mail; the second factor must not wait for one.
MFA_ALLOW_UNVERIFIED_EMAIL = True
# Passkeys need HTTPS, except on the development server.
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = DEBUG
TRYGG_REQUIRE_MFA = env_bool("TRYGG_REQUIRE_MFA", not DEBUG)
# A login through the identity provider counts as two factors (the IdP does its own MFA).
TRYGG_OIDC_COUNTS_AS_MFA = env_bool("TRYGG_OIDC_COUNTS_AS_MFA", True)
# Sessions end after TRYGG_IDLE_MINUTES without a request, and TRYGG_SESSION_HOURS after login.
TRYGG_IDLE_MINUTES = int(os.environ.get("TRYGG_IDLE_MINUTES", "120"))
TRYGG_SESSION_HOURS = int(os.environ.get("TRYGG_SESSION_HOURS", "10"))
SESSION_COOKIE_AGE = TRYGG_SESSION_HOURS * 3600
# Sign-in through an OpenID Connect identity provider (the municipality's or the police's),
# shown on the login page when TRYGG_OIDC_SERVER_URL is set. Its redirect URI is
# https://<host>/konto/oidc/idp/login/callback/.
TRYGG_OIDC_SERVER_URL = os.environ.get("TRYGG_OIDC_SERVER_URL", "")
SOCIALACCOUNT_ONLY = False
SOCIALACCOUNT_AUTO_SIGNUP = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False
SOCIALACCOUNT_PROVIDERS = {
    "openid_connect": {
        "OAUTH_PKCE_ENABLED": True,
        "APPS": [
            {
                "provider_id": "idp",
                "name": os.environ.get("TRYGG_OIDC_LABEL", "") or _("the organisation's login"),
                "client_id": os.environ.get("TRYGG_OIDC_CLIENT_ID", ""),
                "secret": os.environ.get("TRYGG_OIDC_SECRET", ""),
                "settings": {"server_url": TRYGG_OIDC_SERVER_URL},
            }
        ]
        if TRYGG_OIDC_SERVER_URL
        else [],
    }
}

# Swedish first, English second.
LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", _("Swedish")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
# Leaflet comes from its XStatic package at install time: nothing third-party is committed.
STATICFILES_DIRS = [PACKAGE_DIR / "static", ("leaflet", xstatic.pkg.leaflet.BASE_DIR)]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Security: on by default outside development. Behind a TLS-terminating proxy,
# the proxy sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# A load balancer probes /healthz over plain HTTP inside the network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# Uploaded files (imports waiting for the worker). Shared storage when several app servers run.
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "media/"
# Uploaded files are bounded (trygg/uploads.py): the size of an import, survey or area file,
# and what a zip container (zipped shapefile, KMZ, XLSX, DOCX) may unpack to, in total and
# as a multiple of its packed size, checked before it is opened.
TRYGG_MAX_UPLOAD_MB = int(os.environ.get("TRYGG_MAX_UPLOAD_MB", "50"))
TRYGG_MAX_UNZIPPED_MB = int(os.environ.get("TRYGG_MAX_UNZIPPED_MB", "200"))
TRYGG_MAX_UNZIP_RATIO = int(os.environ.get("TRYGG_MAX_UNZIP_RATIO", "100"))

# Background jobs (imports) are queued in the database and run by `trygg db_worker`:
# no extra server needed.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# A running import touches its progress file every 30 seconds; when a worker starts, a job
# "running" with no sign of life for this many minutes was left by a worker that died, and
# is marked failed (trygg/incidents/tasks.py).
TRYGG_IMPORT_STALE_MINUTES = int(os.environ.get("TRYGG_IMPORT_STALE_MINUTES", "10"))

# Map background tiles: a tile server of your own, e.g. "https://tiles.kommun.se/{z}/{x}/{y}.png".
# Empty means no background; areas and hotspots are drawn all the same.
TRYGG_TILE_URL = os.environ.get("TRYGG_TILE_URL", "")
TRYGG_TILE_ATTRIBUTION = os.environ.get("TRYGG_TILE_ATTRIBUTION", "")

# Content-Security-Policy (django-csp) on every response: scripts and styles only from
# Trygg's own files, never inline, never eval, so text a user typed cannot run even if
# a template or a script forgot to escape it; images also from the tile server. Style
# attributes are refused too: Leaflet and the admin set styles from their scripts
# (CSSOM), which a policy does not limit. See docs/architecture.md.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", "blob:", *url_origin(TRYGG_TILE_URL)],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}

# Citizen reports (trygg/citizens): the rate limit counts per client address in the cache.
# The cache is the database's by default, so every process shares one count (its table is
# made by `trygg migrate`, citizens/migrations/0003); TRYGG_CACHE=memory keeps it per
# process. Behind N proxies that append to X-Forwarded-For, set
# TRYGG_TRUSTED_PROXIES=N. Open311 POSTs need one of TRYGG_OPEN311_API_KEYS when it is set.
if os.environ.get("TRYGG_CACHE", "database") == "database":
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "trygg_cache",
        }
    }
TRYGG_TRUSTED_PROXIES = int(os.environ.get("TRYGG_TRUSTED_PROXIES", "0"))
ALLAUTH_TRUSTED_PROXY_COUNT = TRYGG_TRUSTED_PROXIES
TRYGG_OPEN311_API_KEYS = env_list("TRYGG_OPEN311_API_KEYS")

# Mail: a citizen who left an address hears how their report was decided. Through the
# municipality's own mail server; in development written to the console instead.
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "trygg@localhost")

# Reading police data is logged (trygg/audit): how many days an access-log entry is kept
# before `trygg prune_access_log` deletes it. Three years: a complaint or a supervisory
# review of who read what reaches back over a promise period, and not further.
TRYGG_ACCESS_LOG_DAYS = int(os.environ.get("TRYGG_ACCESS_LOG_DAYS", "1095"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
