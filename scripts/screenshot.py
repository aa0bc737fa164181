"""Regenerate docs/report-screenshot.png: the HTML report of the bundled corpus, as a browser shows it.

    python scripts/screenshot.py                      # docs/report-screenshot.png, 1280 px wide
    python scripts/screenshot.py -o /tmp/shot.png --full-page --width 390

Needs Debian's Chromium (``apt-get install chromium``) and the ``playwright`` package (the
``test`` extra); it never downloads a browser. The report is rendered in-process from ``seeds/``
with the bundled rules, written to a temporary file and opened from disk, as an editor would.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", default=str(ROOT / "docs" / "report-screenshot.png"))
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=970)
    parser.add_argument("--full-page", action="store_true", help="capture the whole page, not the viewport")
    parser.add_argument("--browser", default=CHROMIUM, help=f"Chromium executable (default {CHROMIUM})")
    args = parser.parse_args(argv)

    if not Path(args.browser).exists():
        print(f"error: no browser at {args.browser}; install Debian's chromium (apt-get install chromium)",
              file=sys.stderr)
        return 2

    sys.path.insert(0, str(ROOT))
    from playwright.sync_api import sync_playwright

    from checker.pipeline import run
    from checker.report import render_html

    result = run([str(ROOT / "seeds")])
    page_html = render_html(result, result.to_dict())
    output = Path(args.output)
    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        report = Path(tmp) / "report.html"
        report.write_text(page_html, encoding="utf-8")
        browser = p.chromium.launch(executable_path=args.browser, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": args.width, "height": args.height})
            page.goto(report.as_uri())
            page.screenshot(path=str(output), full_page=args.full_page)
        finally:
            browser.close()
    print(f"wrote {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
