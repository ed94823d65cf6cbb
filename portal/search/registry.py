"""What the portal search covers: a registry that page types join through a hook.

An app makes its page type searchable from its ``wagtail_hooks.py``::

    @hooks.register("register_search_type")
    def operating_models():
        return SearchType("model", OperatingModelPage, _("Operating model"),
                          facets={"region": ["regions__code"], "stage": ["stage"]})

and adds a facet with ``register_search_facet`` returning :class:`SearchFacet`.
The search page, the JSON answer, autocomplete and the evaluation command read
the registry; nothing lists page types by hand.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _
from wagtail import hooks


@dataclass(frozen=True)
class SearchType:
    key: str  # in URLs: ?type=model
    model: type
    label: str
    # facet name -> lookups from the page model to the facet value, e.g. "regions__code"
    facets: dict = field(default_factory=dict)


@dataclass(frozen=True)
class SearchFacet:
    name: str  # in URLs: ?region=uusimaa
    label: str
    order: int = 100
    # Where labels come from: a model with a code and a name field ...
    label_model: type | None = None
    code_field: str = "code"
    name_field: str = "name"
    translated: bool = True  # the model has a locale (TranslatableMixin)
    # ... or fixed choices {value: label}
    choices: dict | None = None


TYPE_FACET = SearchFacet("type", _("Content type"), order=0)


def _collect(hook_name):
    items = []
    for hook in hooks.get_hooks(hook_name):
        result = hook()
        items.extend(result if isinstance(result, list | tuple) else [result])
    return items


def search_types():
    """Registered types in registration order, one per key (the last registration wins)."""
    types = {}
    for search_type in _collect("register_search_type"):
        types[search_type.key] = search_type
    return list(types.values())


def search_facets():
    """The type facet and every registered facet, in display order."""
    facets = {TYPE_FACET.name: TYPE_FACET}
    for facet in _collect("register_search_facet"):
        facets[facet.name] = facet
    return sorted(facets.values(), key=lambda facet: (facet.order, facet.name))
