"""Demo content for the library: programmes, operating models, regional variants, media.

Called by ``manage.py load_demo_content`` after ``portal.demo.build``; safe to run
any number of times. The texts are written for this project in our own words.
Organisations are real; no private person is named, and every e-mail address is
a role address at example.fi.
"""

import datetime

from wagtail.models import Locale
from wagtail.rich_text import RichText

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
from portal.demo_utils import root_page, upsert_page, upsert_translation
from portal.models import HomePage

D = datetime.date
GREEN = EvaluationCriterion.Rating.GREEN
YELLOW = EvaluationCriterion.Rating.YELLOW
RED = EvaluationCriterion.Rating.RED
UNDERSTAND = DevelopmentLogEntry.Phase.UNDERSTAND
TRY = DevelopmentLogEntry.Phase.IMAGINE_AND_TRY
SHARE = DevelopmentLogEntry.Phase.DESCRIBE_AND_SHARE
TRANSLATION_LANGUAGES = ("sv", "en")
INNOKYLA_PROGRAMME = "https://innokyla.fi/fi/kokonaisuus/tyokykyohjelma"

# ---------------------------------------------------------------------------
# Library index
# ---------------------------------------------------------------------------

INDEX = {
    "fi": {
        "title": "Toimintamallit ja kokonaisuudet",
        "summary": "Työkyvyn tuen toimintamallit, niitä kehittäneet hankkeet ja mallien alueelliset versiot.",
        "intro": "<p>Kirjastoon on koottu työkyvyn tuen toimintamalleja ja niitä kehittäneitä hankkeita eri puolilta Suomea. Rajaa malleja aihealueen, kohderyhmän, alueen, rahoittajan tai kehittämisen vaiheen mukaan, ja vertaa saman mallin alueellisia versioita rinnakkain.</p>",
    },
    "sv": {
        "title": "Verksamhetsmodeller och helheter",
        "slug": "verksamhetsmodeller",
        "summary": "Verksamhetsmodeller för stöd för arbetsförmågan, projekten bakom dem och modellernas regionala versioner.",
        "intro": "<p>Biblioteket samlar verksamhetsmodeller för stöd för arbetsförmågan och de projekt som har utvecklat dem runt om i Finland. Avgränsa modellerna efter tema, målgrupp, region, finansiär eller utvecklingsskede och jämför regionala versioner av samma modell sida vid sida.</p>",
    },
    "en": {
        "title": "Operating models and programmes",
        "slug": "operating-models",
        "summary": "Operating models for work-ability support, the projects behind them and their regional versions.",
        "intro": "<p>The library gathers operating models for work-ability support and the projects that developed them across Finland. Filter the models by topic, target group, region, funder or development stage, and compare regional versions of the same model side by side.</p>",
    },
}

# ---------------------------------------------------------------------------
# Generated PDF attachments (found again by title)
# ---------------------------------------------------------------------------

DOCUMENTS = {
    "tiimi-opas": {
        "title": "Työkyvyn tuen tiimin käynnistäminen – muistilista",
        "filename": "tyokyvyn-tuen-tiimi-muistilista.pdf",
        "paragraphs": [
            "Tämä muistilista on tehty Työkykyportaalin esimerkkisisällöksi. Se kokoaa asiat, joista kannattaa sopia ennen kuin monialainen työkyvyn tuen tiimi ottaa vastaan ensimmäiset asiakkaansa.",
            "1. Johto ja vastuut: kuka päättää tiimin resursseista, kuka koordinoi arkea ja kuka vastaa kehittämisestä.",
            "2. Kokoonpano: tiimin vakituiset jäsenet, heidän työaikansa tiimissä ja verkostosta kutsuttavat asiantuntijat.",
            "3. Ohjaus: millä perusteilla ja millä tavalla asiakkaat ohjataan tiimiin, ja miten ammattilaiset voivat pyytää konsultaatiota.",
            "4. Kirjaaminen ja tiedonkulku: mihin arvio ja työkyvyn tuen suunnitelma kirjataan ja miten asiakkaan suostumus tietojen vaihtoon pyydetään.",
            "5. Seuranta: mitkä mittarit otetaan käyttöön heti alussa ja milloin tuloksia tarkastellaan yhdessä.",
            "6. Asiakkaan näkökulma: miten asiakas saa tietää, mitä arvio tarkoittaa, ja kuka on hänen nimetty yhteyshenkilönsä.",
        ],
    },
    "yhteenveto": {
        "title": "Työkykyohjelman alueelliset kokeiluhankkeet – yhteenveto",
        "filename": "tyokykyohjelma-alueelliset-hankkeet.pdf",
        "paragraphs": [
            "Tämä yhteenveto on tehty Työkykyportaalin esimerkkisisällöksi. Se kuvaa lyhyesti, mitä alueelliset kokeiluhankkeet kehittivät osana valtakunnallista Työkykyohjelmaa vuosina 2019–2023.",
            "Kymenlaakso: alueen työkykytiimien yhtenäistäminen, konsultaatiomalli, asiakasvastaavamalli ja sosiaalihuollon palvelupolku.",
            "Etelä-Karjala: työkyvyn arvioinnin yhteiset käytännöt, työkyvyn tuen tiimi, laatukriteerien mukainen työhönvalmennus ja alihankintamallin kokeilu.",
            "Pohjois-Savo: sote-keskukseen sijoittuva Iisalmen työkykytiimi ja sen monialainen verkosto.",
            "Varsinais-Suomi: ohjelman tulosten laajentaminen terveysasemille ja sosiaalihuollon työllistymistä edistäviin palveluihin.",
            "Yhteistä hankkeille oli ajatus, että työkyvyn tuen tarve tunnistetaan ajoissa ja että asiakas saa yhden selkeän suunnitelman monen erillisen toimenpiteen sijaan.",
        ],
    },
}

# ---------------------------------------------------------------------------
# Programmes (kokonaisuudet): the national programme and its regional projects
# ---------------------------------------------------------------------------

