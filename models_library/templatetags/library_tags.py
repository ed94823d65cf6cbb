"""Display helpers for library pages: citation, period of activity, page links, anchors.

The text is built here, in Python and under test, so templates only place it.
"""

import re

from django import template
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import gettext as _

register = template.Library()

DATE_FORMAT = "j.n.Y"


@register.simple_tag
def citation(page, accessed=True, request=None):
    """'Authors (year). <cite>Title</cite>. Portal. URL (accessed d.m.Y).'

    The URL is absolute from the request in development, from the site's configured
    address in production (see portal.addresses)."""
    data = page.citation(request)
    authors = format_html("{} ({}). ", data["authors"], data["year"]) if data["authors"] else ""
    text = format_html("{}<cite>{}</cite>. {}.", authors, data["title"],
                       _("Work ability portal"))
    if data["url"]:
        text = format_html("{} {}", text, data["url"])
    if accessed:
        text = format_html("{} ({} {}).", text, _("accessed"),
                           date_format(data["accessed"], DATE_FORMAT))
    return text


def _time(value):
    return format_html('<time datetime="{}">{}</time>', value.isoformat(),
                       date_format(value, DATE_FORMAT))


def date_range(start, end):
    """A period as 'start–end'; an open end or start keeps its dash; nothing if no dates."""
    if not start and not end:
        return ""
    return format_html("{}–{}", _time(start) if start else "", _time(end) if end else "")


@register.simple_tag
def period_of(page):
    """A programme's period of activity: its dates, and the free text when it says
    more; nothing for a page without a period (operating models have none)."""
    start, end = getattr(page, "start_date", None), getattr(page, "end_date", None)
    dates = date_range(start, end)
    note = period_note(start, end, getattr(page, "period_text", ""))
    if dates and note:
        return format_html("{}<br>{}", dates, note)
    return dates or note


def period_note(start, end, text):
    """The free-text period when it says more than the dates: "2019–2023" beside
    1.6.2019–31.12.2023 would print the same period twice."""
    text = (text or "").strip()
    if not text or not (start or end):
        return text
    years = re.sub(r"\s|[-–—]", "", text)
    same = "".join(str(day.year) for day in (start, end) if day)
    dates = "".join(date_format(day, DATE_FORMAT) for day in (start, end) if day)
    return "" if years in {same, dates.replace(" ", "")} else text


@register.simple_tag
def page_link(query_string, number):
    """'?<current filters>&page=N' for a pagination link (the tag's output is escaped)."""
    page = urlencode({"page": number})
    return f"?{query_string}&{page}" if query_string else f"?{page}"


@register.filter
def section_anchor(child):
    """A description section's anchor from the stream block's own id, stable across edits."""
    key = child.value.anchor() or child.block_type
    return f"section-{key}-{child.id}" if child.id else f"section-{key}"
