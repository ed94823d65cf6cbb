"""Every public page type at 390, 768 and 1280 px in fi/sv/en: no sideways
scrolling, no text clipped by fixed-height boxes, tap targets of at least
24 × 24 px (WCAG 2.2, 2.5.8) and no axe violations. A screenshot of each
is written to var/screenshots/ for review."""

import pytest

from tests.conftest import ROOT
from tests.e2e.page_types import LANGUAGES, build_demo_site, public_page_types

WIDTHS = [390, 768, 1280]
SCREENSHOTS = ROOT / "var" / "screenshots"

LAYOUT_PROBLEMS = """() => {
  const problems = [];
  const describe = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '') +
    ' "' + (el.textContent || el.value || el.getAttribute('aria-label') || '').trim().slice(0, 40) + '"';
  const root = document.documentElement;
  if (root.scrollWidth > window.innerWidth) {
    problems.push(`the page scrolls sideways: ${root.scrollWidth}px in a ${window.innerWidth}px window`);
  }
  const hidden = (el) => el.closest('.visually-hidden, [hidden], .print-only') || el.getClientRects().length === 0;
  for (const el of document.body.querySelectorAll('*')) {
    const style = getComputedStyle(el);
    if (hidden(el) || !el.textContent.trim()) continue;
    if (['svg', 'path', 'script', 'style'].includes(el.tagName.toLowerCase())) continue;
    const clipsY = ['hidden', 'clip'].includes(style.overflowY) && el.scrollHeight > el.clientHeight + 1;
    const clipsX = ['hidden', 'clip'].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1;
    if (clipsY || clipsX) problems.push(`text clipped by its box: ${describe(el)}`);
    if (['auto', 'scroll'].includes(style.overflowY) && el.scrollHeight > el.clientHeight + 1
        && !el.classList.contains('sidebar--sticky')) {
      problems.push(`an inner scroll box: ${describe(el)}`);
    }
  }
  const targets = 'a[href], button, input:not([type=hidden]), select, textarea, summary';
  for (const el of document.body.querySelectorAll(targets)) {
    if (hidden(el) || el.closest('.skip-link') || el.matches('.skip-link')) continue;
    const box = el.getBoundingClientRect();
    if (box.width >= 24 && box.height >= 24) continue;
    // WCAG 2.5.8 exception: a link inside a sentence is sized by the text around it.
    if (el.tagName === 'A' && getComputedStyle(el).display === 'inline') {
      const block = el.parentElement.closest('p, li, dd, td, th, figcaption, blockquote, cite');
      if (block && block.textContent.trim() !== el.textContent.trim()) continue;
    }
    problems.push(`tap target ${Math.round(box.width)}×${Math.round(box.height)} px: ${describe(el)}`);
  }
  return problems;
}"""


@pytest.fixture
def demo_site(site):
    build_demo_site()
    return site


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("width", WIDTHS)
def test_every_public_page_type_fits_and_is_accessible(browser, demo_site, assert_accessible,
                                                         width, language):
    page_types = public_page_types(language)
    assert {"HomePage", "LibraryIndexPage", "OperatingModelPage", "ProgrammePage"} <= {
        name for name, _path in page_types
    }, page_types
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.set_default_timeout(30_000)
    failures = []
    try:
        for name, path in page_types:
            page.goto(demo_site + path)
            page.evaluate("document.fonts.ready")
            failures += [f"{name} {path}: {problem}" for problem in page.evaluate(LAYOUT_PROBLEMS)]
            try:
                assert_accessible(page)
            except AssertionError as error:
                failures.append(f"{name} {path}: {error}")
            page.screenshot(path=str(SCREENSHOTS / f"{name}-{language}-{width}.png"), full_page=True)
    finally:
        context.close()
    assert not failures, "\n".join(failures)