PROGRAMMES = [
    {
        "key": "national",
        "parent": None,
        "slug": "tyokykyohjelma",
        "title": "Työkykyohjelma 2019–2023",
        "summary": "Valtakunnallinen ohjelma, joka vahvisti osatyökykyisten työttömien työ- ja toimintakykyä ja toi työkyvyn tuen osaksi sosiaali- ja terveyskeskusten palveluja. Ohjelmaa toteuttivat sosiaali- ja terveysministeriö ja työ- ja elinkeinoministeriö yhdessä alueiden kanssa.",
        "purpose": [
            "Ohjelman tarkoituksena oli parantaa niiden työttömien asemaa, joiden työkyky on osittain heikentynyt. Kun tuen tarve huomataan ajoissa ja palvelut sovitetaan yhteen, ihminen pääsee etenemään kohti työtä oman työ- ja toimintakykynsä mukaisesti.",
            "<ul><li>työkyvyn tuen tarpeen tunnistaminen sote-keskuksissa</li><li>monialaiset työkyvyn tuen tiimit ja asiakasvastaavat</li><li>tuetun työllistymisen menetelmien, kuten laatukriteerien mukaisen työhönvalmennuksen, laajempi käyttö</li><li>ammattilaisten osaamisen vahvistaminen työkykykoordinaattorikoulutuksella</li></ul>",
        ],
        "starting_point": [
            "Osatyökykyisten työttömien palvelut olivat hajallaan sosiaali- ja terveydenhuollossa, työllisyyspalveluissa, Kelassa ja järjestöissä. Työkyvyn heikkeneminen jäi usein huomaamatta, ja moni siirtyi toimenpiteestä toiseen ilman kokonaisarviota.",
            "Ohjelma oli osa hallitusohjelmaa, ja se kytkeytyi Tulevaisuuden sosiaali- ja terveyskeskus -ohjelmaan sekä työllisyyden kuntakokeiluihin.",
        ],
        "goal": ["Työkyvyn tuki on pysyvä osa sote-keskusten peruspalveluja, ja osatyökykyiset työttömät saavat oikea-aikaista, yhteensovitettua tukea työllistymiseen ja työssä pysymiseen."],
        "intended_results": ["Alueille syntyy toimintamalleja, joita voi kuvata, verrata ja levittää: työkyvyn tuen tiimejä, asiakasvastaavamalleja, konsultaatiokäytäntöjä ja palvelupolkuja. Työkykykoordinaattorikoulutus lisää ammattilaisten osaamista kaikilla alueilla."],
        "start_date": D(2019, 6, 1),
        "end_date": D(2023, 12, 31),
        "period_text": "2019–2023",
        "partners": "Sosiaali- ja terveysministeriö, työ- ja elinkeinoministeriö, Terveyden ja hyvinvoinnin laitos (THL), Kela, Työterveyslaitos, hyvinvointialueet ja niitä edeltäneet kuntayhtymät, kunnat, TE-palvelut sekä järjestöt",
        "implementation_place": "Koko Suomi",
        "regions": ["national"],
        "funders": ["stm", "tem"],
        "topics": ["työkyky", "osatyökykyisyys", "monialainen yhteistyö"],
        "contact_organisation": "Sosiaali- ja terveysministeriö",
        "contact_email": "tyokykyohjelma@example.fi",
        "authors": "Työkykyportaalin toimitus",
        "source_created": D(2021, 3, 1),
        "source_modified": D(2023, 12, 15),
        "links": [("Työkykyohjelma Innokylässä", INNOKYLA_PROGRAMME)],
        "attachments": [("yhteenveto", "")],
        "other_sections": [
            ("other", "Ohjelman toimenpidekokonaisuudet", ["Ohjelma eteni useassa rinnakkaisessa osassa: työkyvyn tuki osaksi sote-keskuksia, työkykykoordinaattorikoulutus, tuetun työllistymisen menetelmät sekä osatyökykyisten työllistymistä edistävät palvelut ja etuudet. Alueelliset kokeiluhankkeet toteuttivat ensimmäistä osaa omista lähtökohdistaan."]),
        ],
        "translations": {
            "sv": {
                "title": "Arbetsförmågeprogrammet 2019–2023",
                "slug": "arbetsformageprogrammet",
                "summary": "Ett nationellt program som stärkte arbets- och funktionsförmågan hos arbetslösa med partiell arbetsförmåga och gjorde stödet för arbetsförmågan till en del av social- och hälsocentralernas tjänster. Programmet genomfördes av social- och hälsovårdsministeriet och arbets- och näringsministeriet tillsammans med regionerna.",
                "purpose": [
                    "Syftet var att förbättra situationen för arbetslösa vars arbetsförmåga är delvis nedsatt. När behovet av stöd upptäcks i tid och tjänsterna samordnas kan personen gå vidare mot arbete utifrån sin egen arbets- och funktionsförmåga.",
                    "<ul><li>identifiering av stödbehov vid social- och hälsocentralerna</li><li>sektorsövergripande team för stöd för arbetsförmågan och klientansvariga</li><li>bredare användning av metoder för stödd sysselsättning, till exempel kvalitetsbaserad arbetsträning</li><li>stärkt kompetens hos yrkesverksamma genom utbildning för arbetsförmågekoordinatorer</li></ul>",
                ],
                "starting_point": [
                    "Tjänsterna för arbetslösa med partiell arbetsförmåga var utspridda mellan social- och hälsovården, sysselsättningstjänsterna, FPA och organisationerna. Nedsatt arbetsförmåga upptäcktes ofta inte, och många gick från en åtgärd till nästa utan en helhetsbedömning.",
                    "Programmet ingick i regeringsprogrammet och var kopplat till programmet Framtidens social- och hälsocentral och till kommunförsöken med sysselsättning.",
                ],
                "goal": ["Stödet för arbetsförmågan är en bestående del av social- och hälsocentralernas bastjänster, och arbetslösa med partiell arbetsförmåga får samordnat stöd i rätt tid för att få och behålla ett arbete."],
                "intended_results": ["Regionerna tar fram verksamhetsmodeller som kan beskrivas, jämföras och spridas: team för stöd för arbetsförmågan, modeller med klientansvariga, konsultationspraxis och servicestigar. Utbildningen för arbetsförmågekoordinatorer ökar yrkesverksammas kompetens i alla regioner."],
                "period_text": "2019–2023",
                "partners": "Social- och hälsovårdsministeriet, arbets- och näringsministeriet, Institutet för hälsa och välfärd (THL), FPA, Arbetshälsoinstitutet, välfärdsområdena och de samkommuner som föregick dem, kommuner, arbets- och näringstjänsterna samt organisationer",
                "implementation_place": "Hela Finland",
                "topics": ["arbetsförmåga", "partiell arbetsförmåga", "sektorsövergripande samarbete"],
                "contact_organisation": "Social- och hälsovårdsministeriet",
                "authors": "Arbetsförmågeportalens redaktion",
                "links": [("Arbetsförmågeprogrammet på Innokylä (på finska)", INNOKYLA_PROGRAMME)],
                "attachments": [("yhteenveto", "Sammandrag av de regionala försöksprojekten (PDF, på finska)")],
                "other_sections": [
                    ("other", "Programmets åtgärdshelheter", ["Programmet framskred i flera parallella delar: stöd för arbetsförmågan som en del av social- och hälsocentralerna, utbildning för arbetsförmågekoordinatorer, metoder för stödd sysselsättning samt tjänster och förmåner som främjar sysselsättningen för personer med partiell arbetsförmåga. De regionala försöksprojekten genomförde den första delen utifrån sina egna förutsättningar."]),
                ],
            },
            "en": {
                "title": "Work Ability Programme 2019–2023",
                "slug": "work-ability-programme",
                "summary": "A national programme that strengthened the work and functional capacity of unemployed people with partial work ability and made work-ability support part of the services of health and social services centres. It was carried out by the Ministry of Social Affairs and Health and the Ministry of Economic Affairs and Employment together with the regions.",
                "purpose": [
                    "The programme set out to improve the position of unemployed people whose work ability is partly reduced. When the need for support is noticed early and services are coordinated, a person can move towards work at a pace that matches their own work and functional capacity.",
                    "<ul><li>recognising the need for work-ability support in health and social services centres</li><li>multidisciplinary work-ability teams and named client coordinators</li><li>wider use of supported employment methods such as quality-criteria job coaching</li><li>stronger professional skills through work-ability coordinator training</li></ul>",
                ],
                "starting_point": [
                    "Services for unemployed people with partial work ability were scattered across social and health care, employment services, Kela and NGOs. Declining work ability often went unnoticed, and many people moved from one measure to the next without an overall assessment.",
                    "The programme was part of the Government Programme and linked to the Future Health and Social Services Centres programme and to the municipal employment pilots.",
                ],
                "goal": ["Work-ability support is a permanent part of primary health and social services, and unemployed people with partial work ability receive timely, coordinated support to find and keep a job."],
                "intended_results": ["The regions produce operating models that can be described, compared and spread: work-ability teams, client-coordinator models, consultation practices and service pathways. Work-ability coordinator training raises professional skills in every region."],
                "period_text": "2019–2023",
                "partners": "Ministry of Social Affairs and Health, Ministry of Economic Affairs and Employment, Finnish Institute for Health and Welfare (THL), Kela, Finnish Institute of Occupational Health, the wellbeing services counties and the joint municipal authorities before them, municipalities, employment services and NGOs",
                "implementation_place": "All of Finland",
                "topics": ["work ability", "partial work ability", "multidisciplinary cooperation"],
                "contact_organisation": "Ministry of Social Affairs and Health",
                "authors": "Work Ability Portal editorial team",
                "links": [("The Work Ability Programme on Innokylä (in Finnish)", INNOKYLA_PROGRAMME)],
                "attachments": [("yhteenveto", "Summary of the regional pilot projects (PDF, in Finnish)")],
                "other_sections": [
                    ("other", "Strands of the programme", ["The programme advanced in several parallel strands: work-ability support as part of health and social services centres, training for work-ability coordinators, supported employment methods, and services and benefits that help people with partial work ability into work. The regional pilot projects carried out the first strand from their own starting points."]),
                ],
            },
        },
    },
    {
        "key": "kymenlaakso",
        "parent": "national",
        "slug": "kymenlaakso-tyokykya-tukemassa",
        "title": "Kymenlaakso: Työkykyä tukemassa",
        "summary": "Kymenlaakson kokeiluhanke Työkykyohjelmassa. Hanke yhtenäisti alueen työkykytiimien toiminnan, toi laatukriteerien mukaisen työhönvalmennuksen käyttöön ja rakensi konsultaatio- ja asiakasvastaavamallit sote-keskuksen ja työllisyyspalvelujen yhteistyöhön.",
        "purpose": [
            "Hanke halusi tuoda työkyvyn arvioinnin ja työkyvyn tuen palvelut tasavertaisesti kaikkien kymenlaaksolaisten ulottuville osana sosiaali- ja terveyskeskusta. Samalla vahvistettiin asiakkaiden osallisuutta palvelujen suunnittelussa.",
            "<ul><li>yhtenäinen, verkostomaisesti toimiva työkykytiimi koko alueelle</li><li>laatukriteerien mukainen työhönvalmennus osaksi työllisyyspalveluja</li><li>mallinnetut palvelupolut sosiaalihuollossa ja osatyökykyiselle työttömälle</li><li>kahteen suuntaan toimiva konsultaatiomalli ja asiakasvastaavamalli</li></ul>",
        ],
        "starting_point": ["Alueen kunnissa työkykyä arvioitiin eri tavoin, ja työttömän pääsy arvioon riippui siitä, minkä palvelun asiakkaana hän sattui olemaan. Kuntayhtymän muodostuminen antoi mahdollisuuden yhtenäistää käytännöt koko maakunnassa."],
        "goal": ["Riskiryhmään kuuluvat asiakkaat ohjautuvat ajoissa työkyvyn arviointiin ja työllistymistä edistäviin palveluihin, ja ammattilaisten roolit työkykytiimissä ja sen verkostossa on sovittu."],
        "intended_results": ["<ul><li>työkyvyn asiakasohjausmalli ja yhtenäiset arviointimittarit</li><li>asiakasvastaavamalli työkykytiimissä</li><li>fysioterapeutin ryhmätoiminta työ- ja toimintakyvyn tukena</li><li>työkykytiimin johtamismalli monialaisissa työelämäpalveluissa</li></ul>"],
        "start_date": D(2021, 1, 1),
        "end_date": D(2022, 12, 31),
        "period_text": "2021–2022 (päättyi 31.12.2022)",
        "partners": "Kymenlaakson sosiaali- ja terveyspalvelujen kuntayhtymä Kymsote (hallinnoija), TE-toimisto, Kela, Kouvolan, Kotkan, Haminan, Pyhtään, Virolahden ja Miehikkälän kunnat sekä työnantajien ja järjestöjen edustajat",
        "implementation_place": "Kymenlaakso",
        "regions": ["kymenlaakso"],
        "municipalities": ["286", "285", "075", "624", "935", "489"],
        "funders": ["stm"],
        "topics": ["työkyky", "asiakasohjaus", "työhönvalmennus", "konsultaatio"],
        "contact_organisation": "Kymenlaakson sosiaali- ja terveyspalvelujen kuntayhtymä (Kymsote)",
        "contact_email": "tyokyky.kymenlaakso@example.fi",
        "authors": "Työkykyä tukemassa -hanketiimi, Kymsote",
        "source_created": D(2021, 3, 24),
        "source_modified": D(2022, 12, 29),
        "links": [("Työkykyohjelma Innokylässä", INNOKYLA_PROGRAMME)],
        "translations": {
            "sv": {
                "title": "Kymmenedalen: Stöd för arbetsförmågan",
                "slug": "kymmenedalen-stod-for-arbetsformagan",
                "summary": "Kymmenedalens försöksprojekt inom Arbetsförmågeprogrammet. Projektet förenhetligade regionens arbetsförmågeteam, införde kvalitetsbaserad arbetsträning och byggde upp modeller för konsultation och klientansvariga i samarbetet mellan social- och hälsocentralen och sysselsättningstjänsterna.",
                "purpose": [
                    "Projektet ville göra bedömningen av arbetsförmågan och stödtjänsterna lika tillgängliga för alla invånare i Kymmenedalen som en del av social- och hälsocentralen. Samtidigt stärktes klienternas delaktighet i planeringen av tjänsterna.",
                    "<ul><li>ett enhetligt arbetsförmågeteam som arbetar som nätverk i hela regionen</li><li>kvalitetsbaserad arbetsträning som en del av sysselsättningstjänsterna</li><li>beskrivna servicestigar inom socialvården och för arbetslösa med partiell arbetsförmåga</li><li>en konsultationsmodell i två riktningar och en modell med klientansvariga</li></ul>",
                ],
                "starting_point": ["Kommunerna i regionen bedömde arbetsförmågan på olika sätt, och om en arbetslös fick en bedömning berodde på vilken tjänst hen råkade vara klient i. När samkommunen bildades blev det möjligt att förenhetliga praxis i hela landskapet."],
                "goal": ["Klienter i riskgruppen hänvisas i tid till bedömning av arbetsförmågan och till tjänster som främjar sysselsättning, och de yrkesverksammas roller i teamet och dess nätverk är överenskomna."],
                "intended_results": ["<ul><li>en modell för klientstyrning och enhetliga mätare för bedömning</li><li>en modell med klientansvariga i arbetsförmågeteamet</li><li>fysioterapeutens gruppverksamhet som stöd för arbets- och funktionsförmågan</li><li>en ledningsmodell för teamet inom de sektorsövergripande arbetslivstjänsterna</li></ul>"],
                "period_text": "2021–2022 (avslutades 31.12.2022)",
                "partners": "Samkommunen för social- och hälsovårdstjänster i Kymmenedalen Kymsote (huvudman), arbets- och näringsbyrån, FPA, kommunerna Kouvola, Kotka, Fredrikshamn, Pyttis, Vederlax och Miehikkälä samt företrädare för arbetsgivare och organisationer",
                "implementation_place": "Kymmenedalen",
                "topics": ["arbetsförmåga", "klientstyrning", "arbetsträning", "konsultation"],
                "contact_organisation": "Samkommunen för social- och hälsovårdstjänster i Kymmenedalen (Kymsote)",
                "authors": "Projektteamet för Stöd för arbetsförmågan, Kymsote",
                "links": [("Arbetsförmågeprogrammet på Innokylä (på finska)", INNOKYLA_PROGRAMME)],
            },
            "en": {
                "title": "Kymenlaakso: Supporting Work Ability",
                "slug": "kymenlaakso-supporting-work-ability",
                "summary": "Kymenlaakso's pilot project in the Work Ability Programme. The project unified the region's work-ability teams, introduced quality-criteria job coaching and built consultation and client-coordinator models for cooperation between the health and social services centre and employment services.",
                "purpose": [
                    "The project aimed to make work-ability assessment and support equally available to everyone in Kymenlaakso as part of the health and social services centre. At the same time it strengthened the clients' say in how services are planned.",
                    "<ul><li>one work-ability team working as a network across the region</li><li>quality-criteria job coaching as part of employment services</li><li>modelled service pathways in social welfare and for unemployed people with partial work ability</li><li>a two-way consultation model and a client-coordinator model</li></ul>",
                ],
                "starting_point": ["The municipalities of the region assessed work ability in different ways, and whether an unemployed person was assessed depended on which service they happened to be a client of. The new joint municipal authority made it possible to unify practice across the whole region."],
                "goal": ["Clients at risk are referred in good time to work-ability assessment and to services that promote employment, and the roles of professionals in the team and its network are agreed."],
                "intended_results": ["<ul><li>a client referral model and shared assessment measures</li><li>a client-coordinator model in the work-ability team</li><li>physiotherapist-led group activities that support work and functional capacity</li><li>a leadership model for the team in multidisciplinary working-life services</li></ul>"],
                "period_text": "2021–2022 (ended 31 December 2022)",
                "partners": "Kymenlaakso Social and Health Services joint municipal authority Kymsote (lead), the TE Office, Kela, the municipalities of Kouvola, Kotka, Hamina, Pyhtää, Virolahti and Miehikkälä, and representatives of employers and NGOs",
                "implementation_place": "Kymenlaakso",
                "topics": ["work ability", "client guidance", "job coaching", "consultation"],
                "contact_organisation": "Kymenlaakso Social and Health Services (Kymsote)",
                "authors": "Supporting Work Ability project team, Kymsote",
                "links": [("The Work Ability Programme on Innokylä (in Finnish)", INNOKYLA_PROGRAMME)],
            },
        },
    },
    {
        "key": "etela-karjala",
        "parent": "national",
        "slug": "etela-karjala-tyota",
        "title": "Etelä-Karjala: TYÖTÄ-hanke",
        "summary": "Etelä-Karjalan sosiaali- ja terveyspiiri Eksote toteutti Työkykyohjelmaa maakunnassa. Hanke rakensi monialaisen palvelukokonaisuuden, jossa työkyvyn arviointi, työkyvyn tuen tiimi, asiakasvastaavat ja tuetun työllistymisen menetelmät toimivat yhdessä.",
        "purpose": [
            "Tavoitteena oli yksi yhtenäinen palvelukokonaisuus, jossa työllistymisen tuen vaiheet – tuen tarpeen tunnistaminen, arviointi, valmennus ja työnantajayhteistyö – löytyvät saman katon alta. Hankkeessa kokonaisuutta kutsuttiin työnimellä työllisyyden talo.",
            "<ul><li>työkyvyn arviointiprosessien yhteensovittaminen</li><li>moniammatillinen työkyvyn tuen tiimi ja asiakasvastaavamalli</li><li>laatukriteerien mukainen työhönvalmennus ja alihankintamallin kokeilu</li><li>alueellisen verkoston kouluttaminen</li></ul>",
        ],
        "starting_point": ["Vaikeimmin työllistyvien tuki oli jakautunut monelle toimijalle, eikä tuetun työllistymisen menetelmiä juuri käytetty. Hankkeessa kerättiin asiakkailta ja yhteistyökumppaneilta tietoa siitä, missä kohdin palvelut ja etuudet eivät sovi yhteen."],
        "goal": ["Osatyökykyisen työttömän eteneminen määräytyy hänen oman työ- ja toimintakykynsä mukaan, ja palvelut toimivat asiakkaan näkökulmasta yhtenä kokonaisuutena."],
        "intended_results": ["Alueelle vakiintuvat yhteiset arviointikäytännöt, työkyvyn tuen tiimi sote-keskuksessa sekä koulutettu verkosto, joka hallitsee laatukriteerien mukaisen työhönvalmennuksen. Lisäksi hanke tuottaa tietoa etuuksien ja lainsäädännön kehittämistarpeista."],
        "start_date": D(2020, 9, 1),
        "end_date": D(2022, 12, 31),
        "period_text": "1.9.2020–31.12.2022, laajempi toiminta vuoden 2021 alusta",
        "partners": "Etelä-Karjalan sosiaali- ja terveyspiiri Eksote (hallinnoija), TE-toimisto, Kela, alueen kunnat, oppilaitokset, työnantajat ja järjestöt",
        "implementation_place": "Etelä-Karjala",
        "regions": ["etela-karjala"],
        "municipalities": ["405", "153", "416", "441", "580", "689", "700", "739", "831"],
        "funders": ["stm"],
        "topics": ["työkyky", "tuettu työllistyminen", "työhönvalmennus", "monialainen yhteistyö"],
        "contact_organisation": "Etelä-Karjalan sosiaali- ja terveyspiiri (Eksote)",
        "contact_email": "tyota-hanke@example.fi",
        "authors": "TYÖTÄ-hankkeen hanketiimi, Eksote",
        "source_created": D(2021, 3, 22),
        "source_modified": D(2022, 12, 27),
        "links": [("Työkykyohjelma Innokylässä", INNOKYLA_PROGRAMME)],
    },
    {
        "key": "pohjois-savo",
        "parent": "national",
        "slug": "iisalmi-iisakki",
        "title": "Pohjois-Savo: IISAKKI – Iisalmen työkykytiimi",
        "summary": "Työkykyohjelman kokeiluhanke Iisalmessa. Hanke pilotoi sote-keskukseen sijoittuvan työkyvyn tuen tiimin ja sen ympärille rakentuvan monialaisen verkoston, jotta osatyökykyiset työnhakijat pääsisivät etenemään kohti työtä.",
        "purpose": [
            "Hanke tuki iisalmelaisten osatyökykyisten pitkäaikaistyöttömien etenemistä työmarkkinoille ja tiivisti palvelujen yhteistyötä. Työkyvyn tuen palvelut haluttiin saataville sosiaali- ja terveydenhuollon peruspalveluihin.",
            "Ensisijaisena kohderyhmänä olivat osatyökykyiset työttömät, toissijaisena heidän kanssaan työskentelevät ammattilaiset.",
        ],
        "starting_point": ["Iisalmi on Ylä-Savon teollinen keskus, jonka työpaikat vaativat usein erikoisosaamista ja hyvää työkykyä. Tieto työnhakijan tuen tarpeesta ei kulkenut toimijalta toiselle, eikä työkykyä arvioitu järjestelmällisesti. Osa työnhakijoista ei itsekään ollut huomannut työkykynsä kaventuneen."],
        "goal": ["Työllisyysasteen nousu ja osatyökykyisten työnhakijoiden parempi pääsy työhön: työttömyyden pitkittymistä ja työkyvyttömyyttä ehkäistään, ja heikossa työmarkkina-asemassa olevat pääsevät osallisiksi työelämään."],
        "intended_results": ["Ennaltaehkäisevä ja oikea-aikainen yksilöllisen tuen malli, jossa työkyky arvioidaan kokonaisuutena – fyysisenä, psyykkisenä, sosiaalisena ja kognitiivisena – ja tuki suunnitellaan arvion pohjalta. Päällekkäiset toimenpiteet vähenevät, kun palvelut tietävät toistensa työstä."],
        "start_date": D(2021, 1, 1),
        "end_date": D(2022, 12, 31),
        "period_text": "1.1.2021–31.12.2022",
        "partners": "Iisalmen kaupunki (hallinnoija), Iisalmen kaupungin työllisyyspalvelut osana Kuopion seudun työllisyyden kuntakokeilua, Ylä-Savon SOTE kuntayhtymä, Kela, TE-palvelut sekä Pohjois-Savon Tulevaisuuden sote-keskus -hanke",
        "implementation_place": "Iisalmi",
        "regions": ["pohjois-savo"],
        "municipalities": ["140"],
        "funders": ["stm"],
        "topics": ["työkyky", "sote-keskus", "monialainen yhteistyö"],
        "contact_organisation": "Iisalmen kaupunki",
        "contact_email": "tyokykytiimi.iisalmi@example.fi",
        "authors": "IISAKKI-hankkeen hanketiimi, Iisalmen kaupunki",
        "source_created": D(2021, 3, 22),
        "source_modified": D(2022, 12, 20),
        "links": [("Työkykyohjelma Innokylässä", INNOKYLA_PROGRAMME)],
    },
    {
        "key": "varsinais-suomi",
        "parent": "national",
        "slug": "varsinais-suomi-laajentaminen",
        "title": "Varsinais-Suomi: Työkykyohjelman laajentaminen",
        "summary": "Varsinais-Suomen hyvinvointialueen hanke, joka vie Työkykyohjelman tuloksia laajemmin käyttöön: työkykykoordinaattoreita terveysasemille, uusia monialaisia työkyvyn tuen tiimejä ja laatuperusteista työhönvalmennusta kuntouttavaan työtoimintaan.",
        "purpose": [
            "Tarkoituksena on, että osatyökykyisyys tunnistetaan sote-keskuksissa aiempaa paremmin ja että tunnistamisen jälkeen on myös tarjolla palveluja.",
            "<ul><li>työkykykoordinaattorin osaaminen terveysasemille</li><li>monialaiset työkyvyn tuen tiimit terveysasemille</li><li>laatuperusteinen työhönvalmennus sosiaalihuollon työllistymistä edistäviin palveluihin</li></ul>",
        ],
        "starting_point": ["Hankkeen alkaessa työkyvyn tuen tiimejä oli alueen sote-keskuksissa vain kahdella paikkakunnalla. Toimintaympäristöä muuttivat samaan aikaan sosiaaliturvan uudistukset ja epävarmuus kuntouttavan työtoiminnan tulevasta järjestäjästä."],
        "goal": ["Terveysasemille syntyy kuusi uutta työkyvyn tuen tiimiä, joiden toiminta jatkuu hankkeen jälkeen, ja vakituista henkilöstöä koulutetaan työkykykoordinaattoreiksi."],
        "intended_results": ["Vähintään kymmenen vakituista työntekijää suorittaa työkykykoordinaattorikoulutuksen ja ainakin yksi kouluttajakoulutuksen. Laatuperusteisen työhönvalmennuksen asiakkaat siirtyvät avoimille työmarkkinoille nopeammin kuin pitkien valmistavien jaksojen kautta."],
        "start_date": D(2023, 3, 1),
        "end_date": D(2025, 12, 31),
        "period_text": "2023–2025",
        "partners": "Varsinais-Suomen hyvinvointialue (Varha): sote-keskukset sekä sosiaali- ja vammaispalvelut; alueen kunnat ja niiden työllisyyspalvelut, Kela ja järjestöt",
        "implementation_place": "Aura, Loimaa, Masku, Mynämäki, Naantali, Nousiainen, Paimio, Parainen, Pöytyä, Raisio, Rusko, Salo, Sauvo ja Somero",
        "regions": ["varsinais-suomi"],
        "municipalities": ["019", "430", "481", "503", "529", "538", "577", "445", "636", "680", "704", "734", "738", "761"],
        "funders": ["muu-eu"],
        "topics": ["työkyky", "sote-keskus", "työhönvalmennus", "osatyökykyisyys"],
        "contact_organisation": "Varsinais-Suomen hyvinvointialue (Varha)",
        "contact_email": "tyokyky.varha@example.fi",
        "authors": "Työkykyohjelman laajentaminen -työpaketti, Varha",
        "source_created": D(2023, 7, 31),
        "source_modified": D(2024, 3, 6),
        "links": [("Työkykyohjelma Innokylässä", INNOKYLA_PROGRAMME)],
    },
]

