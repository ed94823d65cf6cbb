"""Side-by-side comparison of two or three operating models, section by section."""

from django.db.models import prefetch_related_objects
from django.utils.translation import gettext as _

from models_library.blocks import SECTIONS
from models_library.models import OperatingModelPage
from models_library.taxonomy_names import TaxonomyNames
from portal.text import strip_control_characters
from portal.visibility import visibility


def build_comparison(index_page, raw_ids, request=None):
    rule = visibility(request)
    errors = []
    ids = []
    for raw in raw_ids:
        if raw.isdigit() and len(raw) < 12:
            ids.append(int(raw))
        else:
            errors.append(_("“%(value)s” is not a model identifier and was ignored.")
                          % {"value": strip_control_characters(raw)[:40]})
    ids = list(dict.fromkeys(ids))[:3]
    found = {
        page.pk: page
        for page in rule.filter(OperatingModelPage.objects.descendant_of(index_page))
        .filter(pk__in=ids).select_related("programme")
    }
    if len(found) < len(ids):
        errors.append(_("Some of the requested models were not found or are not published."))
    models = [found[pk] for pk in ids if pk in found]
    if len(models) < 2:
        errors.append(_("Choose at least two models to compare."))
        return None, errors

    prefetch_related_objects(models, "regions", "municipalities", "funders")
    names = TaxonomyNames()
    per_model = [names.for_page(model) for model in models]
    programmes = [rule.or_none(model.programme) for model in models]
    rows = [
        (_("Place of implementation"), [m.implementation_place or "—" for m in models], False),
        (_("Regions"), [", ".join(n["regions"]) or "—" for n in per_model], False),
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
    return {"models": models, "rows": rows}, errors


def _section_text(model, key, heading=None):
    for block in model.description:
        if block.block_type == key and (heading is None or block.value["heading"] == heading):
            return block.value["body"]
    return None
