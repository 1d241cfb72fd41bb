"""Screenshots of `argmap report` for the README (`make docs`): the Secure Communities map,
at a desktop width and a phone's, with one premise selected.

Usage: python docs/report_screenshots.py PAGE.html   (the page `argmap report` wrote)
Needs Playwright and Debian's Chromium at /usr/bin/chromium.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

NODE = "no-standoff"
SHOTS = {"report-desktop.png": (1280, 800), "report-narrow.png": (390, 844)}


def main(page_path: str) -> None:
    url = Path(page_path).resolve().as_uri() + f"#node={NODE}"
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium", headless=True, args=["--no-sandbox"]
        )
        for name, (width, height) in SHOTS.items():
            page = browser.new_page(viewport={"width": width, "height": height})
            page.goto(url)
            page.wait_for_timeout(300)
            if width < 800:  # on a phone the panel is below the diagram: show both
                page.evaluate(
                    "window.scrollTo(0, document.getElementById('argmap:panel').offsetTop - 330)"
                )
            page.screenshot(path=str(Path(__file__).parent / name))
            page.close()
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1])
