"""The vendored front-end files come from the pinned npm packages, and the
colour pairs the component CSS uses keep WCAG 2.1 AA contrast."""

import colorsys
import filecmp
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STATIC = ROOT / "static"
GENERATED = ["css/tokens.css", "fonts", "icons"]


def _require_node_packages():
    assert shutil.which("node"), "Node is not installed: `make test` needs it to regenerate assets"
    lock = ROOT / "node_modules" / ".package-lock.json"
    assert lock.exists(), "node_modules is missing: run `make assets` (npm ci) first"


def _tree(folder):
    return sorted(path.relative_to(folder) for path in folder.rglob("*") if path.is_file())


def test_make_assets_regenerates_the_committed_files_identically(tmp_path):
    _require_node_packages()
    subprocess.run(
        ["node", str(ROOT / "scripts" / "build-assets.cjs"), str(tmp_path)],
        check=True,
        capture_output=True,
    )
    for name in GENERATED:
        committed, fresh = STATIC / name, tmp_path / name
        if committed.is_file():
            assert filecmp.cmp(committed, fresh, shallow=False), (
                f"{name} drifted: run `make assets`"
            )
            continue
        assert _tree(committed) == _tree(fresh), f"{name}: files differ from `make assets` output"
        for relative in _tree(committed):
            assert filecmp.cmp(committed / relative, fresh / relative, shallow=False), (
                f"{name}/{relative} drifted: run `make assets`"
            )


def test_tokens_come_from_the_suomifi_package_and_fonts_cover_finnish_letters():
    tokens = (STATIC / "css" / "tokens.css").read_text()
    assert "suomifi-design-tokens" in tokens
    assert "--fi-color-brand-base: hsl(214, 100%, 24%);" in tokens
    assert "--fi-font-family: 'Source Sans 3'" in tokens
    for url in re.findall(r'url\("\.\./fonts/([^"]+)"\)', tokens):
        assert (STATIC / "fonts" / url).stat().st_size > 10_000
    # The Latin subset's unicode-range (U+0000-00FF) includes å ä ö Å Ä Ö.
    assert all(0xC0 <= ord(letter) <= 0xFF for letter in "åäöÅÄÖ")


def test_icons_are_plain_svg_that_take_the_text_colour():
    for svg in (STATIC / "icons").glob("*.svg"):
        markup = svg.read_text()
        assert markup.startswith("<svg viewBox=") and "style" not in markup, svg.name
        assert "#212121" not in markup and 'fill="currentColor"' in markup, svg.name


# --- contrast -----------------------------------------------------------------


def _variables():
    """Custom properties of tokens.css and portal.css, var() references resolved."""
    text = (STATIC / "css" / "tokens.css").read_text() + (STATIC / "css" / "portal.css").read_text()
    raw = dict(re.findall(r"(--[\w-]+):\s*([^;]+);", text))

    def resolve(value):
        match = re.fullmatch(r"var\((--[\w-]+)\)", value.strip())
        return resolve(raw[match.group(1)]) if match else value.strip()

    return {name: resolve(value) for name, value in raw.items()}


def _rgb(value):
    match = re.fullmatch(r"hsl\((\d+), (\d+)%, (\d+)%\)", value)
    assert match, f"not an hsl() token: {value}"
    h, s, lightness = (int(part) for part in match.groups())
    return colorsys.hls_to_rgb(h / 360, lightness / 100, s / 100)


def _luminance(rgb):
    def channel(c):
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first, second):
    lighter, darker = sorted((_luminance(_rgb(first)), _luminance(_rgb(second))), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


# (foreground, background, minimum): every pair the component set draws.
TEXT_PAIRS = [
    ("--color-text", "--color-bg"),
    ("--color-text", "--color-surface"),
    ("--color-text", "--color-surface-blue"),
    ("--color-muted", "--color-bg"),
    ("--color-muted", "--color-surface"),
    ("--color-link", "--color-bg"),
    ("--color-link", "--color-surface"),
    ("--color-link", "--color-surface-blue"),
    ("--color-brand-contrast", "--color-brand"),
    ("--color-brand", "--color-bg"),
    ("--color-brand", "--color-surface-blue"),
    ("--color-brand", "--fi-color-highlight-light3"),
    ("--color-brand", "--fi-color-highlight-light2"),
    ("--color-brand-contrast", "--fi-color-highlight-dark1"),
    ("--color-alert", "--color-bg"),
    ("--color-text", "--fi-color-warning-light1"),
    ("--color-text", "--fi-color-alert-light1"),
    ("--color-text", "--fi-color-info-light1"),
    ("--color-text", "--fi-color-success-secondary"),
    ("--color-text", "--fi-color-accent-secondary-light1"),
]
NON_TEXT_PAIRS = [  # focus rings, form borders, status borders: 3:1 (WCAG 1.4.11)
    ("--color-focus", "--color-bg"),
    ("--color-border", "--color-bg"),
    ("--color-success", "--color-bg"),
    ("--color-alert", "--color-bg"),
    ("--color-brand-contrast", "--color-brand"),
]


@pytest.mark.parametrize(("foreground", "background"), TEXT_PAIRS)
def test_text_colour_pairs_meet_aa(foreground, background):
    variables = _variables()
    ratio = contrast(variables[foreground], variables[background])
    assert ratio >= 4.5, f"{foreground} on {background}: {ratio:.2f}:1"


@pytest.mark.parametrize(("foreground", "background"), NON_TEXT_PAIRS)
def test_interface_colour_pairs_meet_aa(foreground, background):
    variables = _variables()
    ratio = contrast(variables[foreground], variables[background])
    assert ratio >= 3, f"{foreground} on {background}: {ratio:.2f}:1"


def test_contrast_formula_matches_the_wcag_reference():
    assert contrast("hsl(0, 0%, 0%)", "hsl(0, 0%, 100%)") == pytest.approx(21)
    assert contrast("hsl(0, 0%, 100%)", "hsl(0, 0%, 100%)") == pytest.approx(1)