# ---------------------------------------------------------------------------
# Evaluation checklist criteria shared by the models
# ---------------------------------------------------------------------------

CRITERIA = {
    "osallisuus": {"fi": "Asiakkaat ovat osallistuneet mallin kehittämiseen", "sv": "Klienterna har deltagit i utvecklingen av modellen", "en": "Clients took part in developing the model"},
    "tavoitteet": {"fi": "Tavoitteet ja mittarit on määritelty", "sv": "Mål och mätare har definierats", "en": "Goals and indicators are defined"},
    "vaikutukset": {"fi": "Tuloksia ja vaikutuksia on arvioitu", "sv": "Resultat och effekter har utvärderats", "en": "Results and impact have been evaluated"},
    "resurssit": {"fi": "Tarvittavat resurssit ja kustannukset on kuvattu", "sv": "Resurser och kostnader har beskrivits", "en": "Required resources and costs are described"},
    "levitettavyys": {"fi": "Malli on siirrettävissä toiselle alueelle", "sv": "Modellen kan överföras till en annan region", "en": "The model can be transferred to another region"},
    "juurtuminen": {"fi": "Toiminnan jatko on varmistettu hankkeen jälkeen", "sv": "Verksamhetens fortsättning efter projektet är säkrad", "en": "The work continues after the project"},
}

# ---------------------------------------------------------------------------
# Operating models (toimintamallit). A root model comes before its variants.
# Sections: (key, [paragraphs]) or ("other", heading, [paragraphs]); a
# paragraph that starts with "<" is kept as HTML.
# ---------------------------------------------------------------------------

