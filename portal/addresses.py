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


def at_site_address(url_parts, request=None):
    """Wagtail's ``(site_id, root_url, page_path)`` of a page with the root replaced by
    the site's real address (None stays None)."""
    if url_parts is None:
        return None
    site_id, _site_root_url, page_path = url_parts
    return site_id, root_url(request), page_path
