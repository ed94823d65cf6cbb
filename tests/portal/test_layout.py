"""The shared layout: breadcrumbs, page titles, sharing metadata, icons, the
404 page's ways on and the staff-only style guide."""

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import User

from tests.builders import build_library, build_model, build_programme

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.django_db
def test_breadcrumbs_lead_from_the_front_page_to_the_page(client, demo_site):
    library = build_library(demo_site)
    programme = build_programme(library, title="Kokonaisuus A")
    model = build_model(programme, title="Malli B")
    trail = soup_of(client.get(model.url)).select(".breadcrumbs li")
    assert [li.get_text(strip=True) for li in trail] == [
        "Etusivu",
        library.title,
        "Kokonaisuus A",
        "Malli B",
    ]
    assert trail[0].a["href"] == "/fi/"
    assert trail[-1].a is None and trail[-1].span["aria-current"] == "page"


@pytest.mark.django_db
def test_breadcrumbs_skip_unpublished_ancestors_and_are_absent_on_the_front_page(client, demo_site):
    library = build_library(demo_site)
    draft = build_programme(library, title="Luonnoskokonaisuus", live=False)
    model = build_model(draft, title="Julkinen malli")
    trail = soup_of(client.get(model.url)).select_one(".breadcrumbs").get_text()
    assert "Luonnoskokonaisuus" not in trail and "Julkinen malli" in trail
    assert soup_of(client.get("/fi/")).select_one(".breadcrumbs") is None


@pytest.mark.django_db
def test_page_titles_name_the_site_once(client, demo_site):
    assert soup_of(client.get("/fi/")).title.string == "Työkykyportaali"
    library = build_library(demo_site)
    assert soup_of(client.get(library.url)).title.string == f"{library.title} – Työkykyportaali"
    assert soup_of(client.get("/sv/")).title.string.count("Arbetsförmågeportalen") <= 1


@pytest.mark.django_db
def test_pages_carry_open_graph_metadata_with_absolute_addresses(client, demo_site):
    library = build_library(demo_site)
    model = build_model(library, title="Jaettava malli", summary="Lyhyt kuvaus mallista.")
    soup = soup_of(client.get(model.url))
    meta = {tag["property"]: tag["content"] for tag in soup.select("meta[property^='og:']")}
    assert meta["og:title"] == "Jaettava malli"
    assert meta["og:description"] == "Lyhyt kuvaus mallista."
    assert meta["og:url"] == f"http://testserver{model.url}"
    assert re.fullmatch(r"http://testserver/static/brand/og-image\.png", meta["og:image"])
    assert meta["og:locale"] == "fi_FI"
    assert soup.select_one("link[rel=apple-touch-icon]") and soup.select_one("link[rel=manifest]")


@pytest.mark.django_db
def test_icons_are_inline_and_hidden_from_assistive_technology(client, demo_site):
    library = build_library(demo_site)
    build_model(library, title="Ikonimalli")
    icons = soup_of(client.get(library.url)).select("svg.icon")
    assert icons, "the library cards show icons"
    assert all(icon["aria-hidden"] == "true" and icon["focusable"] == "false" for icon in icons)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "home_label"),
    [("fi", "Siirry etusivulle"), ("sv", "Gå till startsidan"), ("en", "Go to the front page")],
)
def test_not_found_page_offers_ways_on(client, demo_site, language, home_label):
    build_library(demo_site)
    response = client.get(f"/{language}/ei-ole-olemassa/")
    assert response.status_code == 404
    links = {
        a.get_text(strip=True): a["href"] for a in soup_of(response).select("main .link-list a")
    }
    assert links[home_label] == f"/{language}/"
    if language == "fi":
        assert links["Toimintamallit"] == "/fi/toimintamallit/"


