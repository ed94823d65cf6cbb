"""A pathway's steps as a tree the templates draw: numbered steps, branches, convergence.

Built from the stream's raw data, so linked operating models and documents are
fetched in two queries for the whole pathway, however many steps it has. A link
to a page or document that was deleted, unpublished or made private is left
out; the step itself still renders.
"""

from dataclasses import dataclass, field
from string import ascii_uppercase

from models_library.blocks import BranchOutcome, OrganisationType

ORGANISATION_TYPE_LABELS = dict(OrganisationType.choices)


@dataclass
class Step:
    number: str
    title: str
    organisation: str
    organisation_type: str
    organisation_type_label: str
    service: str = ""
    entry_criteria: str = ""
    client_gets: str = ""
    duration: str = ""
    operating_models: list = field(default_factory=list)
    documents: list = field(default_factory=list)
    ptv: dict = field(default_factory=dict)
    keywords: list = field(default_factory=list)
    kind: str = "step"


@dataclass
class Branch:
    letter: str
    label: str
    steps: list
    outcome: str
    rejoins_at: Step | None = None

    @property
    def ends(self):
        return self.outcome == BranchOutcome.END


@dataclass
class BranchPoint:
    question: str
    branches: list
    rejoins_at: Step | None = None
    kind: str = "branch"

    @property
    def converges(self):
        return any(not branch.ends for branch in self.branches)


@dataclass
class Diagram:
    items: list
    step_count: int
    organisation_types: list
    documents: list

    @property
    def empty(self):
        return not self.items


def _values(raw_list):
    """Items of a ListBlock's raw value, in the current ({"value": …}) or the old format."""
    values = []
    for item in raw_list or []:
        is_wrapped = isinstance(item, dict) and item.get("type") == "item" and "value" in item
        value = item["value"] if is_wrapped else item
        if value not in (None, ""):
            values.append(value)
    return values


def _ids(raw_list):
    return [int(value) for value in _values(raw_list) if str(value).isdigit()]


def _walk_steps(raw_stream):
    for item in raw_stream:
        if item.get("type") == "step":
            yield item.get("value") or {}
        elif item.get("type") == "branch":
            for branch in _values((item.get("value") or {}).get("branches")):
                yield from _values(branch.get("steps"))


def referenced_ids(raw_stream):
    """(operating model ids, document ids) linked anywhere in the stream."""
    model_ids, document_ids = [], []
    for step in _walk_steps(raw_stream):
        model_ids.extend(_ids(step.get("operating_models")))
        document_ids.extend(_ids(step.get("documents")))
    return list(dict.fromkeys(model_ids)), list(dict.fromkeys(document_ids))


def organisation_types(raw_stream):
    found = []
    for step in _walk_steps(raw_stream):
        code = step.get("organisation_type")
        if code in ORGANISATION_TYPE_LABELS and code not in found:
            found.append(code)
    return found


STEP_TEXT_KEYS = ("title", "organisation", "service", "entry_criteria", "client_gets",
                  "duration")
PTV_TEXT_KEYS = ("target_group", "service_class", "keywords", "service_area")


def steps_text(raw_stream):
    """The texts a visitor reads in the steps and branches, from the raw data (no queries:
    linked models and documents are not looked up), for the search index and snippets."""
    texts = []
    for item in raw_stream:
        if item.get("type") == "branch":
            value = item.get("value") or {}
            texts.append(value.get("question"))
            texts.extend(branch.get("label") for branch in _values(value.get("branches")))
    for step in _walk_steps(raw_stream):
        texts.extend(step.get(key) for key in STEP_TEXT_KEYS)
        ptv = step.get("ptv") or {}
        texts.extend(ptv.get(key) for key in PTV_TEXT_KEYS)
    return "\n".join(str(text).strip() for text in texts if text and str(text).strip())


def step_count(raw_stream):
    return sum(1 for _step in _walk_steps(raw_stream))


def _step(number, raw, models, documents):
    ptv_raw = raw.get("ptv") or {}
    ptv = {key: str(ptv_raw.get(key) or "").strip()
           for key in ("target_group", "service_class", "service_area", "suomifi_url")}
    keywords = [word.strip() for word in str(ptv_raw.get("keywords") or "").split(",")
                if word.strip()]
    code = raw.get("organisation_type") or ""
    return Step(
        number=number,
        title=raw.get("title") or "",
        organisation=raw.get("organisation") or "",
        organisation_type=code,
        organisation_type_label=ORGANISATION_TYPE_LABELS.get(code, ""),
        service=raw.get("service") or "",
        entry_criteria=raw.get("entry_criteria") or "",
        client_gets=raw.get("client_gets") or "",
        duration=raw.get("duration") or "",
        operating_models=[models[pk] for pk in _ids(raw.get("operating_models")) if pk in models],
        documents=[documents[pk] for pk in _ids(raw.get("documents")) if pk in documents],
        ptv={key: value for key, value in ptv.items() if value},
        keywords=keywords,
    )


def build_diagram(raw_stream, models, documents):
    """The drawable tree. ``models`` and ``documents`` map id -> visible object."""
    items, main_number, letters = [], 0, iter(_letters())
    open_points = []
    for item in raw_stream:
        value = item.get("value") or {}
        if item.get("type") == "step":
            main_number += 1
            step = _step(str(main_number), value, models, documents)
            for point in open_points:
                point.rejoins_at = step
                for branch in point.branches:
                    if not branch.ends:
                        branch.rejoins_at = step
            open_points = []
            items.append(step)
        elif item.get("type") == "branch":
            branches = []
            for branch_raw in _values(value.get("branches")):
                letter = next(letters)
                steps = [_step(f"{letter}{n}", raw, models, documents)
                         for n, raw in enumerate(_values(branch_raw.get("steps")), start=1)]
                branches.append(Branch(letter, branch_raw.get("label") or letter, steps,
                                       branch_raw.get("outcome") or BranchOutcome.REJOIN))
            point = BranchPoint(value.get("question") or "", branches)
            open_points.append(point)
            items.append(point)
    used_documents = []
    for step in _all_steps(items):
        used_documents.extend(doc for doc in step.documents if doc not in used_documents)
    return Diagram(items, step_count(raw_stream),
                   [(code, ORGANISATION_TYPE_LABELS[code])
                    for code in organisation_types(raw_stream)],
                   used_documents)


def _all_steps(items):
    for item in items:
        if item.kind == "step":
            yield item
        else:
            for branch in item.branches:
                yield from branch.steps


def _letters():
    for first in ("", *ascii_uppercase):
        for second in ascii_uppercase:
            yield first + second
