"""Side-by-side comparison of two or three operating models, section by section."""

import uuid

from django.db.models import prefetch_related_objects
from django.utils.translation import gettext as _

from models_library.blocks import SECTIONS
from models_library.models.pages import OperatingModelPage
from models_library.taxonomy_names import TaxonomyNames, live_terms
from portal.text import strip_control_characters
from portal.visibility import visibility

MAX_COMPARED = 3
MAX_REQUESTED = 20  # values read from one request; the rest are ignored


def _key_or_id(raw):
    """A translation key (UUID, the same in every language), a page id (older
    links) or None."""
    raw = raw.strip()
    if raw.isdigit() and len(raw) < 12:
        return int(raw)
    try:
        return uuid.UUID(raw)
    except ValueError:
        return None


def resolve_models(index_page, raw_values, request=None):
    """The requested models in the library's language, in the order asked for.

    Translation keys find the model's version in this language, so a comparison
    survives a change of language; ids of a model in another language are mapped
    to this language's version the same way."""
    errors = []
    values = []
    for raw in raw_values[:MAX_REQUESTED]:
        value = _key_or_id(raw)
        if value is None:
            errors.append(_("“%(value)s” is not a model identifier and was ignored.")
                          % {"value": strip_control_characters(raw)[:40]})
        else:
            values.append(value)
    ids = [value for value in values if isinstance(value, int)]
    key_of_id = dict(
        OperatingModelPage.objects.filter(pk__in=ids).values_list("pk", "translation_key")
    )
    wanted = list(dict.fromkeys(
        key_of_id.get(value) if isinstance(value, int) else value for value in values
    ))
    visible = {
        page.translation_key: page
        for page in visibility(request).filter(OperatingModelPage.objects.descendant_of(index_page))
        .filter(translation_key__in=[key for key in wanted if key], locale_id=index_page.locale_id)
        .select_related("programme")
    }
    if any(key not in visible for key in wanted):
        errors.append(_("Some of the requested models were not found or are not published."))
    return [visible[key] for key in wanted if key in visible], errors


def comparison_context(index_page, raw_values, request=None):
    """What the compare view shows for the requested models (``?m=``)."""
    comparison, errors = build_comparison(index_page, raw_values, request)
    return {
        "comparison": comparison,
        "errors": errors,
        "breadcrumb_extra": [{"title": _("Compare operating models"), "url": ""}],
    }


def build_comparison(index_page, raw_values, request=None):
    models, errors = resolve_models(index_page, raw_values, request)
    if len(models) > MAX_COMPARED:
        errors.append(
            _("You can compare at most %(count)d models at a time; the first %(count)d are shown.")
            % {"count": MAX_COMPARED}
        )
        models = models[:MAX_COMPARED]
    if len(models) < 2:
        errors.append(_("Choose at least two models to compare."))
        return None, errors

    # The regions are the only terms shown: one query for all the models.
    prefetch_related_objects(models, "regions")
    names = TaxonomyNames()
    regions = [sorted(names.name_of(term) for term in live_terms(model.regions))
               for model in models]
    rule = visibility(request)
    programmes = [rule.or_none(model.programme) for model in models]
    rows = [
        (_("Place of implementation"), [m.implementation_place or "—" for m in models], False),
        (_("Regions"), [", ".join(found) or "—" for found in regions], False),
        (_("Development stage"), [m.get_stage_display() for m in models], False),
        (_("Programme"), [p.title if p else "—" for p in programmes], False),
    ]
    for key, heading, _required in SECTIONS:
        cells = [_section_text(model, key) for model in models]
        if any(cells):
            rows.append((heading, cells, True))
    other_headings = []
    for model in models:
        for block in model.description:
            if block.block_type == "other" and block.value["heading"] not in other_headings:
                other_headings.append(block.value["heading"])
    for heading in other_headings:
        rows.append((heading, [_section_text(m, "other", heading) for m in models], True))
    return {"models": models, "rows": rows, "keys": [m.translation_key for m in models]}, errors


def _section_text(model, key, heading=None):
    for block in model.description:
        if block.block_type == key and (heading is None or block.value["heading"] == heading):
            return block.value["body"]
    return None
