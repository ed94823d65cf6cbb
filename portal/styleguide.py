"""The style guide: every component of the CSS set on one staff-only page, in
the language of the address (/fi/tyylit/, /sv/tyylit/, /en/tyylit/), so a change
to the components is seen in one place."""

import re

from django.conf import settings
from django.contrib.auth.decorators import user_passes_test
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

# Sample content (not interface text, so not in the message catalogues).
SAMPLES = {
    "fi": {
        "model": "Työkyvyn tuen tiimi hyvinvointialueella",
        "model_summary": "Monialainen tiimi kokoaa osatyökykyisen asiakkaan palvelut yhteen "
            "ja sopii "
        "yhden suunnitelman, jota kaikki toimijat noudattavat.",
        "programme": "Työkykyohjelma 2019–2023",
        "pathway": "Palvelupolku nuorelle osatyökykyiselle",
        "course": "Työkykykoordinaattorin koulutus",
        "region": "Etelä-Karjalan hyvinvointialue",
        "target": "Osatyökykyiset, pitkäaikaistyöttömät",
        "stage": "Valmis",
        "topics": ["asiakasohjaus", "monialainen yhteistyö"],
        "long_word": "työkykykoordinaattorikoulutusohjelma",
    },
    "sv": {
        "model": "Team för stöd för arbetsförmåga i välfärdsområdet",
        "model_summary": "Ett sektorsövergripande team samlar klientens tjänster "
            "och gör upp en plan "
        "som alla aktörer följer.",
        "programme": "Programmet för arbetsförmåga 2019–2023",
        "pathway": "Servicestig för unga med partiell arbetsförmåga",
        "course": "Utbildning för arbetsförmågekoordinatorer",
        "region": "Södra Karelens välfärdsområde",
        "target": "Personer med partiell arbetsförmåga, långtidsarbetslösa",
        "stage": "Färdig",
        "topics": ["klienthandledning", "sektorsövergripande samarbete"],
        "long_word": "arbetsförmågekoordinatorsutbildningsprogram",
    },
    "en": {
        "model": "Work-ability support team in a wellbeing services county",
        "model_summary": "A multi-professional team brings the client's services together "
            "and agrees "
        "one plan that every organisation follows.",
        "programme": "Work Ability Programme 2019–2023",
        "pathway": "Service pathway for a young person with partial work ability",
        "course": "Work-ability coordinator training",
        "region": "South Karelia wellbeing services county",
        "target": "People with partial work ability, long-term unemployed",
        "stage": "Ready",
        "topics": ["client guidance", "multi-professional cooperation"],
        "long_word": "work-ability-coordinator-training-programme",
    },
}


def _token_colours():
    tokens = (settings.BASE_DIR / "static" / "css" / "tokens.css").read_text(encoding="utf-8")
    return re.findall(r"--fi-color-([\w-]+): (hsl\([^)]*\));", tokens)


def _icons():
    return sorted(path.stem for path in (settings.BASE_DIR / "static" / "icons").glob("*.svg"))


@user_passes_test(lambda user: user.is_active and user.is_staff, login_url="wagtailadmin_login")
def style_guide(request):
    sample = SAMPLES.get(get_language(), SAMPLES["fi"])
    paginator = Paginator(range(100), 10)
    return render(
        request,
        "portal/style_guide.html",
        {
            "sample": sample,
            "colours": _token_colours(),
            "icons": _icons(),
            "page_obj": paginator.get_page(3),
            "breadcrumb_extra": [{"title": _("Style guide"), "url": ""}],
        },
    )
