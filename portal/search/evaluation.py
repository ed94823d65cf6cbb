"""Relevance measurement: recall@k and MRR of a query file against the current backend.

The file has one query per line: the query, a tab, and the expected page titles
separated by " | ". Lines starting with "#" are comments.
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import AnonymousUser
from django.http import QueryDict
from django.test import RequestFactory
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from portal.search.engine import PortalSearch, visible_pages


@dataclass
class Case:
    query: str
    expected: list


@dataclass
class CaseResult:
    case: Case
    found: list  # titles in rank order
    k: int

    @property
    def hits(self):
        return [title for title in self.case.expected if title in self.found[: self.k]]

    @property
    def missing(self):
        return [title for title in self.case.expected if title not in self.found[: self.k]]

    @property
    def recall(self):
        return len(self.hits) / len(self.case.expected) if self.case.expected else 1.0

    @property
    def reciprocal_rank(self):
        for rank, title in enumerate(self.found, start=1):
            if title in self.case.expected:
                return 1 / rank
        return 0.0


@dataclass
class Report:
    results: list = field(default_factory=list)

    @property
    def recall(self):
        return sum(r.recall for r in self.results) / len(self.results) if self.results else 0.0

    @property
    def mrr(self):
        return (sum(r.reciprocal_rank for r in self.results) / len(self.results)
                if self.results else 0.0)

    @property
    def misses(self):
        return [r for r in self.results if r.missing]


def read_cases(lines):
    cases = []
    for line in lines:
        line = line.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        query, _tab, expected = line.partition("\t")
        titles = [title.strip() for title in expected.split(" | ") if title.strip()]
        if query.strip() and titles:
            cases.append(Case(query.strip(), titles))
    return cases


def _request(language):
    request = RequestFactory().get(f"/{language}/")
    request.user = AnonymousUser()
    return request


def portal_titles(query, language="fi", k=10):
    """Titles the search page shows for a query, best first."""
    params = QueryDict(mutable=True)
    params["q"] = query
    search = PortalSearch(_request(language), params, language)
    titles = []
    outcome = search.run(with_promotions=False)
    page_obj = outcome.page_obj
    while page_obj is not None and len(titles) < k:
        titles.extend(result.page.title for result in outcome.results)
        if not page_obj.has_next():
            break
        params["page"] = str(page_obj.next_page_number())
        outcome = PortalSearch(_request(language), params, language).run(with_promotions=False)
        page_obj = outcome.page_obj
    return titles[:k]


def default_titles(query, language="fi", k=10):
    """Titles Wagtail's default search gives: the raw query over live public pages."""
    locale = Locale.objects.filter(language_code=language).first()
    queryset = visible_pages(_request(language)).filter(locale=locale)
    results = get_search_backend("default").search(query, queryset)
    return [page.title for page in results[:k]]


def evaluate(cases, search=portal_titles, language="fi", k=10):
    return Report([CaseResult(case, search(case.query, language, k), k) for case in cases])


def indexed_page_count():
    return Page.objects.live().count()
