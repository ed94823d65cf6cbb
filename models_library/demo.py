"""Demo content for the library, read from ``data/demo_library.yaml``.

Called by ``manage.py load_demo_content`` after ``portal.demo.build``; safe to run
any number of times. The data file holds the programmes, operating models, regional
variants, attachments and front-door texts; this module only turns them into pages.
"""

from pathlib import Path

from wagtail.models import Locale

from models_library.demo_media import cover_alt_text, ensure_cover_image, ensure_pdf_document
from models_library.models import (
    DevelopmentLogEntry,
    EvaluationCriterion,
    Funder,
    LibraryIndexPage,
    Municipality,
    OperatingModelAttachment,
    OperatingModelLink,
    OperatingModelPage,
    Phenomenon,
    ProgrammeAttachment,
    ProgrammeLink,
    ProgrammePage,
    Region,
    Stage,
    TargetGroup,
)
from models_library.taxonomy_data import load_taxonomy
from portal.demo import home_body
from portal.demo_utils import load_data, root_page, upsert_page, upsert_translation
from portal.models import HomePage, StandardPage

DATA = Path(__file__).resolve().parent / "data" / "demo_library.yaml"
LANGUAGES = ("fi", "sv", "en")
TRANSLATION_LANGUAGES = ("sv", "en")
TAXONOMY_FIELDS = {
    "regions": Region,
    "municipalities": Municipality,
    "funders": Funder,
    "target_groups": TargetGroup,
    "phenomena": Phenomenon,
}
PLAIN_FIELDS = (
    "title", "summary", "implementation_place", "period_text", "partners", "stage",
    "start_date", "end_date", "source_created", "source_modified", "authors",
    "contact_organisation", "contact_email", "topics",
)
PROGRAMME_TAXONOMY = ("regions", "municipalities", "funders")
RICH_FIELDS = ("intro", "purpose", "starting_point", "goal", "intended_results")
FRONT_DOOR_TEXTS = ("search", "entries", "library", "about", "newest", "featured", "programmes")


def load_library_data(path):
    """The library's demo data, its cross-references checked before any page is written."""
    data = load_data(path)
    data.require(data, ("index", "documents", "criteria", "programmes", "models", "front_door"),
                 "top level")
    data.require(data["index"], ("slug", *LANGUAGES), "index")
    for key, spec in data["documents"].items():
        data.require(spec, ("title", "filename", "paragraphs"), f"documents.{key}")
    for key, texts in data["criteria"].items():
        data.require(texts, LANGUAGES, f"criteria.{key}")
    keys = {"index"}
    for group in ("programmes", "models"):
        for number, spec in enumerate(data[group]):
            where = f"{group}[{number}]"
            data.require(spec, ("key", "parent", "slug", "title"), where)
            where = f"{where} ({spec['key']})"
            references = [spec["parent"] or "index", spec.get("programme"), spec.get("variant_of")]
            for reference in filter(None, references):
                data.choice(reference, keys, f"{where}: a reference to an entry above")
            _check_entry(data, spec, where)
            for language, translation in spec.get("translations", {}).items():
                data.choice(language, TRANSLATION_LANGUAGES, f"{where}.translations")
                data.require(translation, ("slug", "title"), f"{where}.translations.{language}")
                _check_entry(data, translation, f"{where}.translations.{language}")
            keys.add(spec["key"])
    front_door = data.require(data["front_door"], ("featured", *LANGUAGES), "front_door")
    for language in LANGUAGES:
        data.require(front_door[language], FRONT_DOOR_TEXTS, f"front_door.{language}")
    for key in front_door["featured"]:
        data.choice(key, keys, "front_door.featured")
    return data


