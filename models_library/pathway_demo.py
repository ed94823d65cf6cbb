"""Demo service pathways and documents, read from ``data/demo_pathways.json``.

Runs after the library demo (pathways link to its operating models) and is safe to
run repeatedly: documents are found by title, pages by slug, and every stream block
gets an id derived from its place, so an unchanged file publishes nothing new.
"""

import json
import uuid
from pathlib import Path

from models_library.demo import TaxonomyTerms, _finnish_home
from models_library.demo_media import ensure_document
from models_library.models import (
    OperatingModelPage,
    PathwayIndexPage,
    Region,
    ServicePathwayPage,
    TargetGroup,
)
from portal.demo_utils import load_data as read_data_file
from portal.demo_utils import upsert_page, upsert_translation

DATA = Path(__file__).resolve().parent / "data" / "demo_pathways.json"
NAMESPACE = uuid.UUID("0e0c3c55-8a3c-4a57-b7a4-5d2f3c7c9a10")
STEP_FIELDS = ("title", "organisation", "organisation_type", "service", "entry_criteria",
               "client_gets", "duration")
PTV_FIELDS = ("target_group", "service_class", "keywords", "service_area", "suomifi_url")


def load_data():
    data = read_data_file(DATA)
    data.require(data, ("documents", "index", "pathways"), "top level")
    return data


def _id(*parts):
    return str(uuid.uuid5(NAMESPACE, "/".join(str(part) for part in parts)))


def _items(values, *place):
    return [{"type": "item", "value": value, "id": _id(*place, n)}
            for n, value in enumerate(values)]


class Links:
    """Operating models by slug and documents by key, failing loudly on a typo."""

    def __init__(self, documents):
        self.documents = documents
        self.models = {page.slug: page.pk for page in OperatingModelPage.objects.filter(
            locale__language_code="fi")}

    def model_ids(self, slugs):
        missing = [slug for slug in slugs if slug not in self.models]
        if missing:
            raise ValueError(f"Unknown operating models in the pathway demo data: {missing}")
        return [self.models[slug] for slug in slugs]

    def document_ids(self, keys):
        return [self.documents[key].pk for key in keys]


def step_value(spec, links, *place):
    value = {name: spec.get(name, "") for name in STEP_FIELDS}
    value["operating_models"] = _items(links.model_ids(spec.get("models", [])), *place, "m")
    value["documents"] = _items(links.document_ids(spec.get("documents", [])), *place, "d")
    value["ptv"] = {name: spec.get("ptv", {}).get(name, "") for name in PTV_FIELDS}
    return value


def stream(slug, steps, links):
    blocks = []
    for n, spec in enumerate(steps):
        if spec["type"] == "step":
            value = step_value(spec, links, slug, n)
        else:
            value = {"question": spec["question"], "branches": _items([
                {"label": branch["label"], "outcome": branch["outcome"],
                 "steps": _items([step_value(s, links, slug, n, b, k)
                                  for k, s in enumerate(branch["steps"])], slug, n, b, "s")}
                for b, branch in enumerate(spec["branches"])
            ], slug, n, "b")}
        blocks.append({"type": spec["type"], "value": value, "id": _id(slug, n)})
    return json.dumps(blocks, ensure_ascii=False)


def build(stdout=None):
    data = load_data()
    documents = {
        key: ensure_document(spec["title"], spec["filename"], spec["paragraphs"],
                             description=spec["description"], language=spec["language"])
        for key, spec in data["documents"].items()
    }
    links = Links(documents)
    terms = TaxonomyTerms()
    home = _finnish_home()
    index_fi = data["index"]["fi"]
    index = upsert_page(home, PathwayIndexPage, index_fi["slug"], show_in_menus=True,
                        title=index_fi["title"], summary=index_fi["summary"],
                        intro=index_fi["intro"])
    for language in ("sv", "en"):
        spec = data["index"][language]
        upsert_translation(index, language, title=spec["title"], slug=spec["slug"],
                           summary=spec["summary"], intro=spec["intro"])
    for spec in data["pathways"]:
        upsert_page(
            index, ServicePathwayPage, spec["slug"],
            title=spec["title"], summary=spec["summary"], description=spec["description"],
            responsible_organisations="\n".join(spec["responsible_organisations"]),
            target_groups=terms.get(TargetGroup, spec["target_groups"]),
            regions=terms.get(Region, spec["regions"]),
            contact_organisation=spec.get("contact_organisation", ""),
            contact_email=spec.get("contact_email", ""),
            steps=stream(spec["slug"], spec["steps"], links),
        )
    return index
