"""Render the brand's PNG files (favicons, touch icons, Open Graph image) from
static/brand/logo.svg and the self-hosted font, in headless Chromium.

Run after changing the logo: `.venv/bin/python scripts/render-brand.py`.
The PNGs are committed; the site serves them as static files.
"""

import base64
import json
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
BRAND = ROOT / "static" / "brand"
FONT = ROOT / "static" / "fonts" / "source-sans-3-latin-600-normal.woff2"
CHROMIUM = "/usr/bin/chromium"


def data_url(path, mime):
    return f"data:{mime};base64,{base64.b64encode(path.read_bytes()).decode()}"


def main():
    logo = data_url(BRAND / "logo.svg", "image/svg+xml")
    font = data_url(FONT, "font/woff2")
    og_html = f"""<!DOCTYPE html><html><head><style>
      @font-face {{ font-family: S; src: url({font}); font-weight: 600; }}
      body {{ margin: 0; width: 1200px; height: 630px; display: flex; align-items: center;
              gap: 48px; padding: 0 96px; box-sizing: border-box; background: #f6fafe;
              border-top: 24px solid #00357a; font-family: S, sans-serif; color: #00357a; }}
      img {{ width: 200px; height: 200px; }}
      h1 {{ font-size: 84px; margin: 0; line-height: 1; }}
      p {{ font-size: 36px; margin: 16px 0 0; color: #212121; }}
    </style></head><body><img src="{logo}" alt=""><div><h1>Työkykyportaali</h1>
    <p>Toimintamallit · palvelupolut · koulutus</p></div></body></html>"""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM)
        for size, name in [
            (32, "icon-32.png"),
            (180, "apple-touch-icon.png"),
            (192, "icon-192.png"),
            (512, "icon-512.png"),
        ]:
            page = browser.new_page(viewport={"width": size, "height": size})
            page.set_content(
                f'<body style="margin:0"><img src="{logo}" width="{size}" height="{size}"></body>'
            )
            page.screenshot(path=str(BRAND / name), omit_background=True)
            page.close()
        page = browser.new_page(viewport={"width": 1200, "height": 630})
        page.set_content(og_html)
        page.screenshot(path=str(BRAND / "og-image.png"))
        browser.close()
    manifest = {
        "name": "Työkykyportaali",
        "short_name": "Työkyky",
        "icons": [
            {"src": "icon-192.png", "sizes": "192x192", "type": "image/png"},
            {"src": "icon-512.png", "sizes": "512x512", "type": "image/png"},
        ],
        "theme_color": "#00357a",
        "background_color": "#ffffff",
        "display": "browser",
    }
    (BRAND / "site.webmanifest").write_text(
        json.dumps(manifest, indent=2, ensure_ascii=False) + "\n"
    )


if __name__ == "__main__":
    main()
