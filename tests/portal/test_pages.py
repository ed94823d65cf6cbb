"""Every base page type renders what an editor entered."""

import pytest
from bs4 import BeautifulSoup
from django.core.files.images import ImageFile
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.images.models import Image
from wagtail.rich_text import RichText

from portal.models import PortalSettings
from tests.builders import build_standard_page, build_statement


def png_file():
    import io

    from PIL import Image as PILImage

    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 20), (0, 65, 106)).save(buffer, format="PNG")
    return ImageFile(buffer, name="test.png")


@pytest.mark.django_db
def test_home_page_renders_intro_and_body(client, demo_site):
    soup = BeautifulSoup(client.get("/fi/").content, "html.parser")
    assert "Hyväksi havaitut työkyvyn tuen toimintamallit" in soup.select_one(".lead").text
    assert soup.select_one("main h2").text == "Mitä portaalista löytyy"
    assert soup.select_one("a.skip-link")["href"] == "#main-content"
    assert soup.select_one("main#main-content") is not None
    assert soup.select_one("header nav[aria-label]") is not None
    assert soup.select_one("footer") is not None


@pytest.mark.django_db
def test_standard_page_renders_every_block(client, demo_site):
    image = Image.objects.create(title="Kaavio", file=png_file())
    Embed.objects.create(
        url="https://www.youtube.com/watch?v=demo", max_width=None, type="video",
        hash=get_embed_hash("https://www.youtube.com/watch?v=demo"),
        html='<iframe src="https://www.youtube-nocookie.com/embed/demo"></iframe>',
        title="Demo", thumbnail_url="", width=640, height=360,
    )
    body = [
        ("heading", {"text": "Väliotsikko", "level": "h2"}),
        ("paragraph", RichText("<p>Leipäteksti kappaleessa.</p>")),
        ("image", {"image": image, "alt_text": "Kaavio palvelupolusta", "caption": "Kuvateksti"}),
        ("call_to_action", {"title": "Tutustu", "text": "Lisää tietoa", "button_label": "Lue",
                            "page": demo_site, "external_url": ""}),
        ("quote", {"quote": "Lainaus tähän.", "attribution": "Toimitus"}),
        ("embed", {"url": "https://www.youtube.com/watch?v=demo", "title": "Esittelyvideo",
                   "transcript": RichText("<p>Litterointi.</p>")}),
    ]
    build_standard_page(demo_site, title="Kaikki lohkot", slug="lohkot", body=body)
    response = client.get("/fi/lohkot/")
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("h2", string="Väliotsikko")
    assert "Leipäteksti kappaleessa." in soup.text
    assert soup.select_one("figure.block-image img")["alt"] == "Kaavio palvelupolusta"
    assert soup.select_one(".cta a.button")["href"] == "/fi/"
    assert soup.select_one("blockquote").text.strip() == "Lainaus tähän."
    assert soup.select_one(".embed iframe")["title"] == "Esittelyvideo"
    assert "Litterointi." in soup.select_one(".embed__transcript").text


@pytest.mark.django_db
def test_image_block_requires_alt_text():
    from wagtail.blocks import StructBlockValidationError

    from portal.blocks import ImageBlock

    block = ImageBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"image": None, "alt_text": "", "caption": ""}))


@pytest.mark.django_db
def test_accessibility_statement_shows_authority_and_feedback(client, demo_site, settings):
    settings.ACCESSIBILITY_SUPERVISING_AUTHORITY = "Valvova virasto X"
    response = client.get("/fi/saavutettavuusseloste/")
    text = BeautifulSoup(response.content, "html.parser").get_text(" ")
    assert "Valvova virasto X" in text
    assert "palaute@example.fi" in text
    assert "osittain" in text  # compliance status in Finnish

    portal_settings = PortalSettings.for_site(demo_site.get_site())
    portal_settings.supervising_authority = "Sivuston asetuksen virasto"
    portal_settings.save()
    response = client.get("/fi/saavutettavuusseloste/")
    assert "Sivuston asetuksen virasto" in response.content.decode()


@pytest.mark.django_db
def test_footer_links_to_statement_and_feedback(client, demo_site):
    soup = BeautifulSoup(client.get("/en/").content, "html.parser")
    footer_links = {a.text.strip(): a["href"] for a in soup.select("footer a")}
    assert footer_links["Accessibility statement"] == "/en/accessibility-statement/"
    assert footer_links["Send feedback"] == "mailto:palaute@example.fi"


@pytest.mark.django_db
def test_navigation_comes_from_the_page_tree(client, demo_site):
    build_standard_page(demo_site, title="Piilotettu", slug="piilo", show_in_menus=False)
    soup = BeautifulSoup(client.get("/fi/").content, "html.parser")
    menu = [a.text.strip() for a in soup.select("nav.main-nav a")]
    assert "Tietoa portaalista" in menu
    assert "Piilotettu" not in menu


@pytest.mark.django_db
def test_statement_builder_page_renders_dates(client, demo_site):
    build_statement(demo_site.get_children().first().specific, slug="toinen")
    response = client.get("/fi/tietoa/toinen/")
    assert "1.6.2026" in response.content.decode()


@pytest.mark.django_db
def test_menu_marks_the_current_page_and_its_section(client, demo_site):
    about = demo_site.get_children().get(slug="tietoa").specific
    build_standard_page(about, title="Alasivu", slug="alasivu")
    soup = BeautifulSoup(client.get("/fi/tietoa/").content, "html.parser")
    assert soup.select_one("nav.main-nav a[aria-current=page]").text == "Tietoa portaalista"
    soup = BeautifulSoup(client.get("/fi/tietoa/alasivu/").content, "html.parser")
    assert soup.select_one("nav.main-nav a[aria-current=true]").text == "Tietoa portaalista"
    soup = BeautifulSoup(client.get("/fi/").content, "html.parser")
    assert soup.select_one("nav.main-nav a[aria-current=page]").text == "Etusivu"
