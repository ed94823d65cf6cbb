"""Demo content for the portal's own pages, written for this project.

Called by ``manage.py load_demo_content``; safe to run any number of times.
"""

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from portal.demo_utils import ensure_locales, root_page, upsert_page, upsert_translation
from portal.models import AccessibilityStatementPage, HomePage, PortalSettings, StandardPage

HOME = {
    "fi": {
        "title": "Työkykyportaali",
        "intro": (
            "Hyväksi havaitut työkyvyn tuen toimintamallit, työkykykoordinaattorien koulutus ja "
            "palvelupolkujen kuvaukset yhdessä paikassa."
        ),
        "summary": "Tietoa ja koulutusta osatyökykyisten työllistymisen tueksi.",
        "body": [
            ("heading", {"text": "Mitä portaalista löytyy", "level": "h2"}),
            ("paragraph", RichText(
                "<p>Hyvinvointialueet, kunnat ja järjestöt ovat kehittäneet monia tapoja tukea "
                "ihmisiä, joiden työkyky on osittain heikentynyt. Portaali kokoaa nämä "
                "toimintamallit rakenteisina kuvauksina, jotta ne on helppo löytää, verrata "
                "ja ottaa käyttöön omalla alueella.</p>"
            )),
            ("quote", {
                "quote": "Työkyvyn tuki onnistuu, kun palvelut kulkevat asiakkaan rinnalla.",
                "attribution": "Portaalin toimitus",
            }),
        ],
    },
    "sv": {
        "title": "Arbetsförmågeportalen",
        "intro": (
            "Beprövade verksamhetsmodeller för stöd för arbetsförmågan, utbildning för "
            "arbetsförmågekoordinatorer och beskrivningar av servicestigar på ett ställe."
        ),
        "summary": "Information och utbildning som stöd för sysselsättning av personer med partiell arbetsförmåga.",
        "body": [
            ("heading", {"text": "Vad hittar du i portalen", "level": "h2"}),
            ("paragraph", RichText(
                "<p>Välfärdsområden, kommuner och organisationer har utvecklat många sätt att "
                "stödja personer vars arbetsförmåga är delvis nedsatt. Portalen samlar dessa "
                "verksamhetsmodeller i strukturerad form så att de är lätta att hitta, jämföra "
                "och ta i bruk i den egna regionen.</p>"
            )),
            ("quote", {
                "quote": "Stödet för arbetsförmågan lyckas när tjänsterna går vid kundens sida.",
                "attribution": "Portalens redaktion",
            }),
        ],
    },
    "en": {
        "title": "Work Ability Portal",
        "intro": (
            "Proven operating models for work-ability support, training for work-ability "
            "coordinators and service-pathway descriptions in one place."
        ),
        "summary": "Knowledge and training that help people with partial work ability into work.",
        "body": [
            ("heading", {"text": "What you will find here", "level": "h2"}),
            ("paragraph", RichText(
                "<p>Wellbeing services counties, municipalities and NGOs have developed many ways "
                "of supporting people whose work ability is partly reduced. The portal gathers "
                "these operating models as structured descriptions that are easy to find, "
                "compare and adopt in your own region.</p>"
            )),
            ("quote", {
                "quote": "Work-ability support works when services walk alongside the client.",
                "attribution": "The portal's editorial team",
            }),
        ],
    },
}

ABOUT = {
    "fi": {
        "title": "Tietoa portaalista",
        "summary": "Kenelle portaali on tehty ja kuka sitä ylläpitää.",
        "body": [
            ("heading", {"text": "Kenelle", "level": "h2"}),
            ("paragraph", RichText(
                "<p>Portaali palvelee sosiaali- ja terveydenhuollon, työllisyyspalvelujen ja "
                "järjestöjen ammattilaisia, koulutettavia työkykykoordinaattoreita, heidän "
                "kouluttajiaan sekä hankkeiden tuloksia julkaisevia toimittajia.</p>"
            )),
            ("heading", {"text": "Avoin lähdekoodi", "level": "h2"}),
            ("paragraph", RichText(
                "<p>Portaalin lähdekoodi on avointa. Sisällöt kirjoittavat alueiden ja "
                "hankkeiden toimittajat, ja julkaisut tarkistetaan ennen kuin ne tulevat "
                "näkyviin.</p>"
            )),
        ],
    },
    "sv": {
        "title": "Om portalen",
        "slug": "om-portalen",
        "summary": "Vem portalen är gjord för och vem som underhåller den.",
        "body": [
            ("heading", {"text": "För vem", "level": "h2"}),
            ("paragraph", RichText(
                "<p>Portalen betjänar yrkespersoner inom social- och hälsovården, "
                "sysselsättningstjänsterna och organisationerna, blivande "
                "arbetsförmågekoordinatorer, deras utbildare och redaktörer som publicerar "
                "projektresultat.</p>"
            )),
        ],
    },
    "en": {
        "title": "About the portal",
        "slug": "about",
        "summary": "Who the portal is for and who maintains it.",
        "body": [
            ("heading", {"text": "Who it is for", "level": "h2"}),
            ("paragraph", RichText(
                "<p>The portal serves professionals in social and health care, employment "
                "services and NGOs, trainee work-ability coordinators, their trainers, and the "
                "editors who publish project outcomes.</p>"
            )),
        ],
    },
}