def _check_entry(data, spec, where):
    if "stage" in spec:
        data.choice(spec["stage"], Stage.values, f"{where}.stage")
    for number, entry in enumerate(spec.get("evaluation", [])):
        place = f"{where}.evaluation[{number}]"
        data.require(entry, ("criterion", "rating", "note", "rated_on"), place)
        data.choice(entry["criterion"], list(data["criteria"]), f"{place}.criterion")
        data.choice(entry["rating"], EvaluationCriterion.Rating.values, f"{place}.rating")
    for number, entry in enumerate(spec.get("log", [])):
        place = f"{where}.log[{number}]"
        data.require(entry, ("date", "phase", "text"), place)
        data.choice(entry["phase"], DevelopmentLogEntry.Phase.values, f"{place}.phase")
    for number, entry in enumerate(spec.get("attachments", [])):
        place = f"{where}.attachments[{number}]"
        data.require(entry, ("document", "title"), place)
        data.choice(entry["document"], list(data["documents"]), f"{place}.document")
    for number, entry in enumerate(spec.get("links", [])):
        data.require(entry, ("title", "url"), f"{where}.links[{number}]")
    for group in ("sections", "other_sections"):
        for number, entry in enumerate(spec.get(group, [])):
            data.require(entry, ("kind", "body"), f"{where}.{group}[{number}]")


class TaxonomyTerms:
    """Finnish taxonomy terms by code, loaded once per model."""

    def __init__(self):
        self._by_model = {}

    def get(self, model, codes):
        if model not in self._by_model:
            self._by_model[model] = {
                term.code: term for term in model.objects.filter(locale__language_code="fi")
            }
        terms = self._by_model[model]
        missing = [code for code in codes if code not in terms]
        if missing:
            raise ValueError(f"Unknown {model.__name__} codes in the demo data: {missing}")
        return [terms[code] for code in codes]


def _localised(value, language):
    return value[language] if isinstance(value, dict) else value


def _html(parts):
    """One paragraph or a list of them as HTML; a part that starts with "<" is HTML already."""
    if isinstance(parts, str):
        parts = [parts]
    return "".join(part if part.startswith("<") else f"<p>{part}</p>" for part in parts)


