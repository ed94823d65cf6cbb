"""Builder functions for tests: small, explicit, with sensible defaults."""

import datetime

from wagtail.models import Locale
from wagtail.rich_text import RichText

from portal.demo_utils import publish
from portal.models import AccessibilityStatementPage, StandardPage


def build_standard_page(parent, title="Testisivu", slug=None, body=None, **fields):
    page = StandardPage(
        title=title,
        slug=slug or title.lower().replace(" ", "-"),
        locale=parent.locale,
        body=body or [("paragraph", RichText("<p>Sisältöä.</p>"))],
        **fields,
    )
    parent.add_child(instance=page)
    return publish(page)


def build_statement(parent, **fields):
    values = {
        "title": "Saavutettavuusseloste",
        "slug": "seloste",
        "prepared_on": datetime.date(2026, 1, 1),
        "reviewed_on": datetime.date(2026, 6, 1),
        **fields,
    }
    page = AccessibilityStatementPage(locale=parent.locale, **values)
    parent.add_child(instance=page)
    return publish(page)


def locale(code):
    return Locale.objects.get_or_create(language_code=code)[0]


# -- library -------------------------------------------------------------------------
REQUIRED_SECTION_TEXT = {
    "basic_idea": "Perusidea: asiakas saa yhden yhteyshenkilön.",
    "operating_environment": "Toimintaympäristö: sote-keskus ja työllisyyspalvelut.",
    "conditions": "Ehdot: sovitut vastuut ja yhteinen kirjaaminen.",
    "target_group_insight": "Kohderyhmä: osatyökykyiset työnhakijat.",
}


def sections(extra=None, **texts):
    """A description StreamField value with the four required sections filled in."""
    values = {**REQUIRED_SECTION_TEXT, **texts}
    blocks = [(key, {"heading": "", "body": RichText(f"<p>{text}</p>")})
              for key, text in values.items()]
    for heading, text in (extra or []):
        blocks.append(("other", {"heading": heading, "body": RichText(f"<p>{text}</p>")}))
    return blocks


def build_library(home, title="Toimintamallit", slug="toimintamallit"):
    from models_library.models import LibraryIndexPage

    page = LibraryIndexPage(title=title, slug=slug, locale=home.locale, show_in_menus=True)
    home.add_child(instance=page)
    return publish(page)


def build_programme(parent, title="Testikokonaisuus", live=True, **fields):
    from models_library.models import ProgrammePage

    regions = fields.pop("regions", [])
    funders = fields.pop("funders", [])
    topics = fields.pop("topics", [])
    page = ProgrammePage(title=title, slug=fields.pop("slug", None) or _slug(title),
                         locale=parent.locale, **fields)
    page.regions = regions
    page.funders = funders
    page.live = live
    parent.add_child(instance=page)
    page.topics.set(topics)
    return _save(page, live)


def build_model(parent, title="Testimalli", live=True, **fields):
    from models_library.models import OperatingModelPage

    m2m = {name: fields.pop(name, []) for name in
           ("regions", "municipalities", "funders", "target_groups", "phenomena")}
    topics = fields.pop("topics", [])
    children = {name: fields.pop(name, []) for name in
                ("evaluation_criteria", "development_log", "attachments", "links")}
    fields.setdefault("description", sections())
    page = OperatingModelPage(title=title, slug=fields.pop("slug", None) or _slug(title),
                              locale=parent.locale, **fields)
    for name, values in {**m2m, **children}.items():
        setattr(page, name, values)
    page.live = live
    parent.add_child(instance=page)
    page.topics.set(topics)
    return _save(page, live)


def _save(page, live):
    if live:
        return publish(page)
    page.save_revision()
    return page


def _slug(title):
    from django.utils.text import slugify

    return slugify(title) or "sivu"


def term(model, code, language="fi"):
    return model.objects.get(code=code, locale__language_code=language)


def restrict(page, kind="login"):
    """Put a view restriction on ``page``: "login", "password" or "groups"."""
    from django.contrib.auth.models import Group
    from wagtail.models import PageViewRestriction

    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=kind, password="salasana" if kind == "password" else ""
    )
    if kind == "groups":
        restriction.groups.set([Group.objects.get_or_create(name="Sisäinen")[0]])
    return page


