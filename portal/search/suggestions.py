"""Help around the results: autocomplete, spelling suggestions and related topics."""

import difflib
from collections import Counter

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import CharField, Count, Max
from django.db.models.functions import Cast
from taggit.models import Tag
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from portal import morphology
from portal.search import query as search_query
from portal.search.engine import (
    FALLBACK_BACKEND,
    PortalSearch,
    cluster_errors,
    is_cluster,
    visible_pages,
)
from portal.search.registry import search_types
from portal.site_memo import memo

MAX_SUGGESTIONS = 8
MIN_PREFIX = 2
VOCABULARY_TIMEOUT = 600
TOPIC_FACET = "topic"


def _pages_in(language):
    types = search_types()
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None or not types:
        return None, types
    content_types = ContentType.objects.get_for_models(*[t.model for t in types])
    ids = sorted(ct.pk for ct in content_types.values())  # the same query body every time
    return Page.objects.live().filter(locale=locale, content_type__in=ids), types


def autocomplete(request, raw, language):
    """Visible pages whose title words start like the typed words, best first."""
    text = search_query.clean(raw)[: search_query.MAX_QUERY_LENGTH]
    words = morphology.words(text.replace("-", " "))[: search_query.MAX_WORDS]
    if not words or len(" ".join(words)) < MIN_PREFIX:
        return []
    queryset, _types = _pages_in(language)
    if queryset is None:
        return []
    backend = get_search_backend("default")
    try:
        ids = _suggested_ids(backend, words, language, queryset)
    except cluster_errors():
        if not is_cluster(backend) or FALLBACK_BACKEND not in settings.WAGTAILSEARCH_BACKENDS:
            raise
        ids = _suggested_ids(get_search_backend(FALLBACK_BACKEND), words, language, queryset)
    pages = {page.pk: page for page in visible_pages(request).filter(pk__in=ids)
             .only("pk", "title", "url_path", "path", "depth", "locale_id", "content_type_id")}
    suggestions = []
    for pk in ids:
        page = pages.get(pk)
        if page is not None:
            suggestions.append({"title": page.title, "url": page.get_url(request)})
        if len(suggestions) == MAX_SUGGESTIONS:
            break
    return suggestions


def _suggested_ids(backend, words, language, queryset):
    """Pages whose titles start like the typed words, then pages the typed words find.

    The second part analyses whole words like the search page does, so a typed
    inflected form ("koordinaattoreita") suggests the pages about its base form or
    about compounds containing it, which title prefixes alone would miss.
    """
    results = backend.autocomplete(" ".join(words), queryset.only("pk"), operator="and")
    ids = [page.pk for page in results[: MAX_SUGGESTIONS * 3]]
    if len(ids) < MAX_SUGGESTIONS * 3:
        parsed = search_query.parse(" ".join(words), language)
        if not parsed.is_empty:
            found = PortalSearch._search(backend, parsed.backend_query(), queryset)
            ids += [pk for pk, _score in found[: MAX_SUGGESTIONS * 3] if pk not in ids]
    return ids


def _vocabulary(request, language):
    """Words of visible titles, taxonomy names and topics in this language (cached)."""
    queryset, types = _pages_in(language)
    if queryset is None:
        return set()
    visible = visible_pages(request).filter(pk__in=queryset.values("pk"))
    stamp = visible.aggregate(latest=Max("last_published_at"), count=Count("pk"))
    latest = stamp["latest"].timestamp() if stamp["latest"] else 0
    key = f"search-vocabulary:{language}:{latest:.6f}:{stamp['count']}"
    vocabulary = cache.get(key)
    if vocabulary is None:
        texts = list(visible.values_list("title", flat=True))
        texts += [name for name, _slug in _topic_names(visible, types).values()]
        vocabulary = {word for text in texts for word in morphology.words(text.replace("-", " "))
                      if len(word) > 2 and not word.isdigit()}
        cache.set(key, vocabulary, VOCABULARY_TIMEOUT)
    return vocabulary


def _known_words(request, language):
    """The vocabulary and the analysed terms of its words, kept in the site memo until
    content changes (analysing every word of every title is too slow per request)."""
    def build():
        vocabulary = _vocabulary(request, language)
        return vocabulary, {term for known in vocabulary
                            for term in morphology.word_matcher_terms(known, language)}

    return memo(request, ("search-known-words", language), build)


def spelling_suggestion(raw, language, request=None):
    """The query with unknown words replaced by the closest words of the portal, or ""."""
    vocabulary, known_terms = _known_words(request, language)
    if not vocabulary:
        return ""
    changed = False
    corrected = []
    words = morphology.words(search_query.clean(raw).replace("-", " "))
    for word in words[: search_query.MAX_WORDS]:
        if morphology.word_matcher_terms(word, language) & known_terms:
            corrected.append(word)
            continue
        match = difflib.get_close_matches(word, vocabulary, n=1, cutoff=0.75)
        corrected.append(match[0] if match else word)
        changed = changed or bool(match)
    return " ".join(corrected) if changed else ""


def _topic_names(visible, types):
    """{slug: (name, slug)} of topics used by the visible pages, most used first."""
    arms = []
    for search_type in types:
        for lookup in search_type.facets.get(TOPIC_FACET, []):
            arms.append(
                search_type.model.objects.filter(pk__in=visible.values("pk"))
                .annotate(_slug=Cast(lookup, output_field=CharField()))
                .filter(_slug__isnull=False).order_by().values_list("_slug", flat=True)
            )
    if not arms:
        return {}
    counts = Counter(arms[0].union(*arms[1:], all=True))
    names = dict(Tag.objects.filter(slug__in=counts).values_list("slug", "name"))
    return {slug: (names[slug], slug) for slug, _n in counts.most_common() if slug in names}


def related_topics(request, language, limit=8):
    """The most used topics among visible pages: (slug, name) pairs for facet links
    (kept in the site memo until content changes)."""
    def build():
        queryset, types = _pages_in(language)
        if queryset is None:
            return []
        visible = visible_pages(request).filter(pk__in=queryset.values("pk"))
        return [(slug, name) for name, slug in _topic_names(visible, types).values()]

    return memo(request, ("search-related-topics", language), build)[:limit]