MODELS = [
    {
        "key": "tiimi",
        "parent": "national",
        "programme": "national",
        "slug": "tyokyvyn-tuen-tiimi",
        "title": "Työkyvyn tuen tiimi",
        "summary": "Sote-keskukseen sijoittuva monialainen tiimi, joka arvioi osatyökykyisen työttömän työ- ja toimintakyvyn kokonaisuutena ja laatii hänen kanssaan työkyvyn tuen suunnitelman. Tämä yleiskuvaus kokoaa alueellisten versioiden yhteiset piirteet.",
        "implementation_place": "Valtakunnallinen yleiskuvaus; alueelliset versiot Kymenlaaksossa, Etelä-Karjalassa, Pohjois-Savossa ja Varsinais-Suomessa",
        "regions": ["national"],
        "funders": ["stm"],
        "stage": Stage.READY,
        "topics": ["työkyky", "osatyökykyisyys", "monialainen yhteistyö", "sote-keskus"],
        "target_groups": ["osatyokykyiset", "tyottomat", "ammattilaiset"],
        "phenomena": ["tyokyky"],
        "source_created": D(2021, 5, 10),
        "source_modified": D(2023, 11, 30),
        "authors": "Työkykyohjelman alueellisten hankkeiden kehittäjäverkosto",
        "contact_organisation": "Työkykyportaalin toimitus",
        "contact_email": "tyokyky@example.fi",
        "sections": [
            ("basic_idea", [
                "Työkyvyn tuen tiimi kokoaa yhteen ne ammattilaiset, joita osatyökykyisen työttömän tilanteen selvittäminen vaatii: esimerkiksi lääkärin, sairaanhoitajan, sosiaaliohjaajan, fysioterapeutin, psykologin ja työkykykoordinaattorin. Asiakkaan ei tarvitse kertoa tarinaansa jokaiselle erikseen, vaan tiimi muodostaa hänen tilanteestaan yhteisen kuvan.",
                "Tiimin työn tuloksena syntyy työkyvyn tuen suunnitelma: mitä asiakkaan työkyvyn hyväksi tehdään, mitä palveluja ja etuuksia haetaan ja kuka vastaa seuraavasta askeleesta. Yksi tiimin jäsenistä on asiakkaan nimetty yhteyshenkilö koko prosessin ajan.",
            ]),
            ("operating_environment", [
                "Tiimi toimii sosiaali- ja terveyskeskuksen yhteydessä ja tekee tiivistä yhteistyötä työllisyyspalvelujen, Kelan, kuntoutuksen ja järjestöjen kanssa. Asiakkaat ohjautuvat tiimiin työllisyyspalveluista, aikuissosiaalityöstä ja terveysasemilta, ja yhä useampi hakeutuu itse.",
                "Hyvinvointialueiden aloitettua vuonna 2023 tiimit ovat vakiintuneet osaksi alueellisia työkyvyn tuen palveluja, mutta organisointi vaihtelee: osa tiimeistä on keskitettyjä, osa toimii verkostona usean terveysaseman välillä.",
            ]),
            ("conditions", [
                "Toimiva tiimi tarvitsee johdon sitoutumisen, nimetyt jäsenet ja heille varatun työajan, yhteisen kirjaamiskäytännön sekä sovitun tavan ohjata asiakkaita tiimiin. Jäsenten on tunnettava toistensa palvelut ja etuusjärjestelmän perusteet.",
                "Käyttöönotto kannattaa aloittaa pienellä asiakasmäärällä ja sopia heti alussa, miten tuloksia seurataan. Työkykykoordinaattorikoulutuksen käynyt jäsen nopeuttaa tiimin käynnistymistä selvästi.",
            ]),
            ("target_group_insight", [
                "Tiimin asiakas on tyypillisesti työikäinen, pitkään työttömänä ollut ihminen, jonka terveydentila tai elämäntilanne rajoittaa työntekoa mutta jonka tilanne ei ole ratkennut yksittäisissä palveluissa. Moni on käynyt läpi useita toimenpiteitä ilman, että työkykyä olisi koskaan arvioitu kokonaisuutena.",
                "Asiakaspalautteen mukaan tärkeintä on tulla kuulluksi kerralla ja saada selkeä suunnitelma. Toistuvat haastattelut ja epäselvä vastuunjako puolestaan heikentävät luottamusta palveluihin.",
            ]),
            ("implementation", [
                "<ol><li>Tuen tarve tunnistetaan, ja asiakas ohjataan tiimiin sovitulla tavalla tai ammattilainen pyytää konsultaatiota.</li><li>Alkuhaastattelussa kartoitetaan asiakkaan tilanne ja tavoitteet.</li><li>Tiimi arvioi työ- ja toimintakyvyn ja kokoaa tarvittavat tutkimukset.</li><li>Asiakkaan kanssa laaditaan työkyvyn tuen suunnitelma.</li><li>Nimetty yhteyshenkilö seuraa suunnitelman toteutumista ja sopii jatkosta.</li></ol>",
            ]),
            ("resources", ["Tiimiin kuuluu tavallisesti neljästä seitsemään ammattilaista, jotka käyttävät osan työajastaan tiimin työhön. Lisäksi tarvitaan säännöllinen kokousaika, asiakastyöhön sopivat tilat tai etäyhteydet sekä koordinointiin varattua työaikaa."]),
            ("evaluation", ["Alueilla on seurattu asiakasmäärää, suunnitelmien valmistumista, asiakkaiden kokemusta ja sitä, mihin asiakkaat ovat siirtyneet: työhön, koulutukseen, kuntoutukseen tai etuuden piiriin. Vertailukelpoinen seuranta edellyttää yhteisiä mittareita, joita alueet ovat ottaneet käyttöön eri tahdissa."]),
        ],
        "log": [
            (D(2020, 11, 2), UNDERSTAND, {"fi": "Alueelliset hankkeet kokosivat havaintonsa siitä, missä kohdin osatyökykyisen työttömän palvelut katkeavat.", "sv": "De regionala projekten samlade sina iakttagelser om var tjänsterna för arbetslösa med partiell arbetsförmåga bryts.", "en": "The regional projects pooled their findings on where services for unemployed people with partial work ability break down."}),
            (D(2021, 5, 10), TRY, {"fi": "Ensimmäiset työkyvyn tuen tiimit aloittivat kokeiluina neljällä alueella; käytännöt vaihtelivat ohjauksesta kirjaamiseen.", "sv": "De första teamen för stöd för arbetsförmågan inledde som försök i fyra regioner; praxis varierade från hänvisning till dokumentation.", "en": "The first work-ability teams started as pilots in four regions; practice varied from referral to record-keeping."}),
            (D(2022, 9, 15), SHARE, {"fi": "Alueiden kokemukset koottiin yhteiseksi kuvaukseksi, ja alueelliset versiot linkitettiin toisiinsa.", "sv": "Regionernas erfarenheter sammanställdes till en gemensam beskrivning, och de regionala versionerna länkades till varandra.", "en": "The regions' experience was brought together in one description, and the regional versions were linked to each other."}),
            (D(2023, 11, 30), SHARE, {"fi": "Kuvaus päivitettiin hyvinvointialueiden aloittamisen jälkeen.", "sv": "Beskrivningen uppdaterades efter att välfärdsområdena inlett sin verksamhet.", "en": "The description was updated after the wellbeing services counties started."}),
        ],
        "attachments": [("tiimi-opas", {"fi": "", "sv": "Att starta ett team för stöd för arbetsförmågan – checklista (PDF, på finska)", "en": "Starting a work-ability team – checklist (PDF, in Finnish)"})],
        "translations": {
            "sv": {
                "title": "Team för stöd för arbetsförmågan",
                "slug": "team-for-stod-for-arbetsformagan",
                "summary": "Ett sektorsövergripande team vid social- och hälsocentralen som bedömer arbets- och funktionsförmågan hos en arbetslös person med partiell arbetsförmåga som en helhet och gör upp en plan för stöd tillsammans med personen. Den här allmänna beskrivningen samlar det som de regionala versionerna har gemensamt.",
                "implementation_place": "Nationell allmän beskrivning; regionala versioner i Kymmenedalen, Södra Karelen, Norra Savolax och Egentliga Finland",
                "topics": ["arbetsförmåga", "partiell arbetsförmåga", "sektorsövergripande samarbete", "social- och hälsocentral"],
                "authors": "Utvecklarnätverket för Arbetsförmågeprogrammets regionala projekt",
                "contact_organisation": "Arbetsförmågeportalens redaktion",
                "sections": [
                    ("basic_idea", [
                        "Teamet samlar de yrkesverksamma som behövs för att reda ut situationen för en arbetslös person med partiell arbetsförmåga, till exempel läkare, sjukskötare, socialhandledare, fysioterapeut, psykolog och arbetsförmågekoordinator. Klienten behöver inte berätta sin historia för var och en separat, utan teamet bildar en gemensam bild av situationen.",
                        "Teamets arbete leder till en plan för stöd för arbetsförmågan: vad som görs för klientens arbetsförmåga, vilka tjänster och förmåner som söks och vem som ansvarar för nästa steg. En av teammedlemmarna är klientens namngivna kontaktperson under hela processen.",
                    ]),
                    ("operating_environment", [
                        "Teamet arbetar i anslutning till social- och hälsocentralen och samarbetar nära med sysselsättningstjänsterna, FPA, rehabiliteringen och organisationerna. Klienterna hänvisas till teamet från sysselsättningstjänsterna, socialt arbete för vuxna och hälsostationerna, och allt fler söker sig dit själva.",
                        "Sedan välfärdsområdena inledde sin verksamhet 2023 har teamen blivit en etablerad del av de regionala tjänsterna, men organiseringen varierar: en del team är centraliserade, andra arbetar som nätverk mellan flera hälsostationer.",
                    ]),
                    ("conditions", [
                        "Ett fungerande team behöver ledningens engagemang, utsedda medlemmar med reserverad arbetstid, gemensam dokumentationspraxis och ett överenskommet sätt att hänvisa klienter. Medlemmarna måste känna till varandras tjänster och grunderna i förmånssystemet.",
                        "Det lönar sig att börja med ett litet antal klienter och från början komma överens om hur resultaten följs upp. En medlem som har gått utbildningen för arbetsförmågekoordinatorer gör starten betydligt snabbare.",
                    ]),
                    ("target_group_insight", [
                        "Teamets klient är vanligen en person i arbetsför ålder som har varit arbetslös länge och vars hälsa eller livssituation begränsar arbetet, men vars situation inte har lösts i enskilda tjänster. Många har gått igenom flera åtgärder utan att arbetsförmågan någonsin har bedömts som en helhet.",
                        "Enligt klientresponsen är det viktigaste att bli hörd på en gång och få en tydlig plan. Upprepade intervjuer och oklar ansvarsfördelning försvagar däremot förtroendet för tjänsterna.",
                    ]),
                    ("implementation", [
                        "<ol><li>Stödbehovet identifieras och klienten hänvisas till teamet på överenskommet sätt, eller en yrkesperson ber om konsultation.</li><li>I den inledande intervjun kartläggs klientens situation och mål.</li><li>Teamet bedömer arbets- och funktionsförmågan och samlar de undersökningar som behövs.</li><li>En plan för stöd för arbetsförmågan görs upp tillsammans med klienten.</li><li>Den namngivna kontaktpersonen följer upp planen och kommer överens om fortsättningen.</li></ol>",
                    ]),
                    ("resources", ["I teamet ingår vanligen fyra till sju yrkesverksamma som använder en del av sin arbetstid i teamet. Dessutom behövs en regelbunden mötestid, lämpliga lokaler eller distansförbindelser för klientarbetet samt arbetstid för samordning."]),
                    ("evaluation", ["Regionerna har följt antalet klienter, hur många planer som blir klara, klienternas upplevelser och vart klienterna har gått vidare: till arbete, utbildning, rehabilitering eller förmåner. Jämförbar uppföljning kräver gemensamma mätare, som regionerna har infört i olika takt."]),
                ],
            },
            "en": {
                "title": "Work-ability support team",
                "slug": "work-ability-support-team",
                "summary": "A multidisciplinary team at the health and social services centre that assesses the work and functional capacity of an unemployed person with partial work ability as a whole and draws up a work-ability support plan with them. This general description brings together what the regional versions share.",
                "implementation_place": "National general description; regional versions in Kymenlaakso, South Karelia, North Savo and Southwest Finland",
                "topics": ["work ability", "partial work ability", "multidisciplinary cooperation", "health and social services centre"],
                "authors": "Developer network of the Work Ability Programme's regional projects",
                "contact_organisation": "Work Ability Portal editorial team",
                "sections": [
                    ("basic_idea", [
                        "The team brings together the professionals needed to clarify the situation of an unemployed person with partial work ability: for example a doctor, a nurse, a social counsellor, a physiotherapist, a psychologist and a work-ability coordinator. The client does not have to tell their story to each of them separately; the team forms a shared picture of the situation.",
                        "The team's work results in a work-ability support plan: what will be done for the client's work ability, which services and benefits will be applied for, and who is responsible for the next step. One team member is the client's named contact person throughout the process.",
                    ]),
                    ("operating_environment", [
                        "The team works alongside the health and social services centre and cooperates closely with employment services, Kela, rehabilitation services and NGOs. Clients are referred from employment services, adult social work and health stations, and more and more come on their own initiative.",
                        "Since the wellbeing services counties started in 2023, the teams have become an established part of regional services, but their organisation varies: some teams are centralised, others work as a network across several health stations.",
                    ]),
                    ("conditions", [
                        "A working team needs management commitment, named members with dedicated working time, a shared way of keeping records and an agreed way of referring clients. Members need to know each other's services and the basics of the benefit system.",
                        "It pays to start with a small number of clients and to agree from the start how results will be followed up. A member who has completed work-ability coordinator training makes the start considerably faster.",
                    ]),
                    ("target_group_insight", [
                        "A typical client is a working-age person who has been unemployed for a long time and whose health or life situation limits working, but whose situation has not been resolved by individual services. Many have been through several measures without their work ability ever being assessed as a whole.",
                        "According to client feedback, what matters most is being heard once and getting a clear plan. Repeated interviews and unclear responsibilities, on the other hand, erode trust in services.",
                    ]),
                    ("implementation", [
                        "<ol><li>The need for support is recognised and the client is referred to the team in the agreed way, or a professional asks for a consultation.</li><li>An initial interview maps the client's situation and goals.</li><li>The team assesses work and functional capacity and gathers the examinations needed.</li><li>A work-ability support plan is drawn up with the client.</li><li>The named contact person follows the plan and agrees on the next steps.</li></ol>",
                    ]),
                    ("resources", ["A team usually has four to seven professionals who spend part of their working time on the team's work. A regular meeting slot, suitable premises or remote connections for client work, and working time for coordination are also needed."]),
                    ("evaluation", ["The regions have followed the number of clients, how many plans are completed, clients' experiences and where clients have moved on to: work, education, rehabilitation or benefits. Comparable follow-up requires shared measures, which the regions have adopted at different speeds."]),
                ],
            },
        },
    },
    {
        "key": "tiimi-kymenlaakso",
        "parent": "kymenlaakso",
        "programme": "kymenlaakso",
        "variant_of": "tiimi",
        "slug": "tyokykytiimi-kymenlaakso",
        "title": "Työkyvyn tuen tiimi, Kymenlaakso",
        "summary": "Kymenlaakson työkykytiimi toimii verkostona koko alueella: ydintiimi arvioi työkykyä ja tukee muita ammattilaisia konsultaatioilla, ja jokaiselle asiakkaalle nimetään asiakasvastaava.",
        "implementation_place": "Kymenlaakso: Kouvola, Kotka, Hamina, Pyhtää, Virolahti ja Miehikkälä",
        "regions": ["kymenlaakso"],
        "municipalities": ["286", "285", "075", "624", "935", "489"],
        "funders": ["stm", "hyvinvointialue"],
        "stage": Stage.EVALUATED,
        "topics": ["työkyky", "monialainen yhteistyö", "konsultaatio", "asiakasohjaus"],
        "target_groups": ["osatyokykyiset", "pitkaaikaistyottomat", "ammattilaiset"],
        "phenomena": ["tyokyky", "syrjaytyminen"],
        "source_created": D(2021, 9, 1),
        "source_modified": D(2022, 12, 20),
        "authors": "Työkykyä tukemassa -hanketiimi, Kymsote",
        "contact_organisation": "Kymenlaakson hyvinvointialue, työelämäpalvelut",
        "contact_email": "tyokykytiimi.kymenlaakso@example.fi",
        "sections": [
            ("basic_idea", [
                "Kymenlaaksossa aiemmin kunnittain toimineet työkykytiimit yhtenäistettiin yhdeksi alueelliseksi tiimiksi, jolla on yhteinen toimintamalli ja yhteiset arviointimittarit. Ydintiimin muodostavat lääkäri, sairaanhoitaja, sosiaaliohjaaja, fysioterapeutti ja psykologi, ja tarvittaessa mukaan kutsutaan verkoston muita asiantuntijoita.",
                "Tiimi työskentelee kahteen suuntaan: se ottaa asiakkaita vastaan arvioon ja tarjoaa konsultaatioapua sote-palvelujen ja TE-toimiston ammattilaisille, jotka pohtivat asiakkaansa työkykyä.",
            ]),
            ("operating_environment", ["Tiimi toimii kuntayhtymän ja sittemmin hyvinvointialueen monialaisissa työelämäpalveluissa. Pitkät etäisyydet Pohjois- ja Etelä-Kymenlaakson välillä ratkaistiin niin, että arviointikäynnit järjestetään asiakkaan kotikunnassa ja tiimin kokoukset pidetään etäyhteyksin."]),
            ("conditions", [
                "Yhtenäinen malli edellytti, että kaikki kunnat sitoutuivat samaan ohjauskäytäntöön ja että tiimin johtamiseen nimettiin vastuuhenkilö. Ammattilaisten roolit kirjattiin, jotta jokainen tietää, mitä häneltä odotetaan tiimissä ja sen verkostossa.",
                "Konsultaatiot vaativat selkeän yhteydenottokanavan ja sovitun vasteajan; Kymenlaaksossa konsultaatiopyyntöön vastataan viikon kuluessa.",
            ]),
            ("target_group_insight", [
                "Asiakkaiden kanssa pidetyissä työpajoissa kävi ilmi, että arvioon tuleminen jännittää ja moni pelkää menettävänsä etuutensa. Siksi ensikäynnillä kerrotaan selvästi, mitä arvio tarkoittaa ja mitä ei, ja asiakas saa itse päättää, kuka läheinen voi olla mukana.",
                "Työnantajien edustajat toivoivat tiimiltä tietoa siitä, millaisissa tehtävissä asiakas voi aloittaa, eikä pelkkää luetteloa rajoitteista.",
            ]),
            ("implementation", ["Asiakas ohjautuu tiimiin alueen asiakasohjausmallin kautta. Asiakasvastaava tapaa hänet ensin, minkä jälkeen ydintiimi käsittelee tilanteen yhteisessä kokouksessa. Fysioterapeutin vetämä ryhmätoiminta antaa arviointijakson aikana mahdollisuuden harjoitella ja kokeilla omaa jaksamista."]),
            ("resources", ["Hankeaikana tiimissä työskenteli kaksi kokoaikaista ja viisi osa-aikaista ammattilaista. Hankkeen jälkeen toiminta jatkui hyvinvointialueen vakituisella henkilöstöllä."]),
            ("evaluation", ["Seurannassa tarkasteltiin ohjautumisen nopeutta, asiakkaiden kokemusta ja sijoittumista puoli vuotta arvion jälkeen. Asiakaskyselyn vastaajista valtaosa koki saaneensa selkeyttä tilanteeseensa, ja ammattilaiset arvioivat konsultaatioiden vähentäneen turhia lähetteitä."]),
        ],
        "evaluation": [
            ("osallisuus", GREEN, {"fi": "Asiakkaat osallistuivat työpajoihin ja palautekyselyihin koko hankkeen ajan.", "sv": "Klienterna deltog i workshoppar och responsenkäter under hela projektet.", "en": "Clients took part in workshops and feedback surveys throughout the project."}, D(2022, 11, 30)),
            ("tavoitteet", GREEN, {"fi": "Mittarit sovittiin yhteisesti koko alueelle.", "sv": "Mätarna överenskoms gemensamt för hela regionen.", "en": "The measures were agreed jointly for the whole region."}, D(2022, 11, 30)),
            ("vaikutukset", YELLOW, {"fi": "Seuranta-aika on lyhyt; työllistymistä seurataan vielä vuoden ajan.", "sv": "Uppföljningstiden är kort; sysselsättningen följs upp ännu i ett år.", "en": "The follow-up period is short; employment will be tracked for another year."}, D(2022, 11, 30)),
            ("resurssit", GREEN, {"fi": "Tiimin kokoonpano ja työaika on kuvattu.", "sv": "Teamets sammansättning och arbetstid har beskrivits.", "en": "The team's composition and working time are described."}, D(2022, 11, 30)),
            ("levitettavyys", YELLOW, {"fi": "Malli soveltuu parhaiten alueille, joilla on valmiina monialaiset työelämäpalvelut.", "sv": "Modellen passar bäst i regioner som redan har sektorsövergripande arbetslivstjänster.", "en": "The model suits regions that already have multidisciplinary working-life services best."}, D(2022, 11, 30)),
            ("juurtuminen", GREEN, {"fi": "Toiminta jatkuu hyvinvointialueen vakituisena palveluna.", "sv": "Verksamheten fortsätter som en permanent tjänst i välfärdsområdet.", "en": "The work continues as a permanent service of the wellbeing services county."}, D(2022, 11, 30)),
        ],
        "log": [
            (D(2021, 2, 15), UNDERSTAND, {"fi": "Kartoitettiin kuntien erilaiset työkyvyn arvioinnin käytännöt ja haastateltiin asiakkaita.", "sv": "Kommunernas olika praxis för bedömning av arbetsförmågan kartlades och klienter intervjuades.", "en": "The municipalities' different work-ability assessment practices were mapped and clients were interviewed."}),
            (D(2021, 9, 1), TRY, {"fi": "Yhtenäinen tiimi aloitti, ja konsultaatioita kokeiltiin ensin kahdella terveysasemalla.", "sv": "Det gemensamma teamet inledde sitt arbete, och konsultationer prövades först på två hälsostationer.", "en": "The unified team started, and consultations were first tried at two health stations."}),
            (D(2022, 6, 1), TRY, {"fi": "Arviointimittarit yhtenäistettiin ja fysioterapeutin ryhmätoiminta lisättiin arviointijaksoon.", "sv": "Bedömningsmätarna förenhetligades och fysioterapeutens gruppverksamhet lades till i bedömningsperioden.", "en": "Assessment measures were unified and physiotherapist-led group activities were added to the assessment period."}),
            (D(2022, 12, 20), SHARE, {"fi": "Toimintamalli kuvattiin ja siirrettiin hyvinvointialueen pysyväksi käytännöksi.", "sv": "Verksamhetsmodellen beskrevs och överfördes till välfärdsområdet som permanent praxis.", "en": "The operating model was described and handed over to the wellbeing services county as permanent practice."}),
        ],
        "attachments": [("tiimi-opas", {"fi": "", "sv": "Att starta ett team för stöd för arbetsförmågan – checklista (PDF, på finska)", "en": "Starting a work-ability team – checklist (PDF, in Finnish)"})],
        "translations": {
            "sv": {
                "title": "Team för stöd för arbetsförmågan, Kymmenedalen",
                "slug": "arbetsformageteam-kymmenedalen",
                "summary": "Arbetsförmågeteamet i Kymmenedalen arbetar som ett nätverk i hela regionen: kärnteamet bedömer arbetsförmågan och stöder andra yrkesverksamma med konsultationer, och varje klient får en klientansvarig.",
                "implementation_place": "Kymmenedalen: Kouvola, Kotka, Fredrikshamn, Pyttis, Vederlax och Miehikkälä",
                "topics": ["arbetsförmåga", "sektorsövergripande samarbete", "konsultation", "klientstyrning"],
                "authors": "Projektteamet för Stöd för arbetsförmågan, Kymsote",
                "contact_organisation": "Kymmenedalens välfärdsområde, arbetslivstjänster",
                "sections": [
                    ("basic_idea", [
                        "I Kymmenedalen förenades de arbetsförmågeteam som tidigare arbetat kommunvis till ett regionalt team med en gemensam verksamhetsmodell och gemensamma bedömningsmätare. Kärnteamet består av läkare, sjukskötare, socialhandledare, fysioterapeut och psykolog, och vid behov bjuds andra experter i nätverket in.",
                        "Teamet arbetar i två riktningar: det tar emot klienter för bedömning och erbjuder konsultationshjälp till yrkesverksamma inom social- och hälsovården och arbets- och näringsbyrån som funderar på sin klients arbetsförmåga.",
                    ]),
                    ("operating_environment", ["Teamet arbetar inom samkommunens och numera välfärdsområdets sektorsövergripande arbetslivstjänster. De långa avstånden mellan norra och södra Kymmenedalen löstes så att bedömningsbesöken ordnas i klientens hemkommun och teamets möten hålls på distans."]),
                    ("conditions", [
                        "Den gemensamma modellen krävde att alla kommuner förband sig till samma hänvisningspraxis och att en ansvarsperson utsågs för att leda teamet. De yrkesverksammas roller skrevs ner så att alla vet vad som förväntas av dem i teamet och nätverket.",
                        "Konsultationer kräver en tydlig kontaktkanal och en överenskommen svarstid; i Kymmenedalen besvaras en begäran om konsultation inom en vecka.",
                    ]),
                    ("target_group_insight", [
                        "I workshoppar med klienter framkom att det känns spännande att komma till en bedömning och att många är rädda för att förlora sina förmåner. Därför berättar man vid det första besöket tydligt vad bedömningen innebär och inte innebär, och klienten bestämmer själv vilken närstående som får vara med.",
                        "Arbetsgivarnas företrädare önskade information om vilka uppgifter klienten kan börja med, inte bara en lista över begränsningar.",
                    ]),
                    ("implementation", ["Klienten hänvisas till teamet via regionens modell för klientstyrning. Den klientansvariga träffar klienten först, varefter kärnteamet behandlar situationen på ett gemensamt möte. Fysioterapeutens gruppverksamhet ger under bedömningsperioden möjlighet att öva och pröva den egna orken."]),
                    ("resources", ["Under projekttiden arbetade två heltidsanställda och fem deltidsanställda yrkesverksamma i teamet. Efter projektet fortsatte verksamheten med välfärdsområdets fasta personal."]),
                    ("evaluation", ["Uppföljningen gällde hur snabbt klienterna hänvisades, klienternas upplevelser och var de befann sig ett halvår efter bedömningen. De flesta som svarade på klientenkäten upplevde att de fått klarhet i sin situation, och de yrkesverksamma bedömde att konsultationerna minskat onödiga remisser."]),
                ],
            },
            "en": {
                "title": "Work-ability support team, Kymenlaakso",
                "slug": "work-ability-team-kymenlaakso",
                "summary": "The Kymenlaakso work-ability team works as a network across the region: the core team assesses work ability and supports other professionals with consultations, and every client gets a named client coordinator.",
                "implementation_place": "Kymenlaakso: Kouvola, Kotka, Hamina, Pyhtää, Virolahti and Miehikkälä",
                "topics": ["work ability", "multidisciplinary cooperation", "consultation", "client guidance"],
                "authors": "Supporting Work Ability project team, Kymsote",
                "contact_organisation": "Kymenlaakso Wellbeing Services County, working-life services",
                "sections": [
                    ("basic_idea", [
                        "In Kymenlaakso, the work-ability teams that used to work municipality by municipality were merged into one regional team with a shared operating model and shared assessment measures. The core team consists of a doctor, a nurse, a social counsellor, a physiotherapist and a psychologist, and other experts from the network are invited when needed.",
                        "The team works in two directions: it takes in clients for assessment and offers consultation to professionals in health and social services and the TE Office who are wondering about their client's work ability.",
                    ]),
                    ("operating_environment", ["The team works in the multidisciplinary working-life services of the joint municipal authority, now the wellbeing services county. The long distances between northern and southern Kymenlaakso were solved by holding assessment visits in the client's home municipality and team meetings online."]),
                    ("conditions", [
                        "The shared model required every municipality to commit to the same referral practice and a named person to lead the team. The professionals' roles were written down so that everyone knows what is expected of them in the team and its network.",
                        "Consultations need a clear contact channel and an agreed response time; in Kymenlaakso a consultation request is answered within a week.",
                    ]),
                    ("target_group_insight", [
                        "Workshops with clients showed that coming to an assessment makes people nervous and that many fear losing their benefits. The first visit therefore explains clearly what the assessment is and is not, and the client decides which person close to them may take part.",
                        "Employers' representatives asked the team for information on which tasks the client could start with, rather than just a list of limitations.",
                    ]),
                    ("implementation", ["Clients reach the team through the region's client referral model. The client coordinator meets them first, after which the core team discusses the situation in a joint meeting. Group activities led by a physiotherapist give clients a chance to practise and test their stamina during the assessment period."]),
                    ("resources", ["During the project the team had two full-time and five part-time professionals. After the project the work continued with the permanent staff of the wellbeing services county."]),
                    ("evaluation", ["Follow-up looked at how quickly clients were referred, their experiences and where they were six months after the assessment. Most respondents to the client survey felt they had gained clarity about their situation, and professionals judged that consultations had reduced unnecessary referrals."]),
                ],
            },
        },
    },
    {
        "key": "tiimi-etela-karjala",
        "parent": "etela-karjala",
        "programme": "etela-karjala",
        "variant_of": "tiimi",
        "slug": "tyokyvyn-tuen-tiimi-etela-karjala",
        "title": "Työkyvyn tuen tiimi, Etelä-Karjala",
        "summary": "Etelä-Karjalassa työkyvyn tuen tiimi on osa monialaista työllisyyden palvelukokonaisuutta: tiimi yhdistää työkyvyn arvioinnin ja tuetun työllistymisen palvelut, ja asiakkaan rinnalla kulkee asiakasvastaava.",
        "implementation_place": "Lappeenranta ja Imatra; palvelut koko Etelä-Karjalan alueelle",
        "regions": ["etela-karjala"],
        "municipalities": ["405", "153"],
        "funders": ["stm"],
        "stage": Stage.READY,
        "topics": ["työkyky", "monialainen yhteistyö", "työkyvyn arviointi", "tuettu työllistyminen"],
        "target_groups": ["osatyokykyiset", "tyottomat"],
        "phenomena": ["tyokyky"],
        "source_created": D(2021, 10, 4),
        "source_modified": D(2022, 12, 27),
        "authors": "TYÖTÄ-hankkeen hanketiimi, Eksote",
        "contact_organisation": "Etelä-Karjalan hyvinvointialue (Eksote)",
        "contact_email": "tyokyvyntuki.eksote@example.fi",
        "sections": [
            ("basic_idea", [
                "Tiimi yhdistää sote-keskuksen työkyvyn arvioinnin ja työllisyyspalvelujen valmennuksen samaksi prosessiksi. Kun tiimi on arvioinut asiakkaan työkyvyn, hänet voidaan ohjata suoraan laatukriteerien mukaiseen työhönvalmennukseen ilman uutta jonoa.",
                "Jokaiselle asiakkaalle nimetään asiakasvastaava, joka pitää langat käsissään ja huolehtii, että tieto kulkee tiimin ja muiden palvelujen välillä.",
            ]),
            ("operating_environment", ["Eksote järjesti sosiaali- ja terveyspalvelut Etelä-Karjalassa jo ennen hyvinvointialueuudistusta, joten tiimi saattoi toimia yhden organisaation sisällä yli kuntarajojen. Yhteistyökumppaneita ovat TE-toimisto, Kela, alueen kunnat, oppilaitokset ja järjestöt."]),
            ("conditions", [
                "Tiimin toiminta edellytti, että työkyvyn arvioinnin prosessit sovitettiin ensin yhteen: samat mittarit, sama lomake ja sovittu tapa kirjata. Työhönvalmentajien ja tiimin välille sovittiin säännöllinen yhteinen kokous.",
                "Asiakasvastaavan työ vaatii aikaa, joten yhdellä asiakasvastaavalla voi olla kerrallaan vain rajattu määrä asiakkaita.",
            ]),
            ("target_group_insight", ["Monella tiimin asiakkaalla oli takanaan useita keskeytyneitä kuntoutusjaksoja. Asiakkaat kertoivat, että heille tärkeintä oli päästä nopeasti kokeilemaan oikeaa työtä eikä jäädä odottamaan täydellistä kuntoutumista."]),
            ("implementation", ["Asiakas ohjautuu tiimiin työllisyyspalveluista tai sote-keskuksesta. Asiakasvastaava tekee alkukartoituksen, tiimi arvioi työkyvyn, ja suunnitelmassa sovitaan tarvittaessa siirtymisestä työhönvalmennukseen. Asiakasvastaava pysyy mukana myös valmennuksen aikana."]),
            ("resources", ["Tiimissä työskenteli kaksi asiakasvastaavaa, sairaanhoitaja, fysioterapeutti ja osa-aikainen lääkäri. Työhönvalmentajat kuuluivat työllisyyspalvelujen henkilöstöön."]),
            ("evaluation", ["Seurannassa tarkasteltiin, kuinka pian arviosta päästiin valmennukseen ja kuinka moni valmennettava aloitti palkkatyön. Viive arvion ja valmennuksen alun välillä lyheni hankkeen aikana selvästi."]),
        ],
    },
    {
        "key": "tiimi-iisalmi",
        "parent": "pohjois-savo",
        "programme": "pohjois-savo",
        "variant_of": "tiimi",
        "slug": "iisalmen-tyokykytiimi",
        "title": "Työkyvyn tuen tiimi, Iisalmi",
        "summary": "Iisalmen työkykytiimi sijoittuu sote-keskukseen ja kokoaa asiakkaan ympärille monisektorisen verkoston. Tiimi tekee järjestelmällisen työkyvyn arvion, jossa huomioidaan fyysinen, psyykkinen, sosiaalinen ja kognitiivinen toimintakyky.",
        "implementation_place": "Iisalmi",
        "regions": ["pohjois-savo"],
        "municipalities": ["140"],
        "funders": ["stm", "kunta"],
        "stage": Stage.EVALUATED,
        "topics": ["työkyky", "sote-keskus", "monialainen yhteistyö", "asiakasohjaus"],
        "target_groups": ["osatyokykyiset", "pitkaaikaistyottomat", "ammattilaiset"],
        "phenomena": ["tyokyky", "eriarvoisuus"],
        "source_created": D(2021, 6, 14),
        "source_modified": D(2022, 12, 20),
        "authors": "IISAKKI-hankkeen hanketiimi, Iisalmen kaupunki",
        "contact_organisation": "Iisalmen kaupunki, työllisyyspalvelut",
        "contact_email": "tyokykytiimi.iisalmi@example.fi",
        "sections": [
            ("basic_idea", [
                "Tiimi tunnistaa ja arvioi osatyökykyisten työnhakijoiden tuen tarpeet järjestelmällisesti ja ajoissa, ennen kuin työttömyys pitkittyy. Arvio kattaa fyysisen, psyykkisen, sosiaalisen ja kognitiivisen toimintakyvyn, ja siinä yhdistyvät hoidon, kuntoutuksen ja palvelutarpeen arviointi.",
                "Asiakkaan oma verkosto – sekä ammattilaiset että läheiset – kutsutaan mukaan, jos asiakas niin haluaa.",
            ]),
            ("operating_environment", [
                "Iisalmi on Ylä-Savon keskus, jonka teollisuusyritykset tarvitsevat erikoisosaamista. Työkyvyn tuen palvelut olivat eri organisaatioiden vastuulla: sote-palvelut kuntayhtymällä, työllisyyspalvelut kaupungilla osana työllisyyden kuntakokeilua sekä Kela ja TE-palvelut omilla tahoillaan.",
                "Toimintaa mallinnettiin yhdessä Tulevaisuuden sote-keskus -hankkeen kanssa, jotta se voitiin siirtää Pohjois-Savon hyvinvointialueelle.",
            ]),
            ("conditions", [
                "Tiimin toiminta edellyttää organisaatioiden yhteistä sopimusta siitä, kuka ohjaa, kuka arvioi ja mihin tieto kirjataan. Asiakkaan suostumus tietojen vaihtoon pyydetään heti alussa.",
                "Pienellä paikkakunnalla tiimin jäsenet tuntevat toisensa, mikä nopeuttaa yhteistyötä mutta tekee toiminnasta haavoittuvaa henkilöstövaihdosten aikana.",
            ]),
            ("target_group_insight", ["Pilottiasiakkaat ohjautuivat pääosin työllisyyspalveluista ja työikäisten sosiaalityöstä. Monella oli tunnistettu työkykyä rajoittava sairaus, mutta osa ei itse ollut huomannut työkykynsä kaventuneen. Yhteistä oli kierre, jossa samankaltaiset toimenpiteet toistuivat ilman etenemistä."]),
            ("implementation", ["Ohjaus tiimiin tapahtuu monikanavaisesti. Ensimmäisellä tapaamisella sovitaan, keitä arvioon kutsutaan. Tiimi kokoontuu asiakkaan kanssa yhteiseen verkostotapaamiseen, ja suunnitelman toteutumista seurataan sovituin väliajoin."]),
            ("resources", ["Hankkeessa työskentelivät projektipäällikkö ja kaksi työkykykoordinaattoria. Tiimin lääkäri-, psykologi- ja fysioterapeuttiresurssi tuli kuntayhtymältä."]),
            ("evaluation", ["Asiakkaiden työkykyä seurattiin alku- ja loppuarvioinnilla, ja ammattilaisilta kerättiin kokemuksia yhteistyön sujumisesta. Ammattilaisten mukaan tiedonkulku parani selvästi, kun kaikilla oli sama kuva asiakkaan tilanteesta."]),
        ],
        "evaluation": [
            ("osallisuus", YELLOW, "Asiakkaat antoivat palautetta, mutta eivät osallistuneet mallin suunnitteluun.", D(2022, 12, 1)),
            ("tavoitteet", GREEN, "Tavoitteet ja mittarit kirjattiin hankesuunnitelmaan.", D(2022, 12, 1)),
            ("vaikutukset", GREEN, "Alku- ja loppuarvio tehtiin kaikille pilottiasiakkaille.", D(2022, 12, 1)),
            ("resurssit", YELLOW, "Kuntayhtymän antama työaika on kuvattu vain osittain.", D(2022, 12, 1)),
            ("levitettavyys", GREEN, "Kuvaus siirrettiin hyvinvointialueen sote-keskusmalliin.", D(2022, 12, 1)),
            ("juurtuminen", RED, "Rahoitus hankkeen jälkeen oli arviointihetkellä avoinna.", D(2022, 12, 1)),
        ],
        "log": [
            (D(2021, 1, 15), UNDERSTAND, "Työllisyyspalvelujen ja sosiaalityön ammattilaisia haastateltiin siitä, miksi työkyvyn tuen tarve jää tunnistamatta."),
            (D(2021, 6, 14), TRY, "Tiimi aloitti pilotin pienellä asiakasryhmällä."),
            (D(2022, 12, 20), SHARE, "Malli kuvattiin ja esiteltiin Pohjois-Savon muille kunnille."),
        ],
        "attachments": [("tiimi-opas", "")],
    },
    {
        "key": "tiimi-varsinais-suomi",
        "parent": "varsinais-suomi",
        "programme": "varsinais-suomi",
        "variant_of": "tiimi",
        "slug": "tyokyvyn-tuen-tiimi-varsinais-suomi",
        "title": "Työkyvyn tuen tiimi terveysasemalla, Varsinais-Suomi",
        "summary": "Varsinais-Suomessa perustetaan terveysasemille uusia monialaisia työkyvyn tuen tiimejä. Tiimit kootaan alusta asti vakituisesta henkilöstöstä, ja työkykykoordinaattori toimii tiimin vetäjänä.",
        "implementation_place": "Terveysasemat muun muassa Salossa, Raisiossa, Paimiossa ja Loimaalla",
        "regions": ["varsinais-suomi"],
        "municipalities": ["734", "680", "577", "430"],
        "funders": ["muu-eu", "hyvinvointialue"],
        "stage": Stage.DEVELOPING,
        "topics": ["työkyky", "sote-keskus", "monialainen yhteistyö", "osatyökykyisyys"],
        "target_groups": ["osatyokykyiset", "tyottomat", "ammattilaiset"],
        "phenomena": ["tyokyky"],
        "source_created": D(2023, 7, 31),
        "source_modified": D(2024, 3, 6),
        "authors": "Työkykyohjelman laajentaminen -työpaketti, Varha",
        "contact_organisation": "Varsinais-Suomen hyvinvointialue (Varha)",
        "contact_email": "tyokyky.varha@example.fi",
        "sections": [
            ("basic_idea", [
                "Terveysasemalle perustettava tiimi tarjoaa työelämän ulkopuolella olevalle osatyökykyiselle kokonaisarvion ja suunnitelman lähellä kotia. Tiimi koostuu terveysaseman omista ammattilaisista, joita työkykykoordinaattori kokoaa ja tukee.",
                "Tavoitteena on kuusi uutta tiimiä, jotka jatkavat toimintaansa hankkeen päätyttyä.",
            ]),
            ("operating_environment", ["Hankkeen alkaessa työkyvyn tuen tiimejä oli hyvinvointialueen sote-keskuksissa vain kahdella paikkakunnalla. Samaan aikaan sosiaaliturvan uudistukset ja työllisyyspalvelujen siirtyminen kunnille muuttavat asiakkaiden palveluympäristöä."]),
            ("conditions", ["Vakituisen henkilöstön mukanaolo alusta alkaen on toiminnan jatkumisen ehto: hankehenkilöstö tukee, mutta ei muodosta tiimiä. Terveysaseman johdon on varattava tiimille aikaa, ja jäsenet tarvitsevat koulutusta työkyvyn tuen palveluista ja etuuksista."]),
            ("target_group_insight", ["Terveysasemien asiakkaista tunnistetaan osatyökykyisiä, jotka eivät ole työllisyyspalvelujen asiakkaina, esimerkiksi pitkään sairauspäivärahalla olleita tai työmarkkinoilta kokonaan pudonneita. Heitä ei tavoiteta työllisyyspalvelujen kautta, joten tunnistamisen on tapahduttava vastaanotolla."]),
            ("implementation", ["Tiimit perustetaan vaiheittain, terveysasema kerrallaan. Jokaisen tiimin aloitusta edeltää työpaja, jossa sovitaan ohjauskriteereistä ja tiimin kokoonpanosta."]),
            ("resources", ["Hankerahoituksella palkatut työkykykoordinaattorit tukevat tiimejä. Tiimien jäsenet ovat terveysasemien vakituista henkilöstöä."]),
            ("evaluation", ["Arviointi on käynnissä. Seurannassa ovat perustettujen tiimien määrä, tunnistettujen asiakkaiden määrä ja tiimien toiminnan jatkuminen hankekauden jälkeen."]),
        ],
        "log": [
            (D(2023, 3, 1), UNDERSTAND, "Kartoitettiin terveysasemien nykyiset käytännöt ja kahden jo toimivan tiimin kokemukset."),
            (D(2023, 9, 1), TRY, "Ensimmäinen uusi tiimi aloitti Salon terveysasemalla."),
            (D(2024, 3, 6), SHARE, "Kuvaus julkaistiin keskeneräisenä, jotta muut alueet voivat kommentoida sitä."),
        ],
    },
    {
        "key": "asiakasvastaava",
        "parent": "kymenlaakso",
        "programme": "kymenlaakso",
        "slug": "asiakasvastaavamalli",
        "title": "Asiakasvastaavamalli",
        "summary": "Asiakasvastaava on osatyökykyisen asiakkaan nimetty työntekijä, joka kulkee hänen rinnallaan koko työkyvyn tuen prosessin ajan ja sovittaa yhteen palvelut, etuudet ja tapaamiset.",
        "implementation_place": "Kymenlaakso, työkykytiimin yhteydessä",
        "regions": ["kymenlaakso"],
        "municipalities": ["286", "285"],
        "funders": ["stm"],
        "stage": Stage.READY,
        "topics": ["asiakasohjaus", "osatyökykyisyys", "monialainen yhteistyö"],
        "target_groups": ["osatyokykyiset", "pitkaaikaistyottomat"],
        "phenomena": ["tyokyky", "syrjaytyminen"],
        "source_created": D(2021, 11, 15),
        "source_modified": D(2022, 12, 15),
        "authors": "Työkykyä tukemassa -hanketiimi, Kymsote",
        "contact_organisation": "Kymenlaakson hyvinvointialue, työelämäpalvelut",
        "contact_email": "tyokykytiimi.kymenlaakso@example.fi",
        "sections": [
            ("basic_idea", [
                "Monialaisessa palvelussa asiakas kohtaa helposti kymmenen ammattilaista, joista kukaan ei vastaa kokonaisuudesta. Asiakasvastaavamallissa yksi työntekijä ottaa tämän vastuun: hän tuntee asiakkaan tilanteen, sopii seuraavista askeleista ja huolehtii, ettei mitään jää tekemättä.",
                "Asiakasvastaava ei tee kaikkea itse vaan koordinoi. Hän varmistaa, että asiakkaan asiat etenevät myös silloin, kun ne siirtyvät palvelusta toiseen.",
            ]),
            ("operating_environment", ["Malli on rakennettu Kymenlaakson työkykytiimin yhteyteen. Asiakasvastaavina toimivat sosiaaliohjaajat ja sairaanhoitajat, jotka ovat käyneet työkykykoordinaattorikoulutuksen."]),
            ("conditions", [
                "Asiakasvastaavalla on oltava valtuudet sopia asioista eri palvelujen kanssa ja asiakkaan suostumuksella pääsy tarvittaviin tietoihin. Asiakasmäärä on rajattava, jotta rinnalla kulkeminen on todellista.",
                "Asiakkaalle kerrotaan kirjallisesti, kuka hänen asiakasvastaavansa on ja miten hänet tavoittaa.",
            ]),
            ("target_group_insight", ["Asiakkaat kuvasivat palvelujärjestelmää sokkeloksi, jossa jokainen uusi käänne tarkoittaa uutta yhteyshenkilöä. Eniten toivottiin yhtä tuttua ihmistä, joka vastaa puhelimeen ja tietää, mitä on jo sovittu."]),
            ("implementation", ["<ul><li>Asiakasvastaava nimetään heti, kun asiakas ohjautuu työkykytiimiin.</li><li>Ensimmäisellä tapaamisella asetetaan yhdessä tavoitteet.</li><li>Asiakasvastaava osallistuu tiimin kokouksiin ja tuo asiakkaan näkökulman esiin.</li><li>Vastuu siirretään hallitusti, kun asiakas siirtyy esimerkiksi työhönvalmennukseen.</li></ul>"]),
            ("embedding", ["Malli on kirjattu hyvinvointialueen työelämäpalvelujen prosessikuvaukseen, ja uudet työntekijät perehdytetään asiakasvastaavan tehtävään."]),
        ],
        "evaluation": [
            ("osallisuus", GREEN, {"fi": "Malli muotoiltiin asiakkaiden kanssa pidetyissä työpajoissa.", "sv": "Modellen utformades i workshoppar tillsammans med klienter.", "en": "The model was shaped in workshops held with clients."}, D(2022, 12, 1)),
            ("tavoitteet", YELLOW, {"fi": "Mittarit valmistuivat vasta hankkeen loppuvaiheessa.", "sv": "Mätarna blev klara först i slutskedet av projektet.", "en": "The indicators were only finished towards the end of the project."}, D(2022, 12, 1)),
            ("juurtuminen", GREEN, {"fi": "Asiakasvastaavan tehtävä on osa vakituista prosessia.", "sv": "Den klientansvarigas uppgift är en del av den permanenta processen.", "en": "The client coordinator role is part of the permanent process."}, D(2022, 12, 1)),
        ],
        "translations": {
            "sv": {
                "title": "Modell med klientansvariga",
                "slug": "modell-med-klientansvariga",
                "summary": "Den klientansvariga är en namngiven anställd som går vid sidan av klienten med partiell arbetsförmåga under hela processen och samordnar tjänster, förmåner och möten.",
                "implementation_place": "Kymmenedalen, i anslutning till arbetsförmågeteamet",
                "topics": ["klientstyrning", "partiell arbetsförmåga", "sektorsövergripande samarbete"],
                "authors": "Projektteamet för Stöd för arbetsförmågan, Kymsote",
                "contact_organisation": "Kymmenedalens välfärdsområde, arbetslivstjänster",
                "sections": [
                    ("basic_idea", [
                        "I en sektorsövergripande tjänst möter klienten lätt tio yrkesverksamma, av vilka ingen ansvarar för helheten. I modellen med klientansvariga tar en anställd detta ansvar: hen känner till klientens situation, kommer överens om nästa steg och ser till att inget blir ogjort.",
                        "Den klientansvariga gör inte allt själv utan samordnar. Hen ser till att klientens ärenden går framåt även när de flyttas från en tjänst till en annan.",
                    ]),
                    ("operating_environment", ["Modellen har byggts upp i anslutning till arbetsförmågeteamet i Kymmenedalen. Som klientansvariga arbetar socialhandledare och sjukskötare som har gått utbildningen för arbetsförmågekoordinatorer."]),
                    ("conditions", [
                        "Den klientansvariga måste ha befogenhet att komma överens med olika tjänster och, med klientens samtycke, tillgång till de uppgifter som behövs. Antalet klienter måste begränsas för att stödet ska vara verkligt.",
                        "Klienten får skriftligt veta vem hens klientansvariga är och hur hen nås.",
                    ]),
                    ("target_group_insight", ["Klienterna beskrev servicesystemet som en labyrint där varje ny sväng innebär en ny kontaktperson. Mest önskade de en bekant person som svarar i telefon och vet vad som redan har avtalats."]),
                    ("implementation", ["<ul><li>En klientansvarig utses genast när klienten hänvisas till arbetsförmågeteamet.</li><li>Vid det första mötet sätts målen upp tillsammans.</li><li>Den klientansvariga deltar i teamets möten och lyfter fram klientens synvinkel.</li><li>Ansvaret överförs planerat när klienten går vidare, till exempel till arbetsträning.</li></ul>"]),
                    ("embedding", ["Modellen har skrivits in i processbeskrivningen för välfärdsområdets arbetslivstjänster, och nya anställda introduceras i uppgiften som klientansvarig."]),
                ],
            },
            "en": {
                "title": "Client-coordinator model",
                "slug": "client-coordinator-model",
                "summary": "The client coordinator is a named worker who accompanies a client with partial work ability through the whole support process and coordinates services, benefits and appointments.",
                "implementation_place": "Kymenlaakso, alongside the work-ability team",
                "topics": ["client guidance", "partial work ability", "multidisciplinary cooperation"],
                "authors": "Supporting Work Ability project team, Kymsote",
                "contact_organisation": "Kymenlaakso Wellbeing Services County, working-life services",
                "sections": [
                    ("basic_idea", [
                        "In a multidisciplinary service a client can easily meet ten professionals, none of whom is responsible for the whole. In the client-coordinator model one worker takes on that responsibility: they know the client's situation, agree on the next steps and make sure nothing is left undone.",
                        "The client coordinator does not do everything themselves but coordinates. They make sure the client's matters move forward even when they pass from one service to another.",
                    ]),
                    ("operating_environment", ["The model was built alongside the Kymenlaakso work-ability team. The client coordinators are social counsellors and nurses who have completed work-ability coordinator training."]),
                    ("conditions", [
                        "The client coordinator must have the authority to agree on matters with different services and, with the client's consent, access to the information needed. The number of clients has to be limited so that the support is real.",
                        "The client is told in writing who their client coordinator is and how to reach them.",
                    ]),
                    ("target_group_insight", ["Clients described the service system as a maze in which every new turn means a new contact person. What they wanted most was one familiar person who answers the phone and knows what has already been agreed."]),
                    ("implementation", ["<ul><li>A client coordinator is named as soon as the client is referred to the work-ability team.</li><li>Goals are set together at the first meeting.</li><li>The client coordinator takes part in team meetings and brings the client's point of view to them.</li><li>Responsibility is handed over in a planned way when the client moves on, for example to job coaching.</li></ul>"]),
                    ("embedding", ["The model is written into the process description of the county's working-life services, and new staff are introduced to the client-coordinator role."]),
                ],
            },
        },
    },
    {
        "key": "konsultaatio",
        "parent": "kymenlaakso",
        "programme": "kymenlaakso",
        "slug": "tyokykytiimin-konsultaatiomalli",
        "title": "Työkykytiimin konsultaatiomalli",
        "summary": "Kahteen suuntaan toimiva konsultaatiomalli: sote-palvelujen ja työllisyyspalvelujen ammattilaiset saavat työkykytiimiltä tukea asiakkaan työkyvyn arviointiin ja ohjaukseen, ja tiimi saa heiltä tietoa asiakkaan tilanteesta.",
        "implementation_place": "Kymenlaakson terveysasemat, aikuissosiaalityö ja työllisyyspalvelut",
        "regions": ["kymenlaakso"],
        "municipalities": ["286", "285", "075"],
        "funders": ["stm"],
        "stage": Stage.READY,
        "topics": ["konsultaatio", "työkyvyn arviointi", "monialainen yhteistyö"],
        "target_groups": ["ammattilaiset", "osatyokykyiset"],
        "phenomena": ["tyokyky"],
        "source_created": D(2022, 2, 1),
        "source_modified": D(2022, 12, 29),
        "authors": "Työkykyä tukemassa -hanketiimi, Kymsote",
        "contact_organisation": "Kymenlaakson hyvinvointialue, työelämäpalvelut",
        "contact_email": "tyokykytiimi.kymenlaakso@example.fi",
        "sections": [
            ("basic_idea", [
                "Kaikkien asiakkaiden ei tarvitse tulla työkykytiimin asiakkaaksi. Usein riittää, että asiakkaan omatyöntekijä saa tiimiltä neuvon: mitä tutkimuksia kannattaa pyytää, mikä etuus tilanteeseen sopii tai kenen puoleen kääntyä.",
                "Konsultaatio toimii myös toiseen suuntaan: tiimi kysyy TE-toimiston tai sosiaalipalvelujen ammattilaiselta, mitä asiakkaan kanssa on jo tehty, jotta samaa työtä ei tehdä kahteen kertaan.",
            ]),
            ("operating_environment", ["Konsultaatiot kulkevat sähköisen pyyntölomakkeen ja viikoittaisen etäkonsultaatioajan kautta. Mukana ovat terveysasemat, aikuissosiaalityö, TE-toimisto ja kuntien työllisyyspalvelut."]),
            ("conditions", ["Konsultoivan tiimin on vastattava nopeasti, muuten pyyntöjä ei kannata tehdä. Kirjaamisesta sovitaan niin, että konsultaation tulos näkyy asiakkaan asiakirjoissa ja asiakas tietää, että hänen asiaansa on kysytty."]),
            ("target_group_insight", ["Ammattilaiset kertoivat, että osatyökykyisen asiakkaan tilanne jäi usein auki, koska kukaan ei tiennyt, kenen tehtävä arvion käynnistäminen on. Konsultaatio madalsi kynnystä ottaa työkyky puheeksi."]),
            ("implementation", ["Ammattilainen täyttää lyhyen pyynnön ja kuvaa kysymyksensä. Tiimin vuorossa oleva jäsen vastaa viikon kuluessa tai kutsuu kysyjän etäkonsultaatioaikaan."]),
            ("other", "Konsultaatiopyynnön sisältö", ["<ul><li>asiakkaan tilanne lyhyesti – ilman tunnistetietoja tai asiakkaan suostumuksella</li><li>konsultaation kysymys</li><li>mitä asiakkaan kanssa on jo tehty</li><li>toive vastaustavasta: kirjallisesti, puhelimitse tai etätapaamisessa</li></ul>"]),
        ],
        "log": [
            (D(2022, 2, 1), TRY, "Konsultaatioaikaa kokeiltiin kahdella terveysasemalla."),
            (D(2022, 8, 15), TRY, "Pyyntölomaketta lyhennettiin käyttäjien palautteen perusteella."),
            (D(2022, 12, 29), SHARE, "Malli otettiin käyttöön kaikilla alueen terveysasemilla ja kuvattiin kirjastoon."),
        ],
    },
    {
        "key": "sosiaalihuollon-polku",
        "parent": "kymenlaakso",
        "programme": "kymenlaakso",
        "slug": "sosiaalihuollon-palvelupolku-osatyokykyiselle",
        "title": "Sosiaalihuollon palvelupolku osatyökykyiselle",
        "summary": "Mallinnettu polku sosiaalihuollon asiakkaalle, jonka työkyky on heikentynyt: miten tuen tarve tunnistetaan aikuissosiaalityössä ja miten asiakas ohjautuu arvioon, kuntoutukseen ja työllistymistä edistäviin palveluihin.",
        "implementation_place": "Kouvola; sovelletaan muualle Kymenlaaksoon",
        "regions": ["kymenlaakso"],
        "municipalities": ["286"],
        "funders": ["stm", "kunta"],
        "stage": Stage.DEVELOPING,
        "topics": ["palvelupolku", "asiakasohjaus", "osatyökykyisyys"],
        "target_groups": ["osatyokykyiset", "pitkaaikaistyottomat"],
        "phenomena": ["syrjaytyminen", "eriarvoisuus"],
        "source_created": D(2022, 4, 4),
        "source_modified": D(2022, 11, 10),
        "authors": "Työkykyä tukemassa -hanketiimi ja Kouvolan aikuissosiaalityö",
        "contact_organisation": "Kymenlaakson hyvinvointialue, aikuissosiaalityö",
        "contact_email": "aikuissosiaalityo.kymenlaakso@example.fi",
        "sections": [
            ("basic_idea", ["Aikuissosiaalityön asiakkaista monella on heikentynyt työkyky, jota ei ole koskaan arvioitu. Palvelupolku kuvaa vaihe vaiheelta, miten sosiaalityöntekijä tunnistaa tuen tarpeen, ottaa työkyvyn puheeksi ja ohjaa asiakkaan eteenpäin."]),
            ("operating_environment", ["Polku kulkee aikuissosiaalityöstä kuntouttavan työtoiminnan, työkykytiimin ja työllisyyspalvelujen kautta. Kuvaus on tehty Kouvolassa, ja sitä sovelletaan muualle alueelle."]),
            ("conditions", ["Polun toimivuus riippuu siitä, että sosiaalityöntekijöillä on aikaa työkyvyn puheeksiottoon ja tieto siitä, mihin asiakkaan voi ohjata. Kuvaus on pidettävä ajan tasalla palvelujen muuttuessa."]),
            ("target_group_insight", ["Asiakkaan elämässä työkyky on usein vain yksi monesta huolesta: asuminen, talous tai päihteet voivat olla päällimmäisinä. Polku on rakennettu niin, että työkyvyn tukeminen voi alkaa rinnakkain muun tuen kanssa eikä vasta sen jälkeen."]),
            ("resources", ["Polun ylläpito on sosiaalityön esihenkilöiden vastuulla, ja kuvaus tarkistetaan kerran vuodessa."]),
        ],
    },
    {
        "key": "ips",
        "parent": "etela-karjala",
        "programme": "etela-karjala",
        "slug": "laatukriteerien-mukainen-tyohonvalmennus",
        "title": "Laatukriteerien mukainen työhönvalmennus",
        "summary": "Yksilöllinen työhönvalmennus, joka noudattaa IPS-mallin laatukriteerejä: työnhaku alkaa heti, tavoitteena on palkkatyö avoimilla työmarkkinoilla, ja valmentaja tukee sekä työntekijää että työnantajaa myös työsuhteen aikana.",
        "implementation_place": "Etelä-Karjala, työllisyyspalvelut ja työkyvyn tuen tiimi",
        "regions": ["etela-karjala"],
        "municipalities": ["405", "153"],
        "funders": ["stm", "esr"],
        "stage": Stage.EVALUATED,
        "topics": ["työhönvalmennus", "tuettu työllistyminen", "työnantajayhteistyö", "osatyökykyisyys"],
        "target_groups": ["osatyokykyiset", "pitkaaikaistyottomat", "tyonantajat"],
        "phenomena": ["tyokyky", "mielenterveys"],
        "source_created": D(2021, 8, 16),
        "source_modified": D(2022, 12, 27),
        "authors": "TYÖTÄ-hankkeen hanketiimi, Eksote",
        "contact_organisation": "Etelä-Karjalan hyvinvointialue (Eksote), työllisyyspalvelut",
        "contact_email": "tyohonvalmennus.eksote@example.fi",
        "sections": [
            ("basic_idea", [
                "Perinteisesti osatyökykyinen on ensin kuntoutettu ja vasta sitten ohjattu työnhakuun. Laatukriteerien mukainen työhönvalmennus kääntää järjestyksen: ensin haetaan työ, ja tuki järjestetään työn rinnalle. Työ itsessään kuntouttaa.",
                "Valmennukseen pääsee jokainen, joka haluaa tehdä palkkatyötä. Diagnoosi, päihteiden käyttö tai katkonainen työhistoria eivät ole esteitä.",
            ]),
            ("operating_environment", ["Valmentajat työskentelevät työllisyyspalveluissa mutta ovat osa työkyvyn tuen tiimiä. Yhteistyö mielenterveyspalvelujen kanssa on tiivistä, koska moni valmennettava on myös niiden asiakas."]),
            ("conditions", [
                "Menetelmä toimii, kun sen laatukriteereistä pidetään kiinni: valmentajalla on rajattu asiakasmäärä, hän luo itse työnantajakontakteja ja tuki jatkuu työsuhteen alettua. Säännöllinen menetelmäuskollisuuden arviointi auttaa pysymään mallissa.",
                "Valmentajat tarvitsevat menetelmäkoulutuksen ja työnohjausta; alueellinen verkosto koulutettiin hankkeen aikana.",
            ]),
            ("target_group_insight", ["Valmennettavien mukaan tärkeintä oli, että heidän omaa toivettaan työstä kuunneltiin. Työnantajat puolestaan arvostivat sitä, että valmentaja oli tavoitettavissa myös silloin, kun työssä tuli ongelmia."]),
            ("implementation", ["Valmennus alkaa urasuunnitelmasta, jossa kartoitetaan toiveet ja vahvuudet. Työnhaku käynnistyy kuukauden kuluessa. Valmentaja tapaa työnantajia säännöllisesti ja sopii työn mukautuksista yhdessä työntekijän kanssa."]),
            ("evaluation", ["Menetelmäuskollisuus arvioitiin hankkeen aikana kahdesti, ja tulos parani ensimmäisestä arviosta selvästi. Palkkatyön aloittaneiden osuus oli suurempi kuin alueen aiemmissa valmennusmuodoissa."]),
            ("other", "Laatukriteerit lyhyesti", ["<ul><li>tavoitteena palkkatyö avoimilla työmarkkinoilla</li><li>kaikki halukkaat otetaan mukaan</li><li>työnhaku alkaa nopeasti</li><li>työ- ja etuusneuvonta kuuluu valmennukseen</li><li>tuki ei pääty, kun työ alkaa</li><li>valmentaja tekee järjestelmällistä työnantajayhteistyötä</li><li>asiakkaan toiveet ohjaavat työn valintaa</li><li>valmennus on osa hoitoa ja kuntoutusta, ei erillinen palvelu</li></ul>"]),
        ],
        "evaluation": [
            ("osallisuus", GREEN, "Valmennettavat arvioivat palvelua säännöllisesti.", D(2022, 11, 15)),
            ("tavoitteet", GREEN, "Tavoitteet sidottiin laatukriteereihin.", D(2022, 11, 15)),
            ("vaikutukset", GREEN, "Menetelmäuskollisuus ja työllistyminen mitattiin.", D(2022, 11, 15)),
            ("resurssit", GREEN, "Valmentajien määrä ja asiakasmäärä on kuvattu.", D(2022, 11, 15)),
            ("levitettavyys", GREEN, "Sama menetelmä on käytössä useilla alueilla; katso myös Varsinais-Suomen versio.", D(2022, 11, 15)),
            ("juurtuminen", YELLOW, "Valmentajien tehtävien vakinaistaminen oli arviointihetkellä kesken.", D(2022, 11, 15)),
        ],
        "links": [("IPS Employment Center (englanniksi)", "https://ipsworks.org/")],
    },
    {
        "key": "alihankinta",
        "parent": "etela-karjala",
        "programme": "etela-karjala",
        "slug": "alihankintamalli",
        "title": "Alihankintamalli tuetussa työllistymisessä",
        "summary": "Kokeilu, jossa paikalliset yritykset antavat rajattuja työtehtäviä tuetun työllistymisen palvelun hoidettavaksi. Osatyökykyiset tekevät työn valmentajan tuella ja pääsevät näyttämään osaamisensa ilman, että kummankaan osapuolen tarvitsee sitoutua heti työsuhteeseen.",
        "implementation_place": "Lappeenranta",
        "regions": ["etela-karjala"],
        "municipalities": ["405"],
        "funders": ["stm", "kunta"],
        "stage": Stage.DEVELOPING,
        "topics": ["tuettu työllistyminen", "työnantajayhteistyö"],
        "target_groups": ["osatyokykyiset", "tyonantajat", "pitkaaikaistyottomat"],
        "phenomena": ["syrjaytyminen"],
        "source_created": D(2021, 11, 1),
        "source_modified": D(2022, 10, 20),
        "authors": "TYÖTÄ-hankkeen hanketiimi, Eksote",
        "contact_organisation": "Etelä-Karjalan hyvinvointialue (Eksote), työllisyyspalvelut",
        "contact_email": "tyohonvalmennus.eksote@example.fi",
        "sections": [
            ("basic_idea", [
                "Moni työnantaja epäröi palkata osatyökykyistä, koska ei tiedä, miten työ sujuu. Alihankintamallissa yritys antaa palvelulle kokonaisen tehtäväkokonaisuuden, esimerkiksi pakkaamista, kokoonpanoa tai ulkoalueiden hoitoa. Valmentaja organisoi työn ja tukee tekijöitä.",
                "Kun yhteistyö toimii, yritys voi palkata tekijöitä suoraan omaan palvelukseensa.",
            ]),
            ("operating_environment", ["Kokeilu käynnistettiin Lappeenrannassa kuntouttavan työtoiminnan ja työllisyyspalvelujen yhteistyönä. Aluksi mukana oli kolme yritystä."]),
            ("conditions", ["Hankintoja koskevat säännöt ja vakuutukset on selvitettävä ennen aloitusta. Tehtävien on oltava riittävän selkeitä, ja yrityksellä on oltava yhteyshenkilö, joka antaa palautetta työn laadusta."]),
            ("target_group_insight", ["Osallistujille konkreettinen työ oikealle asiakkaalle oli merkityksellisempää kuin harjoitustehtävät. Yritysten kokemus oli, että ennakkoluulot vähenivät, kun työn jälki tuli näkyviin."]),
        ],
        "log": [
            (D(2021, 11, 1), UNDERSTAND, "Paikallisilta yrityksiltä kysyttiin niiden työvoimatarpeista ja syistä, joiden vuoksi ne epäröivät palkata osatyökykyisiä."),
            (D(2022, 3, 1), TRY, "Ensimmäinen alihankintatyö, pakkaustehtävä, aloitettiin kuntouttavan työtoiminnan ryhmässä."),
            (D(2022, 10, 20), TRY, "Kokeiluun tuli mukaan kaksi uutta yritystä, ja yksi osallistujista palkattiin yritykseen."),
        ],
    },
    {
        "key": "arviointikaytannot",
        "parent": "etela-karjala",
        "programme": "etela-karjala",
        "slug": "tyokyvyn-arvioinnin-yhteiset-kaytannot",
        "title": "Työkyvyn arvioinnin yhteiset käytännöt",
        "summary": "Alueen toimijat sopivat työkyvyn arvioinnin yhteisistä vaiheista, mittareista ja kirjaamisesta, jotta asiakkaan ei tarvitse käydä samoja arvioita läpi useaan kertaan eri palveluissa.",
        "implementation_place": "Etelä-Karjala",
        "regions": ["etela-karjala"],
        "municipalities": ["405", "153", "441", "739"],
        "funders": ["stm"],
        "stage": Stage.READY,
        "topics": ["työkyvyn arviointi", "monialainen yhteistyö"],
        "target_groups": ["ammattilaiset", "osatyokykyiset"],
        "phenomena": ["tyokyky"],
        "source_created": D(2021, 5, 3),
        "source_modified": D(2022, 9, 30),
        "authors": "TYÖTÄ-hankkeen hanketiimi, Eksote",
        "contact_organisation": "Etelä-Karjalan hyvinvointialue (Eksote)",
        "contact_email": "tyokyvyntuki.eksote@example.fi",
        "sections": [
            ("basic_idea", ["Työkykyä arvioitiin alueella monella eri tavalla terveyspalveluissa, sosiaalityössä, työllisyyspalveluissa ja kuntoutuksessa. Yhteiset käytännöt tarkoittavat sovittuja vaiheita, yhteistä mittaristoa ja sitä, että aiemman arvion tulokset ovat seuraavan toimijan käytössä."]),
            ("operating_environment", ["Työ tehtiin Eksoten palveluissa yhdessä TE-toimiston ja Kelan kanssa, ja kuvaus kattaa koko Etelä-Karjalan."]),
            ("conditions", ["Sopimukseen tarvittiin kaikkien osapuolten esihenkilöiden hyväksyntä. Mittarien käyttöönotto vaati koulutusta, ja tietojärjestelmien kirjausrakenteita muutettiin."]),
            ("target_group_insight", ["Asiakkaat kertoivat täyttäneensä samoja lomakkeita moneen kertaan ja kokeneensa, ettei aiempia arvioita luettu. Yhteisten käytäntöjen tavoitteena oli, että asiakas kokee etenevänsä jatkumossa."]),
            ("implementation", ["<ol><li>Alkukartoitus yhteisellä lomakkeella</li><li>Tarvittaessa laajempi arvio työkyvyn tuen tiimissä</li><li>Arvion tulokset käydään läpi asiakkaan kanssa</li><li>Tulokset välitetään seuraavalle toimijalle asiakkaan suostumuksella</li></ol>"]),
            ("embedding", ["Käytännöt on kirjattu alueen työkyvyn tuen palvelukuvaukseen, ja mittariston käyttö kuuluu uusien työntekijöiden perehdytykseen."]),
        ],
    },
    {
        "key": "koordinaattori",
        "parent": "varsinais-suomi",
        "programme": "varsinais-suomi",
        "slug": "tyokykykoordinaattori-terveysasemalla",
        "title": "Työkykykoordinaattori terveysasemalla",
        "summary": "Terveysasemalla työskentelevä työkykykoordinaattori tukee työelämän ulkopuolella olevia osatyökykyisiä asiakkaita ja toimii terveysaseman ammattilaisten konsultoitavana työkyvyn tuen kysymyksissä.",
        "implementation_place": "Terveysasemat muun muassa Aurassa, Naantalissa, Raisiossa, Ruskossa, Sauvossa ja Somerolla",
        "regions": ["varsinais-suomi"],
        "municipalities": ["019", "529", "680", "704", "738", "761"],
        "funders": ["muu-eu"],
        "stage": Stage.DEVELOPING,
        "topics": ["työkyky", "asiakasohjaus", "sote-keskus", "konsultaatio"],
        "target_groups": ["osatyokykyiset", "tyottomat", "ammattilaiset"],
        "phenomena": ["tyokyky"],
        "source_created": D(2023, 7, 31),
        "source_modified": D(2024, 3, 6),
        "authors": "Työkykyohjelman laajentaminen -työpaketti, Varha",
        "contact_organisation": "Varsinais-Suomen hyvinvointialue (Varha)",
        "contact_email": "tyokyky.varha@example.fi",
        "sections": [
            ("basic_idea", [
                "Työkykykoordinaattori tuo terveysasemalle osaamista, jota siellä on harvoin: tietoa työkyvyn tuen palveluista, etuuksista ja ammatillisesta kuntoutuksesta. Hän tapaa asiakkaita, laatii heidän kanssaan suunnitelman ja ohjaa oikeisiin palveluihin.",
                "Yhtä tärkeää on toimia lääkärien ja hoitajien konsultoitavana, jolloin työkyky otetaan puheeksi myös tavallisella vastaanottokäynnillä.",
            ]),
            ("operating_environment", ["Koordinaattorit työskentelevät hyvinvointialueen terveysasemilla eri puolilla maakuntaa. Hankerahoituksella palkattujen koordinaattorien rinnalle koulutetaan vakituista henkilöstöä."]),
            ("conditions", ["Koordinaattori tarvitsee työkykykoordinaattorin koulutuksen, oman vastaanottoajan ja pääsyn terveysaseman asiakastietojärjestelmään. Juurtuminen edellyttää, että vakituista henkilöstöä koulutetaan koordinaattoreiksi ja kouluttajiksi jo hankkeen aikana."]),
            ("target_group_insight", ["Kohderyhmänä ovat työelämän ulkopuolella olevat osatyökykyiset, joita työllisyyspalvelut eivät tavoita, sekä terveysaseman ammattilaiset. Ammattilaiset kertoivat tunnistavansa työkyvyn ongelmat mutta olevansa epävarmoja siitä, mitä niille voi tehdä."]),
            ("resources", ["Hankkeessa työskentelee kuusi työkykykoordinaattoria. Tavoitteena on kouluttaa vakituisesta henkilöstöstä vähintään kymmenen koordinaattoria ja yksi kouluttaja."]),
        ],
        "log": [
            (D(2023, 4, 1), UNDERSTAND, "Terveysasemien ammattilaisilta kysyttiin, millaisissa tilanteissa he tarvitsisivat työkyvyn tuen konsultaatiota."),
            (D(2023, 9, 15), TRY, "Koordinaattorit aloittivat vastaanotot kuudella terveysasemalla."),
            (D(2024, 2, 1), TRY, "Vakituisen henkilöstön työkykykoordinaattorikoulutus alkoi."),
        ],
    },
    {
        "key": "ips-varsinais-suomi",
        "parent": "varsinais-suomi",
        "programme": "varsinais-suomi",
        "variant_of": "ips",
        "slug": "laatuperusteinen-tyohonvalmennus-varsinais-suomi",
        "title": "Laatuperusteinen työhönvalmennus sosiaalihuollossa, Varsinais-Suomi",
        "summary": "Laatukriteerien mukainen työhönvalmennus tuodaan sosiaalihuollon työllistymistä edistäviin palveluihin. Kuntouttavasta työtoiminnasta avoimille työmarkkinoille haluavat saavat valmentajan, joka auttaa löytämään työn ja tukee työssä.",
        "implementation_place": "Kuntouttava työtoiminta muun muassa Salossa, Paraisilla ja Pöytyällä",
        "regions": ["varsinais-suomi"],
        "municipalities": ["734", "445", "636"],
        "funders": ["muu-eu"],
        "stage": Stage.DEVELOPING,
        "topics": ["työhönvalmennus", "tuettu työllistyminen", "osatyökykyisyys"],
        "target_groups": ["osatyokykyiset", "pitkaaikaistyottomat"],
        "phenomena": ["tyokyky", "syrjaytyminen"],
        "source_created": D(2023, 8, 15),
        "source_modified": D(2024, 3, 6),
        "authors": "Työkykyohjelman laajentaminen -työpaketti, Varha",
        "contact_organisation": "Varsinais-Suomen hyvinvointialue (Varha), sosiaali- ja vammaispalvelut",
        "contact_email": "tyohonvalmennus.varha@example.fi",
        "sections": [
            ("basic_idea", ["Kuntouttavassa työtoiminnassa on ihmisiä, jotka haluaisivat palkkatyöhön mutta joiden ajatellaan tarvitsevan vielä pitkän valmistavan jakson. Valmennus tarjoaa heille suoran reitin: työ haetaan heti, ja valmentaja tukee myös työssä käynnin aikana."]),
            ("operating_environment", ["Valmentajat työskentelevät hyvinvointialueen sosiaali- ja vammaispalveluissa kuntouttavan työtoiminnan yhteydessä. Kuntouttavan työtoiminnan tuleva järjestäjä oli hankkeen alkaessa epäselvä, mikä vaikeutti pitkäjänteistä suunnittelua."]),
            ("conditions", ["Juurtumisen ehtona on osoittaa, että valmennettavat työllistyvät nopeammin kuin perinteisellä polulla. Siksi seuranta suunniteltiin alusta alkaen vertailukelpoiseksi. Valmentajat koulutetaan menetelmään, ja menetelmäuskollisuus arvioidaan."]),
            ("target_group_insight", ["Kohderyhmänä ovat kuntouttavan työtoiminnan asiakkaat, jotka itse kertovat haluavansa avoimille työmarkkinoille. Moni heistä on kuullut vuosien ajan, ettei ole vielä valmis."]),
            ("implementation", ["Asiakas voi hakeutua valmennukseen itse tai ohjaajansa ehdotuksesta. Valmentaja käynnistää työnhaun yhdessä asiakkaan kanssa ja pitää yhteyttä työnantajaan työsuhteen alettua."]),
            ("evaluation", ["Arviointi on kesken. Vertailussa ovat työllistymisen nopeus ja työsuhteiden pysyvyys perinteiseen polkuun verrattuna."]),
        ],
        "log": [
            (D(2023, 8, 15), TRY, "Seitsemän työhönvalmentajaa aloitti ja kävi menetelmäkoulutuksen."),
        ],
    },
    {
        "key": "espoo",
        "parent": "index",
        "programme": "national",
        "slug": "tyokyvyn-tuen-palvelukokonaisuus-espoo",
        "title": "Työkyvyn tuen palvelukokonaisuus, Espoo",
        "summary": "Pitkäaikaistyöttömälle, joka tarvitsee työ- ja toimintakyvyn arviota ja tukea, tarjotaan selkeä ja yhtenäinen palvelupolku. Polun tuloksena asiakas saa työkyvyn tuen suunnitelman.",
        "implementation_place": "Espoo, yhteistyössä työllisyyden kuntakokeilun kanssa",
        "regions": ["lansi-uusimaa"],
        "municipalities": ["049"],
        "funders": ["stm", "kunta"],
        "stage": Stage.DEVELOPING,
        "topics": ["työkyky", "palvelupolku", "asiakasohjaus", "osatyökykyisyys"],
        "target_groups": ["pitkaaikaistyottomat", "maahan-muuttaneet", "tyoikaiset"],
        "phenomena": ["tyokyky", "eriarvoisuus"],
        "source_created": D(2021, 6, 11),
        "source_modified": D(2021, 9, 9),
        "authors": "Espoon Työkykyhankkeen hanketiimi",
        "contact_organisation": "Espoon kaupunki",
        "contact_email": "tyokykyhanke.espoo@example.fi",
        "sections": [
            ("basic_idea", [
                "Palvelukokonaisuudessa asiakkaalle tehdään tarpeen mukaan terveys-, hoito- tai asiakassuunnitelma sekä työkyvyn arvio. Ohjaus työkykytiimiin on tehty kynnyksettömäksi: tiimi selvittää asiakkaan tilanteen tarkemmin vasta ohjauksen jälkeen, joten lähettäjän ei tarvitse tietää kaikkea etukäteen.",
                "Tulosten seurantaan on otettu käyttöön mittaristo, jota kehitetään edelleen.",
            ]),
            ("operating_environment", [
                "Toiminta on rakennettu tiiviiseen yhteistyöhön työllisyyden kuntakokeilun kanssa, josta valtaosa asiakkaista ohjautuu. Suuri osa kuntakokeilun asiakkaista on vieraskielisiä, mikä vaikuttaa sekä palvelujen sisältöön että tulkkauksen tarpeeseen.",
                "Sote-palveluissa työttömien palvelutarpeet tunnistetaan yleisesti heikosti, ja palvelupolut ovat hajanaisia.",
            ]),
            ("conditions", ["Asiakkaan on annettava suostumus terveydentilan ja työkyvyn arvioon. Tiimin ja kuntakokeilun välillä tarvitaan sovittu ohjauskäytäntö ja säännöllinen yhteydenpito, ja tulkkauksen sekä selkokielisen materiaalin on oltava saatavilla."]),
            ("target_group_insight", [
                "Tyypillinen asiakas on ollut työttömänä vuosia, ja hänellä on takanaan useita katkonaisia jaksoja työssä tai opinnoissa. Terveydentila tai elämäntilanne heikentää toimintakykyä, mutta työllistymisen esteille ei ole löytynyt selvää syytä. Moni ei ole käynyt terveystarkastuksessa pitkään aikaan.",
                "Asiakkaat tarvitsevat yleensä usean sote-palvelun tukea ja jonkun, joka koordinoi kokonaisuutta. Osa hakeutuu palveluun itse sähköisen terveystarkastuksen kautta.",
            ]),
        ],
        "evaluation": [
            ("osallisuus", YELLOW, "Asiakaspalautetta kerätään, mutta asiakkaat eivät vielä osallistu kehittämiseen.", D(2021, 9, 9)),
            ("tavoitteet", YELLOW, "Mittariston ensimmäinen versio on käytössä, ja sitä täydennetään.", D(2021, 9, 9)),
            ("vaikutukset", RED, "Vaikutuksia ei ole vielä arvioitu.", D(2021, 9, 9)),
        ],
    },
]

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