STATEMENT = {
    "fi": {
        "title": "Saavutettavuusseloste",
        "summary": "Miten portaali täyttää saavutettavuusvaatimukset ja miten voit antaa palautetta.",
        "body": RichText(
            "<p>Tämä seloste koskee Työkykyportaalia. Palvelu on arvioitu itse sekä "
            "automaattisilla tarkistuksilla jokaisessa julkaisussa.</p>"
        ),
        "known_issues": RichText(
            "<ul><li>Osa hankkeiden liitetiedostoista on skannattuja PDF-tiedostoja, joiden "
            "tekstiä ruudunlukija ei voi lukea. Pyydä tiedosto saavutettavassa muodossa "
            "palauteosoitteesta.</li></ul>"
        ),
        "feedback_text": RichText(
            "<p>Huomasitko saavutettavuuspuutteen? Kerro siitä meille, niin vastaamme "
            "kahden viikon kuluessa.</p>"
        ),
    },
    "sv": {
        "title": "Tillgänglighetsutlåtande",
        "slug": "tillganglighetsutlatande",
        "summary": "Hur portalen uppfyller tillgänglighetskraven och hur du kan ge respons.",
        "body": RichText(
            "<p>Detta utlåtande gäller Arbetsförmågeportalen. Tjänsten har bedömts internt och "
            "med automatiska kontroller vid varje publicering.</p>"
        ),
        "known_issues": RichText(
            "<ul><li>En del av projektens bilagor är skannade PDF-filer vars text en "
            "skärmläsare inte kan läsa. Be om filen i tillgängligt format via "
            "responsadressen.</li></ul>"
        ),
        "feedback_text": RichText(
            "<p>Har du upptäckt en tillgänglighetsbrist? Berätta för oss, så svarar vi inom "
            "två veckor.</p>"
        ),
    },
    "en": {
        "title": "Accessibility statement",
        "slug": "accessibility-statement",
        "summary": "How the portal meets the accessibility requirements and how to give feedback.",
        "body": RichText(
            "<p>This statement applies to the Work Ability Portal. The service has been "
            "assessed by ourselves and by automated checks on every release.</p>"
        ),
        "known_issues": RichText(
            "<ul><li>Some project attachments are scanned PDF files whose text a screen reader "
            "cannot read. Ask for the file in an accessible format at the feedback "
            "address.</li></ul>"
        ),
        "feedback_text": RichText(
            "<p>Did you notice an accessibility problem? Tell us and we will answer within "
            "two weeks.</p>"
        ),
    },
}


def _home_fields(language, exists):
    """The home page's fields; its body only on creation, because the apps' demo
    builders (run after this one) compose the front door around it."""
    fields = dict(HOME[language])
    if exists:
        fields.pop("body")
    return fields


def _ensure_home():
    root = root_page()
    home = HomePage.objects.child_of(root).filter(locale__language_code="fi").first()
    if home is None:
        # Replace the placeholder page Wagtail's first migration creates.
        for placeholder in Page.objects.child_of(root).filter(content_type__model="page"):
            Site.objects.filter(root_page=placeholder).update(root_page=root)
            placeholder.delete()
    home = upsert_page(root, HomePage, "koti", **_home_fields("fi", exists=home is not None))
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        # A new site takes its host from the configured address; an existing site's host
        # is the administrator's to set and is left alone.
        address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        site = Site(is_default_site=True, hostname=address.hostname or "localhost",
                    port=address.port or (443 if address.scheme == "https" else 80))
    site.site_name, site.root_page = "Työkykyportaali", home
    site.save()
    return home


def build(stdout=None):
    ensure_locales(["fi", "sv", "en"])
    home = _ensure_home()
    about = upsert_page(home, StandardPage, "tietoa", show_in_menus=True, **ABOUT["fi"])
    statement = upsert_page(
        home,
        AccessibilityStatementPage,
        "saavutettavuusseloste",
        compliance_status=AccessibilityStatementPage.Compliance.PARTIAL,
        prepared_on=datetime.date(2026, 11, 1),
        reviewed_on=datetime.date(2026, 11, 20),
        **STATEMENT["fi"],
    )
    for language in ("sv", "en"):
        exists = HomePage.objects.filter(
            translation_key=home.translation_key, locale__language_code=language
        ).exists()
        upsert_translation(home, language, **_home_fields(language, exists))
        upsert_translation(about, language, **ABOUT[language])
        upsert_translation(statement, language, **STATEMENT[language])
    portal_settings = PortalSettings.for_site(home.get_site())
    portal_settings.organisation_name = "Työkykyportaali"
    portal_settings.save()
    return home
