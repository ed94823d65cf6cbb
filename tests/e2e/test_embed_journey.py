"""A visitor watches a lesson video: the embed works under the site's own strict CSP.

The browser has no internet: the player host is answered by a local fixture page via
Playwright's network routing, so the page, its CSP header and the iframe are the
portal's real output and the browser enforces the real policy.
"""

from playwright.sync_api import expect
from wagtail.rich_text import RichText

from tests.builders import build_embed, build_standard_page

YOUTUBE_URL = "https://www.youtube.com/watch?v=abc123"
YOUTUBE_OEMBED_HTML = (
    '<iframe width="200" height="113" src="https://www.youtube.com/embed/abc123?feature=oembed" '
    'frameborder="0" allow="autoplay; encrypted-media" allowfullscreen '
    'title="Provider title"></iframe>'
)
PLAYER = "<!DOCTYPE html><html lang='fi'><title>Soitin</title><p>Videosoitin latautui</p></html>"

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


def test_video_embed_plays_under_the_content_security_policy(page, site, assert_accessible):
    from portal.models import HomePage

    home = HomePage.objects.get(locale__language_code="fi")
    build_embed(url=YOUTUBE_URL, html=YOUTUBE_OEMBED_HTML)
    build_standard_page(home, title="Video", slug="video", body=[
        ("embed", {"url": YOUTUBE_URL, "title": "Esittelyvideo",
                   "transcript": RichText("<p>Videon litterointi.</p>")}),
    ])
    player_requests = []

    def player(route):
        player_requests.append(route.request.url)
        route.fulfill(status=200, content_type="text/html", body=PLAYER)

    page.route("https://www.youtube-nocookie.com/**", player)
    page.route("https://www.youtube.com/**", player)  # would show up as a violation anyway
    console = []
    page.on("console", lambda message: console.append(message.text))
    page.add_init_script(RECORD_VIOLATIONS)

    response = page.goto(site + "/fi/video/")
    assert "style-src 'self'" in response.headers["content-security-policy"]

    frame = page.locator("figure.embed iframe")
    expect(frame).to_have_count(1)
    expect(frame).to_be_visible()
    expect(frame).to_have_attribute("title", "Esittelyvideo")
    expect(page.frame_locator("figure.embed iframe").get_by_text("Videosoitin latautui")) \
        .to_be_visible()
    box = frame.bounding_box()
    assert box["height"] > 100 and abs(box["width"] / box["height"] - 16 / 9) < 0.05
    assert player_requests == ["https://www.youtube-nocookie.com/embed/abc123?feature=oembed"]
    page.wait_for_load_state("load")
    assert page.evaluate("window.__cspViolations") == []
    assert [text for text in console if "Content Security Policy" in text] == []
    page.locator("figure.embed summary").get_by_text("Tekstivastine").click()
    expect(page.get_by_text("Videon litterointi.")).to_be_visible()
    assert_accessible(page)
