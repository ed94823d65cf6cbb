"""Every label variant the parser knows lands in its page field, for both page types.

One small description is written per label (in this project's own words) and
all of them are imported in one batch; each must put its value in the right
field and lose no line.
"""

import datetime

import pytest

from models_library.importer import LABELS, OPERATING_MODEL, PROGRAMME
from models_library.importer.service import CREATED, import_files
from tests.models_library.importer_support import (
    build_import_parent,
    latest,
    lost_lines,
    rich_to_text,
)

pytestmark = pytest.mark.django_db

PLACE_LABELS = ["Paikkakunta tai maakunta", "Paikkakunta, maakunta tai hyvinvointialue",
                "Maakunta tai hyvinvointialue", "Kunta tai kaupunki"]
SKIPPED_TARGETS = {"group", "title"}  # groups hold no value; every description has a title


def value_for(target, number):
    return {
        "short_description": f"Lyhyt kuvaus numero {number}.",
        "implementation_place": f"Toimipiste {number}",
        "place_text": "Espoo",
        "funders": "STEA",
        "programme_name": f"Ohjelma numero {number}",
        "authors": f"Tekijätiimi {number}",
        "created_text": "5.6.2023",
        "modified_text": "7.8.2024",
        "contact_name": f"Yhteyshenkilö {number}",
        "contact_organisation": f"Organisaatio {number}",
        "contact_email": f"rooli{number}@example.fi",
        "period_text": "1.1.2024 - 31.12.2024",
        "partners": f"Kumppani {number} ja verkosto",
        "attachments_text": f"Liite {number} (https://example.fi/liite-{number}.pdf)",
        "cover_image_alt": f"Kuvateksti numero {number}",
        "stage_text": "Käyttövalmis",
        "topics_text": f"Testiaihe{number}",
        "target_groups_text": "Nuoret",
        "phenomena_text": "Mielenterveys",
    }.get(target, f"Osion {number} teksti päättyy pisteeseen.")


def cases():
    for label, spec in LABELS.items():
        if spec.target in SKIPPED_TARGETS:
            continue
        kinds = [spec.kind] if spec.kind else [OPERATING_MODEL, PROGRAMME]
        for kind in kinds:
            yield label[0].upper() + label[1:], spec.target, kind
    for label in PLACE_LABELS:
        yield label, "place_text", OPERATING_MODEL


def description(label, target, kind, number):
    prefix = "Toimintamallin" if kind == OPERATING_MODEL else "Kokonaisuuden"
    value = value_for(target, number)
    lines = [f"{prefix} nimi", f"Nimiketesti {number}"]
    if target != "short_description":
        lines += [f"{prefix} lyhyt kuvaus", "", f"Kuvaus testiä {number} varten.", ""]
    if target not in ("created_text", "modified_text"):
        lines += ["Luotu", "", "1.2.2024", ""]
    lines += [label, "", value, ""]
    return "\n".join(lines), value


def check(page, target, kind, value):
    """Where the value must be; returns a problem or ""."""
    is_model = kind == OPERATING_MODEL
    others = {block.value["heading"]: rich_to_text(block.value["body"])
              for block in (page.description if is_model else page.other_sections)
              if block.block_type == "other"}
    tags = {tag.name for tag in page.topics.all()}
    expected = {
        "short_description": lambda: page.summary == value,
        "implementation_place": lambda: page.implementation_place == value,
        "place_text": lambda: [m.code for m in page.municipalities.all()] == ["049"],
        "funders": lambda: [f.code for f in page.funders.all()] == ["stea"],
        "programme_name": lambda: others.get("Toimintamallin kokonaisuus") == value,
        "authors": lambda: page.authors == value,
        "created_text": lambda: page.source_created == datetime.date(2023, 6, 5),
        "modified_text": lambda: page.source_modified == datetime.date(2024, 8, 7),
        "contact_name": lambda: page.contact_name == value,
        "contact_organisation": lambda: page.contact_organisation == value,
        "contact_email": lambda: page.contact_email == value,
        "period_text": lambda: (page.period_text == value
                                and page.start_date == datetime.date(2024, 1, 1)),
        "partners": lambda: page.partners == value,
        "attachments_text": lambda: [link.url for link in page.links.all()]
        == [value.split("(")[1].rstrip(")")],
        "cover_image_alt": lambda: (page.cover_image_alt == value if is_model
                                    else others.get("Kansikuva") == value),
        "stage_text": lambda: page.stage == "ready",
        "topics_text": lambda: value in tags,
        "target_groups_text": lambda: ([g.code for g in page.target_groups.all()] == ["nuoret"]
                                       if is_model else value in tags),
        "phenomena_text": lambda: ([p.code for p in page.phenomena.all()] == ["mielenterveys"]
                                   if is_model else value in tags),
    }.get(target)
    if expected is not None:
        return "" if expected() else f"{target} not in its field"
    key = target.removeprefix("section:")
    if is_model:
        found = [(block.block_type, rich_to_text(block.value["body"]))
                 for block in page.description if block.block_type != "other"]
        return "" if found == [(key, value)] else f"section {key}: {found}"
    return "" if rich_to_text(getattr(page, key)) == value else f"field {key} is wrong"


def test_every_label_variant_lands_in_its_field():
    build_import_parent()
    items = []
    for number, (label, target, kind) in enumerate(cases()):
        text, value = description(label, target, kind, number)
        items.append((label, target, kind, text, value))

    results = import_files([(f"{number}.txt", text.encode())
                            for number, (*_rest, text, _value) in enumerate(items)])

    problems = []
    for (label, target, kind, text, value), result in zip(items, results, strict=True):
        if result.action != CREATED or result.kind != kind:
            problems.append(f"{label} ({kind}): {result.action} {result.kind} {result.error}")
            continue
        page = latest(result.page)
        if problem := check(page, target, kind, value):
            problems.append(f"{label} ({kind}): {problem}")
        if lost := lost_lines(text, result.page):
            problems.append(f"{label} ({kind}): lost {lost}")
    assert problems == []
    assert len(items) > 70  # every label, shared ones for both page types