# ---------------------------------------------------------------------------
# Turning the data above into field values
# ---------------------------------------------------------------------------


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
    if isinstance(parts, str):
        parts = [parts]
    return "".join(part if part.startswith("<") else f"<p>{part}</p>" for part in parts)


def _sections(entries):
    blocks = []
    for entry in entries:
        key, heading, parts = entry if len(entry) == 3 else (entry[0], "", entry[1])
        blocks.append((key, {"heading": heading, "body": RichText(_html(parts))}))
    return blocks


def _common_fields(spec, documents, link_model, attachment_model, language):
    """Field values shared by programmes, models and their translations."""
    fields = {name: spec[name] for name in PLAIN_FIELDS if name in spec}
    fields.update({name: _html(spec[name]) for name in RICH_FIELDS if name in spec})
    if "links" in spec:
        fields["links"] = [link_model(title=title, url=url) for title, url in spec["links"]]
    if "attachments" in spec:
        fields["attachments"] = [
            attachment_model(document=documents[key], title=_localised(title, language))
            for key, title in spec["attachments"]
        ]
    return fields


def _programme_fields(spec, documents, terms, language="fi"):
    fields = _common_fields(spec, documents, ProgrammeLink, ProgrammeAttachment, language)
    fields["other_sections"] = _sections(spec.get("other_sections", []))
    if language == "fi":
        fields.update({name: terms.get(TAXONOMY_FIELDS[name], spec.get(name, []))
                       for name in PROGRAMME_TAXONOMY})
    return fields


