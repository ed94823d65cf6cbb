"""Localised taxonomy names with a fixed number of queries per request.

Pages link to taxonomy terms of any locale; visitors see each term in their own
language. A ``TaxonomyNames`` loads each model's names once (one query per
model), so a page or a listing of any length costs the same.
"""

TAXONOMY_FIELDS = ("regions", "municipalities", "funders", "target_groups", "phenomena")


def live_terms(manager):
    """A page's terms that are published (filtered in Python, so prefetches still apply)."""
    return [term for term in manager.all() if term.live]


class TaxonomyNames:
    def __init__(self, language=None):
        self.language = language
        self._maps = {}

    def map_for(self, model):
        if model not in self._maps:
            self._maps[model] = model.names_for_language(self.language)
        return self._maps[model]

    def name_of(self, term):
        return self.map_for(type(term)).get(term.code, term.name)

    def for_page(self, page):
        result = {}
        for field in TAXONOMY_FIELDS:
            manager = getattr(page, field, None)
            if manager is not None:
                result[field] = sorted(self.name_of(term) for term in live_terms(manager))
        return result