class Builder:
    """Turns the data file's entries into field values and pages."""

    def __init__(self, data):
        self.data = data
        self.terms = TaxonomyTerms()
        self.documents = {key: ensure_pdf_document(**spec)
                          for key, spec in data["documents"].items()}

    def sections(self, model, field_name, entries, where):
        items = [{entry["kind"]: {"heading": entry.get("heading", ""),
                                  "body": _html(entry["body"])}} for entry in entries]
        return self.data.stream(model, field_name, items, where)

    def common_fields(self, spec, link_model, attachment_model, language):
        """Field values shared by programmes, models and their translations."""
        fields = {name: spec[name] for name in PLAIN_FIELDS if name in spec}
        fields.update({name: _html(spec[name]) for name in RICH_FIELDS if name in spec})
        if "links" in spec:
            fields["links"] = [link_model(title=link["title"], url=link["url"])
                               for link in spec["links"]]
        if "attachments" in spec:
            fields["attachments"] = [
                attachment_model(document=self.documents[item["document"]],
                                 title=_localised(item["title"], language))
                for item in spec["attachments"]
            ]
        return fields

    def programme_fields(self, spec, language="fi"):
        fields = self.common_fields(spec, ProgrammeLink, ProgrammeAttachment, language)
        fields["other_sections"] = self.sections(
            ProgrammePage, "other_sections", spec.get("other_sections", []), spec["slug"])
        if language == "fi":
            fields.update({name: self.terms.get(TAXONOMY_FIELDS[name], spec.get(name, []))
                           for name in PROGRAMME_TAXONOMY})
        return fields

    def model_fields(self, spec, language="fi"):
        """Everything of an operating model except its place in the tree and links to pages."""
        fields = self.common_fields(spec, OperatingModelLink, OperatingModelAttachment, language)
        fields["description"] = self.sections(
            OperatingModelPage, "description", spec["sections"], spec["slug"])
        fields["cover_image_alt"] = cover_alt_text(spec.get("image_key", spec["slug"]), language)
        criteria = self.data["criteria"]
        fields["evaluation_criteria"] = [
            EvaluationCriterion(
                criterion=criteria[entry["criterion"]][language], rating=entry["rating"],
                note=_localised(entry["note"], language), rated_on=entry["rated_on"],
            )
            for entry in spec.get("evaluation", [])
        ]
        fields["development_log"] = [
            DevelopmentLogEntry(date=entry["date"], phase=entry["phase"],
                                text=_localised(entry["text"], language))
            for entry in spec.get("log", [])
        ]
        if language == "fi":
            fields.update({name: self.terms.get(model, spec.get(name, []))
                           for name, model in TAXONOMY_FIELDS.items()})
        return fields

    def programmes(self, index):
        pages = {}
        for spec in self.data["programmes"]:
            parent = index if spec["parent"] is None else pages[spec["parent"]]
            pages[spec["key"]] = upsert_page(
                parent, ProgrammePage, spec["slug"], **self.programme_fields(spec))
        return pages

    def models(self, index, programmes):
        pages = {}
        for spec in self.data["models"]:
            parent = index if spec["parent"] == "index" else programmes[spec["parent"]]
            fields = self.model_fields(spec)
            fields["programme"] = programmes[spec["programme"]]
            fields["variant_of"] = pages[spec["variant_of"]] if spec.get("variant_of") else None
            fields["cover_image"] = ensure_cover_image(f"Kansikuva: {spec['title']}",
                                                       spec["slug"])
            pages[spec["key"]] = upsert_page(parent, OperatingModelPage, spec["slug"], **fields)
        return pages

    def translations(self, index, programmes, models):
        """Swedish and English versions, parents first so no alias pages are made."""
        for language in TRANSLATION_LANGUAGES:
            upsert_translation(index, language, **self.data["index"][language])
            for spec in self.data["programmes"]:
                if language in spec.get("translations", {}):
                    data = spec["translations"][language]
                    upsert_translation(programmes[spec["key"]], language, slug=data["slug"],
                                       **self.programme_fields(data, language))
            for spec in self.data["models"]:
                if language not in spec.get("translations", {}):
                    continue
                data = {
                    **spec["translations"][language],
                    "evaluation": spec.get("evaluation", []), "log": spec.get("log", []),
                    "attachments": spec.get("attachments", []), "image_key": spec["slug"],
                }
                fields = self.model_fields(data, language)
                fields["programme"] = _translated(programmes[spec["programme"]], language)
                variant_root = models.get(spec.get("variant_of"))
                fields["variant_of"] = (_translated(variant_root, language)
                                        if variant_root else None)
                upsert_translation(models[spec["key"]], language, slug=data["slug"], **fields)

    def front_door(self, home, index, models):
        """The home page's blocks that lead into the library, before the home page's own."""
        front_door = self.data["front_door"]
        for language in LANGUAGES:
            text = front_door[language]
            home_page = _translated(home, language)
            library = _translated(index, language)
            about = StandardPage.objects.child_of(home_page).filter(show_in_menus=True).first()
            entries = [{"page": library, "title": "", "text": text["library"], "icon": "model"}]
            if about is not None:
                entries.append({"page": about, "title": "", "text": text["about"],
                                "icon": "info"})
            body = [
                ("search_box", {"heading": text["search"]}),
                ("entry_points", {"heading": text["entries"], "items": entries}),
                ("latest_pages", {"heading": text["newest"], "section": library,
                                  "page_type": "models_library.operatingmodelpage",
                                  "count": 3}),
                ("featured_pages", {"heading": text["featured"],
                                    "pages": [_translated(models[key], language)
                                              for key in front_door["featured"]]}),
                ("latest_pages", {"heading": text["programmes"], "section": library,
                                  "page_type": "models_library.programmepage", "count": 3}),
                *home_body(language),
            ]
            if language == "fi":
                upsert_page(root_page(), HomePage, home.slug, body=body)
            else:
                upsert_translation(home, language, body=body)


def _finnish_home():
    home = HomePage.objects.child_of(root_page()).filter(locale__language_code="fi").first()
    if home is None:
        raise RuntimeError("The Finnish home page is missing: run portal.demo.build first.")
    return home


def _translated(page, language):
    """``page`` in ``language``, or the Finnish page itself when it has no translation."""
    translation = page.get_translation_or_none(Locale.objects.get(language_code=language))
    return translation.specific if translation is not None else page


def build(stdout=None):
    data = load_library_data(DATA)
    load_taxonomy()
    home = _finnish_home()
    builder = Builder(data)
    index = upsert_page(home, LibraryIndexPage, data["index"]["slug"], show_in_menus=True,
                        **data["index"]["fi"])
    programmes = builder.programmes(index)
    models = builder.models(index, programmes)
    builder.translations(index, programmes, models)
    builder.front_door(home, index, models)
    return index
