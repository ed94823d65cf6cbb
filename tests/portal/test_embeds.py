"""Embedded video renders under the strict Content-Security-Policy, privacy-friendly."""

import re

import pytest
from bs4 import BeautifulSoup
from wagtail.rich_text import RichText

from tests.builders import build_embed, build_library, build_model, build_standard_page

# What YouTube's oEmbed endpoint returns: its tracking host, its own title, an inline style.
YOUTUBE_OEMBED_HTML = (
    '<iframe width="200" height="113" src="https://www.youtube.com/embed/abc123?feature=oembed" '
    'frameborder="0" style="border:0" allow="autoplay; encrypted-media" '
    'referrerpolicy="strict-origin-when-cross-origin" allowfullscreen '
    'title="Provider title"></iframe>'
)
YOUTUBE_URL = "https://www.youtube.com/watch?v=abc123"


def frame_sources(response):
    policy = response["Content-Security-Policy"]
    directive = next(part.strip() for part in policy.split(";")
                     if part.strip().startswith("frame-src"))
    return directive.split()[1:]


def embed_page(parent, url=YOUTUBE_URL, title="Esittelyvideo"):
    return build_standard_page(parent, title="Video", slug="video", body=[
        ("embed", {"url": url, "title": title, "transcript": RichText("<p>Litterointi.</p>")}),
    ])


@pytest.mark.django_db
def test_video_block_gets_one_title_no_inline_style_and_a_host_the_policy_allows(
    client, demo_site
):
    build_embed(url=YOUTUBE_URL, html=YOUTUBE_OEMBED_HTML)
    embed_page(demo_site)

    response = client.get("/fi/video/")
    html = response.content.decode()
    iframes = re.findall(r"<iframe\b[^>]*>", html)
    assert len(iframes) == 1
    assert len(re.findall(r"\stitle=", iframes[0])) == 1
    soup = BeautifulSoup(html, "html.parser")
    iframe = soup.select_one("figure.embed .embed__frame iframe")
    assert iframe["title"] == "Esittelyvideo"
    assert iframe["src"] == "https://www.youtube-nocookie.com/embed/abc123?feature=oembed"
    assert soup.select("[style]") == []  # style-src 'self' would block any inline style
    assert "https://www.youtube-nocookie.com" in frame_sources(response)
    assert "https://www.youtube.com" not in frame_sources(response)


@pytest.mark.django_db
def test_vimeo_is_asked_not_to_track(client, demo_site):
    url = "https://vimeo.com/76979871"
    build_embed(url=url, html='<iframe src="https://player.vimeo.com/video/76979871?h=1" '
                              'title="Vimeo"></iframe>')
    embed_page(demo_site, url=url)
    response = client.get("/fi/video/")
    iframe = BeautifulSoup(response.content, "html.parser").select_one(".embed iframe")
    assert iframe["src"] == "https://player.vimeo.com/video/76979871?h=1&dnt=1"
    assert "https://player.vimeo.com" in frame_sources(response)


@pytest.mark.django_db
def test_media_from_a_host_the_policy_does_not_allow_becomes_a_link(client, demo_site):
    url = "https://media.example.org/v/1"
    build_embed(url=url, html='<iframe src="https://media.example.org/player/1"></iframe>')
    embed_page(demo_site, url=url, title="Ulkoinen video")
    soup = BeautifulSoup(client.get("/fi/video/").content, "html.parser")
    assert soup.select("iframe") == []
    link = soup.select_one(".embed a.embed__link")
    assert (link["href"], link.text) == (url, "Ulkoinen video")


@pytest.mark.django_db
def test_an_embed_inside_rich_text_follows_the_same_rules(client, demo_site):
    library = build_library(demo_site)
    build_embed(url=YOUTUBE_URL, html=YOUTUBE_OEMBED_HTML)
    body = f'<p>Katso video.</p><embed embedtype="media" url="{YOUTUBE_URL}"/>'
    model = build_model(library, title="Videomalli", description=[
        ("basic_idea", {"heading": "", "body": RichText(body)})])
    soup = BeautifulSoup(client.get(model.url).content, "html.parser")
    iframe = soup.select_one(".model-section iframe")
    assert iframe["src"].startswith("https://www.youtube-nocookie.com/embed/abc123")
    assert iframe["title"] == "Video"  # the oEmbed title Wagtail stored
    assert soup.select("[style]") == []