def _model_fields(spec, documents, terms, language="fi"):
    """Everything of an operating model except its place in the tree and its links to pages."""
    fields = _common_fields(spec, documents, OperatingModelLink, OperatingModelAttachment, language)
    fields["description"] = _sections(spec["sections"])
    fields["cover_image_alt"] = cover_alt_text(spec.get("image_key", spec["slug"]), language)
    fields["evaluation_criteria"] = [
        EvaluationCriterion(
            criterion=CRITERIA[key][language], rating=rating,
            note=_localised(note, language), rated_on=rated_on,
        )
        for key, rating, note, rated_on in spec.get("evaluation", [])
    ]
    fields["development_log"] = [
        DevelopmentLogEntry(date=date, phase=phase, text=_localised(text, language))
        for date, phase, text in spec.get("log", [])
    ]
    if language == "fi":
        fields.update({name: terms.get(model, spec.get(name, []))
                       for name, model in TAXONOMY_FIELDS.items()})
    return fields


# ---------------------------------------------------------------------------
# Building the pages
# ---------------------------------------------------------------------------


def _finnish_home():
    home = HomePage.objects.child_of(root_page()).filter(locale__language_code="fi").first()
    if home is None:
        raise RuntimeError("The Finnish home page is missing: run portal.demo.build first.")
    return home


