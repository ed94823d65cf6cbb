"""Every public page type of the portal, as one table the layout checks (browser
checks at three widths, the Nu Html Checker) walk through.

Page types come from the database: the first live, public page of each page
model in a language, so a new page type (pathway, course...) is checked as soon
as the demo content has one. Views that are not pages of their own (sub-views
of routable pages, error pages, search) are listed in EXTRA_VIEWS: add a line
there when you add such a view.
"""

from django.utils import translation

LANGUAGES = ["fi", "sv", "en"]


def build_demo_site():
    """The demo content every app contributes (the same builders `load_demo_content` runs)."""
    from django.utils.module_loading import import_string

    from portal.management.commands.load_demo_content import BUILDERS

    for path in BUILDERS:
        import_string(path)()


def _first(model_name, language):
    from wagtail.models import Page

    for page in Page.objects.live().public().filter(locale__language_code=language).specific():
        if type(page).__name__ == model_name:
            return page
    return None


def _compare(language):
    library = _first("LibraryIndexPage", language)
    model = _first("OperatingModelPage", language)
    if library is None or model is None:
        return None
    variants = list(model.other_variants()[:2])
    keys = "&".join(f"m={page.translation_key}" for page in [model, *variants])
    with translation.override(language):
        return f"{library.url}{library.reverse_subpage('compare')}?{keys}"


def _print(language):
    model = _first("OperatingModelPage", language)
    if model is None:
        return None
    with translation.override(language):
        return model.url + model.reverse_subpage("print")


def _search(language):
    from django.urls import NoReverseMatch, reverse

    try:
        with translation.override(language):
            return reverse("search") + "?q=työkyky"
    except NoReverseMatch:
        return None


EXTRA_VIEWS = {
    "compare": _compare,
    "print": _print,
    "search": _search,
    "not-found": lambda language: f"/{language}/ei-ole-olemassa/",
    "sign-up": lambda language: f"/{language}/tili/signup/",
    "sign-in": lambda language: f"/{language}/tili/login/",
}


def public_page_types(language):
    """[(name, path)] for every public page type and extra view in a language."""
    from wagtail.models import Page

    found = {}
    pages = Page.objects.live().public().filter(locale__language_code=language, depth__gt=1)
    for page in pages.specific().order_by("path"):
        found.setdefault(type(page).__name__, page.url)
    for name, path_for in EXTRA_VIEWS.items():
        path = path_for(language)
        if path:
            found[name] = path
    return sorted(found.items())
