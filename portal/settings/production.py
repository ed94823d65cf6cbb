"""Production: everything from the environment, HTTPS only, `check --deploy` clean."""

from .base import *  # noqa: F403
from .base import env, env_bool, env_database, env_hosts, env_int, env_list, require_env

DEBUG = False
SECRET_KEY = require_env("DJANGO_SECRET_KEY")
require_env("DJANGO_ALLOWED_HOSTS")
ALLOWED_HOSTS = env_hosts("DJANGO_ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
DATABASES = {
    "default": env_database("DATABASE_URL", require_env("DATABASE_URL"), conn_max_age=600,
                            conn_health_checks=True)
}
MEDIA_ROOT = require_env("MEDIA_ROOT")
WAGTAILADMIN_BASE_URL = require_env("WAGTAILADMIN_BASE_URL")
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
FEEDBACK_EMAIL = require_env("PORTAL_FEEDBACK_EMAIL")

SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)

LOGGING["root"]["level"] = env("LOG_LEVEL", "INFO")  # noqa: F405
