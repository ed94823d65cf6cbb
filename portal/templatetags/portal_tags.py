from functools import lru_cache
from pathlib import Path

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import NoReverseMatch, Resolver404, reverse, translate_url
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import get_language, override
from django.utils.translation import gettext as _
from wagtail.embeds import embeds
from wagtail.embeds.exceptions import EmbedException
from wagtail.models import Page

from portal.addresses import absolute_url
from portal.embeds import embed_html
from portal.models import AccessibilityStatementPage
from portal.site_memo import home_for_request, memo, site_for_request
from portal.visibility import visible_pages

register = template.Library()


def _home_page(request):
    return home_for_request(request) if request else None


def _menu_pages(request, home):
    """The live, public menu pages below ``home`` (kept in the site memo)."""
    return memo(request, ("menu", home.pk), lambda: list(
        visible_pages(Page.objects.in_menu().child_of(home), request)))


class SitewideNode(template.Node):
    def __init__(self, nodelist, name, vary):
        self.nodelist, self.name, self.vary = nodelist, name, vary

    def render(self, context):
        request = context.get("request")
        if request is None:
            return self.nodelist.render(context)
        site = site_for_request(request)
        key = ("sitewide", self.name, getattr(site, "pk", None), get_language(),
               *(value.resolve(context) for value in self.vary))
        return memo(request, key, lambda: self.nodelist.render(context))


@register.tag
def sitewide(parser, token):
    """{% sitewide "name" [value ...] %}...{% endsitewide %}: markup that is the same on
    every page in a language (and each ``value`` given), rendered once and kept in
    the site memo until content changes. Only for markup built from site-wide data:
    never the visitor's input or per-user content (vary on ``user.is_authenticated``
    where signed-in visitors see other links)."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"{bits[0]} needs a name")
    nodelist = parser.parse(("endsitewide",))
    parser.delete_first_token()
    return SitewideNode(nodelist, bits[1].strip("\"'"),
                        [parser.compile_filter(bit) for bit in bits[2:]])


@register.simple_tag(takes_context=True)
def home_url(context):
    home = _home_page(context.get("request"))
    return home.url if home else f"/{get_language()}/"


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The main menu, the current page's section marked; rendered once per marking and
    kept in the site memo."""
    request = context.get("request")
    home = _home_page(request)
    current_path = getattr(context.get("page"), "path", "")
    pages = _menu_pages(request, home) if home is not None else []
    states = tuple(_current_state(page.path, current_path) for page in pages)
    home_state = _current_state(home.path, current_path, exact=True) if home else ""

    def build():
        return render_to_string("components/main_menu.html", {
            "request": request,
            "home": home,
            "home_current": home_state,
            "items": [{"page": page, "current": state}
                      for page, state in zip(pages, states, strict=True)],
        })

    if home is None:
        return build()
    return memo(request, ("main-menu", home.pk, home_state, states), build)


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
        subpage = _subpage_route(page, request)
        for candidate in (home, page):
            if candidate is page and subpage:
                for translation in _translations(request, page):
                    targets[translation.locale.language_code] = _subpage_url(
                        translation, subpage, request)
            elif candidate is not None:
                targets.update(_translation_urls(request, candidate))
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


def _translations(request, page):
    """The visible translations of ``page`` (itself included), with their locales (kept
    in the site memo)."""
    return memo(request, ("translations", page.translation_key), lambda: list(
        visible_pages(page.get_translations(inclusive=True), request).select_related("locale")
    ))


def _translation_urls(request, page):
    """{language code: address} of the visible translations of ``page`` (kept in the
    site memo)."""
    return memo(request, ("translation-urls", page.translation_key), lambda: {
        translation.locale.language_code: translation.url
        for translation in _translations(request, page)})


def _subpage_route(page, request):
    """The named route of a routable page's sub-view this request shows (compare,
    print...), so the language switcher can lead to the same view in the other
    language; None on the page itself."""
    if request is None or not hasattr(page, "get_resolver") or not page.url:
        return None
    remainder = request.path[len(page.url):] if request.path.startswith(page.url) else ""
    if not remainder:
        return None
    try:
        match = page.get_resolver().resolve("/" + remainder)
    except Resolver404:
        return None
    return match if match.url_name else None


def _subpage_url(translation_page, match, request):
    """The same sub-view on a translation; the query string goes along (the
    compare view's translation keys are the same in every language)."""
    language = translation_page.locale.language_code
    with override(language):
        suffix = translation_page.specific_deferred.reverse_subpage(
            match.url_name, args=match.args, kwargs=match.kwargs
        )
    query = request.GET.urlencode()
    return translation_page.url + suffix + (f"?{query}" if query else "")


@register.simple_tag(takes_context=True)
def accessibility_statement(context):
    request = context.get("request")
    home = _home_page(request)
    if home is None:
        return None
    return memo(request, ("accessibility-statement", home.pk), lambda: visible_pages(
        AccessibilityStatementPage.objects.descendant_of(home), request).first())