def build_translation(page, language, live=True, **fields):
    """``page`` copied into ``language`` (its parents too), with ``fields`` changed."""
    translation = page.copy_for_translation(locale(language), copy_parents=True, alias=False)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.live = live
    translation.save()
    return _save(translation, live)


def build_embed(url="https://www.youtube.com/watch?v=demo", title="Video",
                html='<iframe src="https://www.youtube-nocookie.com/embed/demo" width="640" '
                     'height="360" title="Video"></iframe>', width=640, height=360):
    """A cached oEmbed result, so rendering an embed needs no network."""
    from wagtail.embeds.embeds import get_embed_hash
    from wagtail.embeds.models import Embed

    return Embed.objects.create(
        url=url, max_width=None, type="video", hash=get_embed_hash(url), html=html,
        title=title, thumbnail_url="", width=width, height=height,
    )


# -- service pathways and documents ----------------------------------------------------
def build_pathway_index(home, title="Palvelupolut", slug="palvelupolut"):
    from models_library.models import PathwayIndexPage

    page = PathwayIndexPage(title=title, slug=slug, locale=home.locale, show_in_menus=True)
    home.add_child(instance=page)
    return publish(page)


def step(title="Vaihe", organisation="Hyvinvointialue", organisation_type="wellbeing_county",
         models=(), documents=(), **fields):
    """A step block value; ``models`` and ``documents`` are pages/documents or their ids."""
    return ("step", step_value(title, organisation, organisation_type, models, documents,
                               **fields))


def step_value(title="Vaihe", organisation="Hyvinvointialue",
               organisation_type="wellbeing_county", models=(), documents=(), **fields):
    ptv = fields.pop("ptv", {})
    return {
        "title": title, "organisation": organisation, "organisation_type": organisation_type,
        "service": fields.pop("service", ""), "entry_criteria": fields.pop("entry_criteria", ""),
        "client_gets": fields.pop("client_gets", ""), "duration": fields.pop("duration", ""),
        "operating_models": [getattr(m, "pk", m) for m in models],
        "documents": [getattr(d, "pk", d) for d in documents],
        "ptv": {"target_group": "", "service_class": "", "keywords": "", "service_area": "",
                "suomifi_url": "", **ptv},
    }


def branch(question, *branches):
    """A branch point: ``branches`` are (label, [step values], outcome) tuples."""
    return ("branch", {
        "question": question,
        "branches": [{"label": label, "steps": list(steps), "outcome": outcome}
                     for label, steps, outcome in branches],
    })


def build_pathway(parent, title="Testipolku", steps=(), live=True, **fields):
    from models_library.models import ServicePathwayPage

    m2m = {name: fields.pop(name, []) for name in ("target_groups", "regions")}
    import json

    raw = json.dumps([{"type": kind, "value": value} for kind, value in steps])
    page = ServicePathwayPage(title=title, slug=fields.pop("slug", None) or _slug(title),
                              locale=parent.locale, steps=raw, **fields)
    for name, values in m2m.items():
        setattr(page, name, values)
    page.live = live
    parent.add_child(instance=page)
    return _save(page, live)


