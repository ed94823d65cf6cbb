"""The print-friendly view: screen styles on screen, print styles only in print,
a print button, and a language switcher that stays on the print view."""

import pytest
from bs4 import BeautifulSoup

from tests.builders import build_model, locale


@pytest.mark.django_db
def test_print_view_keeps_its_back_link_on_screen_and_offers_print(client, library):
    model = build_model(library, title="Tulostettava malli")
    soup = BeautifulSoup(client.get(f"{model.url}tulosta/").content, "html.parser")
    sheets = {link["href"].rsplit("/", 1)[-1]: link.get("media") for link in
              soup.select("link[rel=stylesheet]")}
    assert sheets == {"tokens.css": None, "portal.css": None, "print.css": "print"}
    assert soup.select_one(".print-toolbar a")["href"] == model.url
    button = soup.select_one("button[data-print]")
    assert button.get_text(strip=True) == "Tulosta" and button.has_attr("hidden")
    assert soup.select_one("script[src$='js/portal.js']") is not None
    assert soup.h1.get_text(strip=True) == "Tulostettava malli"


@pytest.mark.django_db
def test_print_view_language_switcher_leads_to_the_translations_print_view(client, library):
    model = build_model(library, title="Tulostettava malli")
    swedish = model.copy_for_translation(locale("sv"), copy_parents=True)
    swedish.save_revision().publish()
    soup = BeautifulSoup(client.get(f"{model.url}tulosta/").content, "html.parser")
    links = {a["hreflang"]: a["href"] for a in soup.select(".language-switcher a")}
    assert links["fi"] == f"{model.url}tulosta/"
    assert links["sv"] == f"{swedish.url}skriv-ut/"  # the address part in Swedish
    assert client.get(links["sv"]).status_code == 200