@register.simple_tag
def embed_frame(value, title=""):
    """An embed block's media (its EmbedValue or address) as CSP-safe markup."""
    url = getattr(value, "url", value)
    if not url:
        return ""
    return memo(None, ("embed", url, str(title)), lambda: _embed_frame(url, title))


def _embed_frame(url, title):
    try:
        embed = embeds.get_embed(url)
    except EmbedException:
        return ""  # the provider is unreachable or refuses: leave the frame out
    return embed_html(embed, title)


@register.filter
def embed_markup(embed):
    """A Wagtail Embed (rich-text embeds) as CSP-safe markup."""
    return embed_html(embed)


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """The trail from the front page to this page; nothing on the front page itself.

    Views that render a sub-view of a page (compare, print) add their own last
    step through ``breadcrumb_extra``: a list of ``{"title": ..., "url": ...}``.
    """
    page = context.get("page")
    extra = list(context.get("breadcrumb_extra") or [])
    home = _home_page(context.get("request"))
    if not isinstance(page, Page) or home is None:
        return {"crumbs": [{"title": _("Front page"), "url": home.url if home else ""}] + extra}
    if page.pk == home.pk and not extra:
        return {"crumbs": []}
    request = context.get("request")
    ancestors = (
        memo(request, ("ancestors", home.pk, page.path), lambda: [
            {"title": ancestor.title, "url": ancestor.url} for ancestor in
            visible_pages(page.get_ancestors().descendant_of(home), request)
            .exclude(pk=home.pk).specific(defer=True)])
        if page.pk != home.pk
        else []
    )
    crumbs = [{"title": _("Front page"), "url": home.url}, *ancestors]
    if page.pk != home.pk:
        crumbs.append({"title": page.title, "url": page.url})
    return {"crumbs": crumbs + extra}


_ICON_DIR = Path(settings.BASE_DIR) / "static" / "icons"


@lru_cache(maxsize=64)
def _icon_markup(name):
    svg = (_ICON_DIR / f"{name}.svg").read_text(encoding="utf-8").strip()
    attributes = f'class="icon icon--{name}" aria-hidden="true" focusable="false"'
    return svg.replace("<svg ", f"<svg {attributes} ", 1)


@register.simple_tag
def icon(name, extra_class=""):
    """An icon from static/icons (Suomi.fi icons, see `make assets`), inline and
    hidden from assistive technology: the text beside it carries the meaning."""
    markup = _icon_markup(name)
    if extra_class:
        markup = markup.replace('class="icon ', f'class="icon {escape(extra_class)} ', 1)
    return mark_safe(markup)


@register.filter
def with_site_name(title, site_name):
    """"Page – Site", but never "Site – Site" and never a bare dash."""
    title = " ".join(str(title).split())
    if not title or title.casefold() == str(site_name).casefold():
        return site_name
    return f"{title} – {site_name}"


@register.inclusion_tag("components/sharing_metadata.html", takes_context=True)
def sharing_metadata(context, site_name):
    """Open Graph title, description, address and image of this page."""
    request = context.get("request")
    page = context.get("page")
    title = site_name
    description = ""
    if isinstance(page, Page):
        title = page.seo_title or page.title
        description = (
            page.search_description or getattr(page, "summary", "") or getattr(page, "intro", "")
        )
    url = absolute_url(request.path, request) if request else ""
    image = absolute_url(static("brand/og-image.png"), request)
    language = get_language() or settings.LANGUAGE_CODE
    locale = {"fi": "fi_FI", "sv": "sv_FI", "en": "en_GB"}.get(language, language)
    return {
        "site_name": site_name,
        "og_type": "article" if isinstance(page, Page) and page.depth > 3 else "website",
        "title": title,
        "description": strip_tags(str(description))[:300],
        "url": url,
        "image": image,
        "locale": locale,
    }


@register.simple_tag(takes_context=True)
def way_on_links(context):
    """The sections of the site (library, pathways, training...) as a way on from
    a dead end: the live, public menu pages below the front page."""
    request = context.get("request")
    home = _home_page(request)
    if home is None:
        return []
    return [{"title": item.title, "url": item.url} for item in _menu_pages(request, home)]


@register.simple_tag
def search_url():
    """The portal search's address, once a search view is installed."""
    try:
        return reverse("search")
    except NoReverseMatch:
        return ""


@register.filter
def as_list(value):
    """One value as a list, for components that take lists (regions, target groups)."""
    return [value] if value else []


# Page models whose cards have their own colour and icon (see .card--* in portal.css).
CARD_KINDS = {
    "operatingmodelpage": "model",
    "programmepage": "programme",
    "servicepathwaypage": "pathway",
    "coursepage": "course",
}


@register.filter
def card_kind(page):
    return CARD_KINDS.get(page._meta.model_name, "file")


@register.filter
def type_label(page):
    return capfirst(page._meta.verbose_name)