def _build_programmes(index, documents, terms):
    pages = {}
    for spec in PROGRAMMES:
        parent = index if spec["parent"] is None else pages[spec["parent"]]
        pages[spec["key"]] = upsert_page(
            parent, ProgrammePage, spec["slug"], **_programme_fields(spec, documents, terms)
        )
    return pages


def _build_models(index, programmes, documents, terms):
    pages = {}
    for spec in MODELS:
        parent = index if spec["parent"] == "index" else programmes[spec["parent"]]
        fields = _model_fields(spec, documents, terms)
        fields["programme"] = programmes[spec["programme"]]
        fields["variant_of"] = pages[spec["variant_of"]] if spec.get("variant_of") else None
        fields["cover_image"] = ensure_cover_image(f"Kansikuva: {spec['title']}", spec["slug"])
        pages[spec["key"]] = upsert_page(parent, OperatingModelPage, spec["slug"], **fields)
    return pages


def _translated(page, language):
    """``page`` in ``language``, or the Finnish page itself when it has no translation."""
    translation = page.get_translation_or_none(Locale.objects.get(language_code=language))
    return translation.specific if translation is not None else page


def _build_translations(index, programmes, models, documents, terms):
    """Swedish and English versions, parents first so no alias pages are made."""
    for language in TRANSLATION_LANGUAGES:
        upsert_translation(index, language, **INDEX[language])
        for spec in PROGRAMMES:
            if language in spec.get("translations", {}):
                data = spec["translations"][language]
                upsert_translation(
                    programmes[spec["key"]], language,
                    slug=data["slug"], **_programme_fields(data, documents, terms, language),
                )
        for spec in MODELS:
            if language not in spec.get("translations", {}):
                continue
            data = {
                **spec["translations"][language],
                "evaluation": spec.get("evaluation", []), "log": spec.get("log", []),
                "attachments": spec.get("attachments", []), "image_key": spec["slug"],
            }
            fields = _model_fields(data, documents, terms, language)
            fields["programme"] = _translated(programmes[spec["programme"]], language)
            variant_root = models.get(spec.get("variant_of"))
            fields["variant_of"] = _translated(variant_root, language) if variant_root else None
            upsert_translation(models[spec["key"]], language, slug=data["slug"], **fields)