def build_document(title="Asiakirja", filename="asiakirja.pdf", data=None, collection=None,
                   **fields):
    """A stored document; its text is extracted when the surrounding transaction commits."""
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    from models_library.demo_media import simple_pdf

    data = simple_pdf(title, ["Esimerkkiteksti."]) if data is None else data
    document = get_document_model()(title=title, **fields)
    if collection is not None:
        document.collection = collection
    document.file.save(filename, ContentFile(data), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


# -- training ------------------------------------------------------------------------
def build_course_index(home, title="Koulutukset", slug="koulutukset"):
    from training.models import CourseIndexPage

    page = CourseIndexPage(title=title, slug=slug, locale=home.locale, show_in_menus=True)
    home.add_child(instance=page)
    return publish(page)


def build_course(index, title="Testikurssi", live=True, prerequisites=(), **fields):
    from training.models import CoursePage

    fields.setdefault("credits", 2)
    fields.setdefault("estimated_hours", 54)
    page = CoursePage(title=title, slug=fields.pop("slug", None) or _slug(title),
                      locale=index.locale, **fields)
    page.prerequisites = list(prerequisites)
    page.live = live
    index.add_child(instance=page)
    return _save(page, live)


def build_module(course, title="Moduuli 1", live=True, **fields):
    from training.models import ModulePage

    page = ModulePage(title=title, slug=fields.pop("slug", None) or _slug(title),
                      locale=course.locale, **fields)
    page.live = live
    course.add_child(instance=page)
    return _save(page, live)


def build_lesson(module, title="Oppitunti", live=True, body=None, **fields):
    from training.models import LessonPage

    page = LessonPage(title=title, slug=fields.pop("slug", None) or _slug(title),
                      locale=module.locale,
                      body=body if body is not None else [
                          ("paragraph", RichText(f"<p>{title}: oppitunnin teksti.</p>"))],
                      **fields)
    page.live = live
    module.add_child(instance=page)
    return _save(page, live)


def question(text="Kysymys?", kind="single", choices=(("Oikein", True), ("Väärin", False)),
             accepted="", explanation="Selitys."):
    return {
        "kind": kind, "question": text,
        "choices": [{"text": choice, "correct": correct} for choice, correct in choices],
        "accepted_answers": accepted, "explanation": RichText(f"<p>{explanation}</p>"),
    }


def quiz(*questions, heading="Tentti", pass_mark=70):
    return ("quiz", {"heading": heading, "intro": RichText(""), "pass_mark": pass_mark,
                     "questions": list(questions) or [question()]})


def build_trainee(email="harjoittelija@example.fi", password="Salasana-123", verified=True):
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user(
        username=email.split("@")[0], email=email, password=password)
    EmailAddress.objects.create(user=user, email=email, primary=True, verified=verified)
    return user


def translate_tree(page, language, suffix=None):
    """Translate ``page`` and its descendants into ``language`` and publish them."""
    from wagtail.models import Page

    for node in [page, *Page.objects.descendant_of(page).order_by("path")]:
        node = node.specific
        translation = node.get_translation_or_none(locale(language))
        if translation is None:
            translation = node.copy_for_translation(locale(language), copy_parents=True)
        translation.title = f"{node.title} ({suffix or language})"
        publish(translation)
    return page.get_translation(locale(language))


# -- search --------------------------------------------------------------------------
def build_search_corpus(library):
    """Three models and a programme whose texts use inflected and compound Finnish."""
    from models_library.models import Region, TargetGroup

    region = Region.objects.get(code="varsinais-suomi", locale__language_code="fi")
    group = TargetGroup.objects.filter(locale__language_code="fi").order_by("code").first()
    programme = build_programme(
        library, title="Työkyvyn tuen kehittämisohjelma",
        summary="Ohjelma kokoaa palvelupolkuja ja kokeiluja.", regions=[region],
        topics=["palvelupolut"],
    )
    coordinators = build_model(
        library, title="Koordinoitu tuki terveysasemilla", programme=programme,
        summary="Työkykykoordinaattorin vastaanotto terveysasemalla.",
        regions=[region], target_groups=[group], topics=["koordinointi"], stage="ready",
        description=sections(basic_idea="Työkykykoordinaattorien verkosto palvelee "
                                        "terveysasemille tulevia asiakkaita."),
    )
    coaching = build_model(
        library, title="Valmennus työhön",
        summary="Työhönvalmentajia ja yksilövalmennusta osatyökykyisille.",
        topics=["valmennus"], stage="developing",
        description=sections(basic_idea="Kokeneet työhönvalmentajat tukevat asiakasta."),
    )
    pathway = build_model(
        library, title="Yhteinen palvelupolku",
        summary="Palvelupolku kuvaa asiakkaan vaiheet.", topics=["palvelupolut"],
        description=sections(basic_idea="Kymsote ja kunta sopivat vastuista."),
    )
    return {"programme": programme, "coordinators": coordinators, "coaching": coaching,
            "pathway": pathway}


# -- content at a size (query-budget tests) -------------------------------------------
def build_image(title="Kuva", size=(40, 20)):
    import io

    from django.core.files.images import ImageFile
    from PIL import Image as PILImage
    from wagtail.images import get_image_model

    buffer = io.BytesIO()
    PILImage.new("RGB", size, (0, 65, 106)).save(buffer, format="PNG")
    return get_image_model().objects.create(
        title=title, file=ImageFile(buffer, name=f"{_slug(title)}.png"))


def terms(size, language="fi"):
    """``size`` terms of each taxonomy (regions, municipalities, funders, target
    groups, phenomena) in ``language``, first by code."""
    from models_library.models import Funder, Municipality, Phenomenon, Region, TargetGroup

    found = {
        name: list(model.objects.filter(locale__language_code=language).order_by("code")[:size])
        for name, model in (("regions", Region), ("municipalities", Municipality),
                            ("funders", Funder), ("target_groups", TargetGroup),
                            ("phenomena", Phenomenon))
    }
    for name, values in found.items():
        assert len(values) == size, f"only {len(values)} {name} in the taxonomy"
    return found


def build_rich_model(parent, size, title, documents=(), **fields):
    """An operating model with ``size`` of every related thing: terms, topics,
    evaluation rows, log entries, attachments, links and extra sections."""
    from models_library.models import DevelopmentLogEntry, EvaluationCriterion
    from models_library.models.related import OperatingModelAttachment, OperatingModelLink

    documents = list(documents) or [build_document(f"{title} liite {n}", f"liite-{n}.pdf")
                                    for n in range(size)]
    values = {
        **terms(size),
        "topics": [f"aihe {n}" for n in range(size)],
        "evaluation_criteria": [EvaluationCriterion(criterion=f"Kriteeri {n}", rating="green")
                                for n in range(size)],
        "development_log": [DevelopmentLogEntry(date=datetime.date(2025, 1, n + 1),
                                                phase="understand", text=f"Vaihe {n}")
                            for n in range(size)],
        "attachments": [OperatingModelAttachment(document=document) for document in documents],
        "links": [OperatingModelLink(title=f"Linkki {n}", url=f"https://example.fi/{n}")
                  for n in range(size)],
        "description": sections(extra=[(f"Lisäosio {n}", "Tekstiä.") for n in range(size)]),
        **fields,
    }
    return build_model(parent, title=title, **values)


def build_rich_programme(parent, size, title, documents=(), **fields):
    from models_library.models.related import ProgrammeAttachment, ProgrammeLink

    found = terms(size)
    programme = build_programme(
        parent, title=title, regions=found["regions"], funders=found["funders"],
        topics=[f"aihe {n}" for n in range(size)], **fields)
    documents = list(documents) or [build_document(f"{title} liite {n}", f"ohjelma-{n}.pdf")
                                    for n in range(size)]
    for n, document in enumerate(documents):
        programme.attachments.add(ProgrammeAttachment(document=document))
        programme.links.add(ProgrammeLink(title=f"Linkki {n}", url=f"https://example.fi/p{n}"))
    return publish(programme)


def build_rich_library(home, size):
    """A library with a programme of ``size`` rich models, and ``size`` regional variants
    of its first model (which has a cover image); every model has ``size`` of each
    related thing, and the programme too."""
    library = build_library(home)
    documents = [build_document(f"Liite {n}", f"liite-{n}.pdf") for n in range(size)]
    programme = build_rich_programme(library, size, "Ohjelma", documents=documents)
    models = [build_rich_model(programme, size, f"Malli {m}", documents=documents,
                               programme=programme, stage="ready") for m in range(size)]
    root = models[0]
    root.cover_image = build_image("Kansikuva")
    root.cover_image_alt = "Kuvaus kansikuvasta"
    publish(root)
    for v in range(size):
        models.append(build_rich_model(library, size, f"Variantti {v}", documents=documents,
                                       variant_of=root, implementation_place=f"Paikka {v}"))
    return library, models
