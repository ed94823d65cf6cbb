from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.models import Page, Site

from portal.models import AccessibilityStatementPage

register = template.Library()


def _home_page(request):
    site = Site.find_for_request(request) if request else None
    if site is None:
        return None
    return site.root_page.localized


@register.simple_tag(takes_context=True)
def home_url(context):
    home = _home_page(context.get("request"))
    return home.url if home else f"/{get_language()}/"


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    request = context.get("request")
    home = _home_page(request)
    current = context.get("page")
    items = []
    current_path = getattr(current, "path", "")
    if home is not None:
        items = [
            {"page": item, "current": _current_state(item.path, current_path)}
            for item in Page.objects.live().public().in_menu().child_of(home)
        ]
    return {
        "home": home,
        "home_current": _current_state(home.path, current_path, exact=True) if home else "",
        "items": items,
    }


def _current_state(item_path, current_path, exact=False):
    """aria-current: "page" on the page itself, "true" on its ancestors in the menu."""
    if item_path == current_path:
        return "page"
    if not exact and current_path.startswith(item_path):
        return "true"
    return ""


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this page in each language: its translation, else that language's home."""
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    targets = {}
    if isinstance(page, Page):
        home = _home_page(request)
        for candidate in (home, page):
            if candidate is not None:
                for translation in candidate.get_translations(inclusive=True).live().select_related(
                    "locale"
                ):
                    targets[translation.locale.language_code] = translation.url
    links = []
    for code, name in settings.LANGUAGES:
        if code in targets:
            url = targets[code]
        elif request is not None:
            url = translate_url(request.path, code)
        else:
            url = f"/{code}/"
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return {"links": links}


@register.simple_tag(takes_context=True)
def accessibility_statement(context):
    home = _home_page(context.get("request"))
    if home is None:
        return None
    return (
        AccessibilityStatementPage.objects.live().public().descendant_of(home).first()
    )


@register.filter
def iframe_title(html, title):
    """Give embedded iframes an accessible name."""
    if not html:
        return ""
    return mark_safe(str(html).replace("<iframe", f'<iframe title="{escape(title)}"', 1))