# The front door: the home page's blocks that lead into the library. Other apps
# (pathways, training) add their own entry points the same way.
FRONT_DOOR = {
    "fi": {
        "search": "Mitä etsit?",
        "entries": "Mistä aloitat?",
        "library": "Hyväksi havaitut tavat tukea työkykyä eri puolilta Suomea, rajattavissa "
                   "alueen, kohderyhmän ja kehittämisen vaiheen mukaan.",
        "about": "Kenelle portaali on tehty ja miten sisältö syntyy.",
        "newest": "Uusimmat toimintamallit",
        "featured": "Nostoja kirjastosta",
        "programmes": "Kokonaisuudet ja hankkeet",
    },
    "sv": {
        "search": "Vad söker du?",
        "entries": "Var börjar du?",
        "library": "Beprövade sätt att stödja arbetsförmågan runt om i Finland, som kan "
                   "avgränsas efter region, målgrupp och utvecklingsskede.",
        "about": "Vem portalen är till för och hur innehållet kommer till.",
        "newest": "De senaste verksamhetsmodellerna",
        "featured": "Lyft ur biblioteket",
        "programmes": "Helheter och projekt",
    },
    "en": {
        "search": "What are you looking for?",
        "entries": "Where to start",
        "library": "Proven ways of supporting work ability from around Finland, filtered by "
                   "region, target group and development stage.",
        "about": "Who the portal is for and how its content comes about.",
        "newest": "Newest operating models",
        "featured": "Picked from the library",
        "programmes": "Programmes and projects",
    },
}
FEATURED_MODELS = ["tiimi", "tiimi-kymenlaakso"]


def _build_front_door(home, index, models):
    from portal.demo import HOME
    from portal.models import StandardPage

    for language, text in FRONT_DOOR.items():
        home_page = _translated(home, language)
        library = _translated(index, language)
        about = StandardPage.objects.child_of(home_page).filter(show_in_menus=True).first()
        entries = [{"page": library, "title": "", "text": text["library"], "icon": "model"}]
        if about is not None:
            entries.append({"page": about, "title": "", "text": text["about"], "icon": "info"})
        body = [
            ("search_box", {"heading": text["search"]}),
            ("entry_points", {"heading": text["entries"], "items": entries}),
            ("latest_pages", {"heading": text["newest"], "section": library,
                              "page_type": "models_library.operatingmodelpage", "count": 3}),
            ("featured_pages", {"heading": text["featured"],
                                "pages": [_translated(models[key], language)
                                          for key in FEATURED_MODELS]}),
            ("latest_pages", {"heading": text["programmes"], "section": library,
                              "page_type": "models_library.programmepage", "count": 3}),
            *HOME[language]["body"],
        ]
        if language == "fi":
            upsert_page(root_page(), HomePage, home.slug, body=body)
        else:
            upsert_translation(home, language, body=body)


def build(stdout=None):
    load_taxonomy()
    home = _finnish_home()
    terms = TaxonomyTerms()
    documents = {key: ensure_pdf_document(**spec) for key, spec in DOCUMENTS.items()}
    index = upsert_page(home, LibraryIndexPage, "toimintamallit", show_in_menus=True, **INDEX["fi"])
    programmes = _build_programmes(index, documents, terms)
    models = _build_models(index, programmes, documents, terms)
    _build_translations(index, programmes, models, documents, terms)
    _build_front_door(home, index, models)
    return index
