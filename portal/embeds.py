"""Embedded media that works under the site's Content-Security-Policy.

oEmbed providers hand out iframe markup of their own (YouTube's tracking host, a
``title`` of theirs, sometimes inline styles). We keep only the frame's address,
move YouTube to its privacy-enhanced host, and write the iframe ourselves: one
accessible title, no ``style`` (the aspect ratio comes from CSS), and only for
hosts the policy's ``frame-src`` allows; anything else becomes a plain link.
"""

import re
from html import unescape
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.conf import settings
from django.utils.html import format_html

SRC = re.compile(r"""<iframe\b[^>]*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com"}
ALLOW = "accelerometer; encrypted-media; gyroscope; picture-in-picture; fullscreen"


def frame_src(provider_html):
    """The iframe address from a provider's markup, on a privacy-friendly host; or ''."""
    match = SRC.search(provider_html or "")
    if not match:
        return ""
    parts = urlsplit(unescape(match.group(1) or match.group(2) or "").strip())
    if parts.scheme != "https":
        return ""
    query = parts.query
    netloc = parts.netloc.lower()
    if netloc in YOUTUBE_HOSTS and parts.path.startswith("/embed/"):
        netloc = "www.youtube-nocookie.com"
    elif netloc == "player.vimeo.com":
        query = urlencode([*((k, v) for k, v in parse_qsl(query) if k != "dnt"), ("dnt", "1")])
    return urlunsplit((parts.scheme, netloc, parts.path, query, ""))


def allowed_by_policy(src):
    parts = urlsplit(src)
    return f"{parts.scheme}://{parts.netloc}" in settings.EMBED_FRAME_ORIGINS


def embed_html(embed, title=""):
    """CSP-safe markup for a Wagtail ``Embed``: our own iframe, or a link to the media."""
    title = title or embed.title or embed.url
    src = frame_src(embed.html)
    if not src or not allowed_by_policy(src):
        return format_html('<a class="embed__link" href="{}">{}</a>', embed.url, title)
    return format_html(
        '<iframe src="{}" title="{}" loading="lazy" allow="{}" allowfullscreen '
        'referrerpolicy="strict-origin-when-cross-origin"></iframe>',
        src, title, ALLOW,
    )
