"""Absolute addresses: from the request in development, from the configured site address
in production (WAGTAILADMIN_BASE_URL), never from a Site record's placeholder host."""

from django.conf import settings


def root_url(request=None):
    """``scheme://host[:port]`` of the site as visitors reach it."""
    if settings.DEBUG and request is not None:
        return request.build_absolute_uri("/").rstrip("/")
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def absolute_url(path, request=None):
    """``path`` (starting with "/") made absolute; an absolute address is returned as is."""
    if not path or not path.startswith("/") or path.startswith("//"):
        return path
    return root_url(request) + path
