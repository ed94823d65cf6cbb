"""Local development: DEBUG on, a throwaway secret key, any local host."""

from .base import *  # noqa: F403
from .base import env

DEBUG = True
SECRET_KEY = env("DJANGO_SECRET_KEY", "dev-only-insecure-key-never-use-in-production")
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
FEEDBACK_EMAIL = env("PORTAL_FEEDBACK_EMAIL", "palaute@example.fi")