@pytest.mark.django_db
def test_style_guide_is_for_staff_only(client, demo_site):
    response = client.get("/fi/tyylit/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    client.force_login(User.objects.create_user("reader", password="x"))
    assert client.get("/fi/tyylit/").status_code == 302


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "heading"), [("fi", "Tyylikirja"), ("sv", "Stilguide"), ("en", "Style guide")]
)
def test_style_guide_renders_every_component_in_each_language(client, demo_site, language, heading):
    client.force_login(User.objects.create_user("staff", password="x", is_staff=True))
    soup = soup_of(client.get(f"/{language}/tyylit/"))
    assert soup.h1.get_text(strip=True) == heading
    for selector in [
        ".card--model",
        ".card--programme",
        ".card--pathway",
        ".card--course",
        ".chip",
        ".badge",
        ".rating--red",
        ".notice--info",
        ".notice--warning",
        ".notice--error",
        ".notice--success",
        ".field--error .field__error",
        "details.filter-panel",
        ".table-scroll table",
        ".pagination",
        ".link-list",
        ".button--secondary",
        ".breadcrumbs",
        ".language-switcher",
        ".wordmark",
        ".site-footer",
    ]:
        assert soup.select_one(selector) is not None, selector
    assert len(soup.select("#sg-icons svg.icon")) == len(
        list((TEMPLATES.parent / "static" / "icons").glob("*.svg"))
    )


def _extends(text):
    match = re.match(r'\s*(?:\{%\s*load[^%]*%\}\s*)*\{%\s*extends\s+"([^"]+)"\s*%\}', text)
    return match.group(1) if match else None


def test_every_page_template_builds_on_the_shared_layout():
    """Whole pages extend base.html (tokens, components, header, footer), directly
    or through another template; stand-alone documents (print view, 500 page)
    load the same stylesheets. Fragments (components, blocks, includes) and
    admin templates are not pages."""
    for template in TEMPLATES.rglob("*.html"):
        relative = template.relative_to(TEMPLATES)
        if relative.name == "base.html" or relative.parts[0].startswith("wagtail") or {
            "components", "admin", "blocks", "includes"
        } & set(relative.parts):
            continue
        text = template.read_text()
        if "<html" in text:
            assert "css/tokens.css" in text and "css/portal.css" in text, relative
            continue
        parent, seen = _extends(text), set()
        while parent and parent != "base.html" and parent not in seen:
            seen.add(parent)
            parent_file = TEMPLATES / parent
            parent = _extends(parent_file.read_text()) if parent_file.exists() else None
        if _extends(text) is not None or "{% block" in text:
            assert parent == "base.html", f"{relative} does not build on base.html"


# -- site-wide markup rendered once ({% sitewide %}, kept in the site memo) ----------
@pytest.mark.django_db
def test_each_visitor_gets_their_own_account_links_from_the_kept_header(client, demo_site):
    def account_links():
        return [a.get_text(strip=True) for a in soup_of(client.get("/fi/tietoa/"))
                .select(".account-nav a")]

    assert account_links() == ["Kirjaudu sisään", "Luo käyttäjätili"]
    client.force_login(User.objects.create_user("lukija", "lukija@example.fi", "x"))
    assert "Kirjaudu ulos" in account_links()
    client.logout()
    assert account_links() == ["Kirjaudu sisään", "Luo käyttäjätili"]
    sv = soup_of(client.get("/sv/om-portalen/"))
    assert [a.get_text(strip=True) for a in sv.select(".account-nav a")][0] == "Logga in"
    assert sv.select_one(".wordmark")["href"] == "/sv/"


@pytest.mark.django_db
def test_kept_library_cards_and_footer_follow_published_changes(client, demo_site):
    from portal.models import PortalSettings

    library = build_library(demo_site)
    model = build_model(library, title="Vanha nimi")
    assert "Vanha nimi" in client.get(library.url).content.decode()
    model.title = "Uusi nimi"
    model.save_revision().publish()
    page = client.get(library.url).content.decode()
    assert "Uusi nimi" in page and "Vanha nimi" not in page
    settings_row = PortalSettings.for_site(demo_site.get_site())
    settings_row.organisation_name = "Toimitus ry"
    settings_row.save()
    assert soup_of(client.get(library.url)).select_one(".site-footer__name").text == "Toimitus ry"


@pytest.mark.django_db
def test_the_main_menu_marks_the_section_of_each_page(client, demo_site):
    library = build_library(demo_site)
    library.show_in_menus = True
    library.save_revision().publish()
    model = build_model(library, title="Malli")

    def marked(url):
        return {a.get_text(strip=True): a.get("aria-current")
                for a in soup_of(client.get(url)).select("nav.main-nav a")}

    assert marked(model.url)[library.title] == "true"
    assert marked(library.url)[library.title] == "page"
    assert marked("/fi/")[library.title] is None
    assert marked("/fi/")["Etusivu"] == "page"
    assert marked(model.url)["Etusivu"] is None
