"""Small page mixins, each with its own fields, panels and search fields.

Mixins come before ``Page`` in a class's bases so their fields and methods win.
"""

from django.conf import settings
from django.db import models
from django.db.models import Manager
from django.utils.encoding import force_str
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import re_path
from wagtail.models import Page
from wagtail.search import index

from portal import morphology
from portal.addresses import at_site_address
from portal.indexing import WithSearchRelations, indexed_once


class SummaryMixin(models.Model):
    """A short plain-text summary for listings, search results and meta tags."""

    summary = models.TextField(
        _("summary"),
        blank=True,
        max_length=600,
        help_text=_("One or two sentences shown in listings and search results."),
    )

    summary_panels = [FieldPanel("summary")]
    summary_search_fields = [index.SearchField("summary"), index.AutocompleteField("summary")]

    class Meta:
        abstract = True

    def get_meta_description(self):
        return self.search_description or self.summary


class AddressMixin:
    """Full URLs from the site's real address (see portal.addresses), not the Site record."""

    def get_url_parts(self, request=None):
        return at_site_address(super().get_url_parts(request), request)


class SearchTermsMixin(models.Model):
    """Base forms and compound parts of the page's searchable text, as indexed fields.

    Every search backend indexes ``search_terms`` like any other text, and the
    search page analyses the query the same way (``portal.morphology``), so
    Finnish inflection and compounds match alike on every backend.
    """

    ANALYSED_FIELDS = {"search_terms", "title_terms"}
    # Search fields computed with queries (e.g. the text of the documents a page uses):
    # indexed and analysed like the rest, but left out of snippets (``related=False``),
    # which must not cost a query per result.
    RELATED_TEXT_FIELDS = {"document_text"}
    search_terms_fields = [
        index.SearchField("search_terms"),
        index.AutocompleteField("title_terms"),
    ]

    class Meta:
        abstract = True

    @classmethod
    def get_indexed_objects(cls):
        """As modelsearch's, with the related objects of each batch loaded in bulk."""
        queryset = super().get_indexed_objects().select_related("locale")
        queryset._iterable_class = WithSearchRelations
        return queryset

    @property
    def search_language(self):
        return (self.locale.language_code if self.locale_id else "fi")[:2]

    @indexed_once
    def search_text(self, related=True, title=True):
        """The plain text of the search fields, in the order they are declared.

        ``related=False`` leaves out related objects (no queries: for snippets).
        """
        skip = set(self.ANALYSED_FIELDS) | (set() if title else {"title"})
        if not related:
            skip |= set(self.RELATED_TEXT_FIELDS)
        kinds = (index.SearchField, index.RelatedFields) if related else (index.SearchField,)
        texts = []
        for field in self.get_search_fields():
            if isinstance(field, kinds) and field.field_name not in skip:
                texts.extend(_field_texts(self, field))
        return "\n".join(text for text in texts if text)

    @indexed_once
    def search_terms(self):
        if not morphology.enabled():
            return ""
        return morphology.terms_text(
            morphology.index_terms(self.search_text(), self.search_language)
        )

    @indexed_once
    def title_terms(self):
        if not morphology.enabled():
            return ""
        return morphology.terms_text(morphology.index_terms(self.title, self.search_language))


def _field_texts(obj, field):
    if isinstance(field, index.RelatedFields):
        related = field.get_value(obj)
        if related is None:
            return []
        objects = related.all() if isinstance(related, Manager) else [related]
        return [text for item in objects for sub in field.fields
                if isinstance(sub, index.SearchField) for text in _field_texts(item, sub)]
    return [_plain(field.get_value(obj))]


def _plain(value):
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, list | tuple):
        return "\n".join(_plain(item) for item in value)
    if isinstance(value, dict):
        return "\n".join(_plain(item) for item in value.values())
    return force_str(value)


class BasePage(AddressMixin, SearchTermsMixin, SummaryMixin, Page):
    """The abstract base of every page type in the portal."""

    content_panels = [*Page.content_panels, *SummaryMixin.summary_panels]
    search_fields = [
        *Page.search_fields,
        *SummaryMixin.summary_search_fields,
        *SearchTermsMixin.search_terms_fields,
    ]

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        """No query when the routing knows (from the memoised restricted sections) that
        no restriction covers this page; Wagtail's check reads this on every serve."""
        known = getattr(self, "_portal_restricted_paths", None)
        if known is not None and not any(self.path.startswith(path) for path in known):
            return ()  # only served pages carry the paths, and Wagtail's check only iterates
        return super().get_view_restrictions()


# Sub-views of a page (the library's compare view and feeds, a model's print view) have
# an address part in each language.
SUBVIEW_SLUGS = {
    "compare": {"fi": "vertaa", "sv": "jamfor", "en": "compare"},
    "feed": {"fi": "syote", "sv": "flode", "en": "feed"},
    "print": {"fi": "tulosta", "sv": "skriv-ut", "en": "print"},
}


def localized_route(name, rest=""):
    """Route ``name`` under its address part in every language (``rest``: regex after it)."""

    def decorator(view):
        for language, slug in SUBVIEW_SLUGS[name].items():
            view = re_path(rf"^{slug}/{rest}$", name=f"{name}-{language}")(view)
        return view

    return decorator


class LocalizedRoutesMixin:
    """``routablepageurl page "compare"`` gives the address part of the page's language."""

    def reverse_subpage(self, name, args=None, kwargs=None):
        name = name.rsplit("-", 1)[0] if name.rsplit("-", 1)[0] in SUBVIEW_SLUGS else name
        if name in SUBVIEW_SLUGS:
            language = self.locale.language_code
            if language not in SUBVIEW_SLUGS[name]:
                language = settings.LANGUAGE_CODE
            name = f"{name}-{language}"
        return super().reverse_subpage(name, args=args, kwargs=kwargs)
