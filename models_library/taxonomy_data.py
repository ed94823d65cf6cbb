"""Reference taxonomy kept current by the demo command.

Regions and municipalities come from the CSV files in ``data/``; funders, target
groups and phenomena are the controlled lists editors start from. Loading is
idempotent: terms are matched by code and locale, names are updated. A fresh
database gets the terms from migration 0002, which holds its own frozen copy.
"""

import csv
from pathlib import Path

from wagtail.models import Locale

from models_library.models.taxonomy import (
    Funder,
    Municipality,
    Phenomenon,
    Region,
    TargetGroup,
    translation_key_for,
)

DATA_DIR = Path(__file__).resolve().parent / "data"
LANGUAGES = ("fi", "sv", "en")

FUNDERS = [
    ("stm", "Sosiaali- ja terveysministeriö (STM)", "Social- och hälsovårdsministeriet (SHM)",
     "Ministry of Social Affairs and Health (STM)"),
    ("tem", "Työ- ja elinkeinoministeriö (TEM)", "Arbets- och näringsministeriet (ANM)",
     "Ministry of Economic Affairs and Employment (TEM)"),
    ("esr", "Euroopan sosiaalirahasto (ESR)", "Europeiska socialfonden (ESF)",
     "European Social Fund (ESF)"),
    ("muu-eu", "Muu EU-rahoitus", "Annan EU-finansiering", "Other EU funding"),
    ("stea", "STEA", "STEA", "STEA (Funding Centre for Social Welfare and Health Organisations)"),
    ("kela", "Kela", "FPA", "Kela (Social Insurance Institution)"),
    ("kunta", "Kunta", "Kommun", "Municipality"),
    ("hyvinvointialue", "Hyvinvointialue", "Välfärdsområde", "Wellbeing services county"),
    ("ei-erillisrahoitusta", "Ei erillisrahoitusta", "Ingen separat finansiering",
     "No separate funding"),
]
TARGET_GROUPS = [
    ("tyoikaiset", "Työikäiset", "Personer i arbetsför ålder", "People of working age"),
    ("tyottomat", "Työttömät", "Arbetslösa", "Unemployed people"),
    ("pitkaaikaistyottomat", "Pitkäaikaistyöttömät", "Långtidsarbetslösa", "Long-term unemployed"),
    ("osatyokykyiset", "Osatyökykyiset", "Personer med partiell arbetsförmåga",
     "People with partial work ability"),
    ("nuoret", "Nuoret", "Unga", "Young people"),
    ("maahan-muuttaneet", "Maahan muuttaneet", "Invandrare", "Immigrants"),
    ("tyolliset", "Työssä olevat", "Sysselsatta", "Employed people"),
    ("tyonantajat", "Työnantajat", "Arbetsgivare", "Employers"),
    ("ammattilaiset", "Ammattilaiset", "Yrkesverksamma", "Professionals"),
]
PHENOMENA = [
    ("tyokyky", "Työkyky", "Arbetsförmåga", "Work ability"),
    ("syrjaytyminen", "Syrjäytyminen", "Utslagning", "Social exclusion"),
    ("mielenterveys", "Mielenterveys", "Psykisk hälsa", "Mental health"),
    ("ikaantyminen", "Ikääntyminen", "Åldrande", "Ageing"),
    ("eriarvoisuus", "Eriarvoisuus", "Ojämlikhet", "Inequality"),
]


def _rows(name):
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _differs(obj, field, value):
    if hasattr(value, "pk"):  # compare foreign keys by id, without fetching them
        return getattr(obj, f"{field}_id") != value.pk
    return getattr(obj, field) != value


class _Upserter:
    """Create or update the terms of one model in bulk: a few queries, not one per row."""

    def __init__(self, model, locales):
        self.model, self.locales = model, locales
        self.existing = {(obj.code, obj.locale_id): obj for obj in model.objects.all()}
        self.to_create, self.to_update, self.fields = [], [], set()

    def add(self, key_kind, code, names, **extra_by_language):
        key = translation_key_for(key_kind, code)
        objects = {}
        for language, name in zip(LANGUAGES, names, strict=True):
            values = {"name": name, "translation_key": key}
            values.update({field: by_language[language]
                           for field, by_language in extra_by_language.items()})
            obj = self.existing.get((code, self.locales[language].pk))
            if obj is None:
                obj = self.model(code=code, locale=self.locales[language], **values)
                self.to_create.append(obj)
            elif any(_differs(obj, field, value) for field, value in values.items()):
                for field, value in values.items():
                    setattr(obj, field, value)
                self.fields.update(values)
                self.to_update.append(obj)
            objects[language] = obj
        return objects

    def save(self):
        self.model.objects.bulk_create(self.to_create, batch_size=500)
        if self.to_update:
            self.model.objects.bulk_update(self.to_update, sorted(self.fields), batch_size=500)


def load_taxonomy():
    """Create or update every reference term."""
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES}

    region_upserter = _Upserter(Region, locales)
    regions = {
        row["code"]: region_upserter.add(
            "region", row["code"], (row["name_fi"], row["name_sv"], row["name_en"]),
            kind=dict.fromkeys(LANGUAGES, row["kind"]),
        )
        for row in _rows("regions.csv")
    }
    region_upserter.save()
    municipality_upserter = _Upserter(Municipality, locales)
    for row in _rows("municipalities.csv"):
        municipality_upserter.add(
            "municipality", row["code"],
            (row["name_fi"], row["name_sv"] or row["name_fi"], row["name_fi"]),
            region={language: regions[row["region_code"]][language] for language in LANGUAGES},
        )
    municipality_upserter.save()
    for model, key_kind, terms in ((Funder, "funder", FUNDERS),
                                   (TargetGroup, "target-group", TARGET_GROUPS),
                                   (Phenomenon, "phenomenon", PHENOMENA)):
        upserter = _Upserter(model, locales)
        for code, *names in terms:
            upserter.add(key_kind, code, names)
        upserter.save()

