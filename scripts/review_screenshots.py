"""Screenshots of the review pages of the five seed articles and their consolidated event, for the README.

    .venv/bin/python scripts/review_screenshots.py [--out docs/review] [--pages DIR] [--pages-only]

The summaries are the hand-labelled gold files of the seed articles (eval/gold/00[0-4]_*.json, totals computed by
the project's code), so the pictures do not depend on a model run. Pages go to --pages (default: a temporary
folder), screenshots (PNG,
Debian's headless Chromium driven by Playwright; on article pages a claimed figure is clicked and hovered) to
OUT/. `pngquant`, when installed, makes them smaller.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summarizer.consolidate.run import consolidate, summary_from_gold  # noqa: E402
from summarizer.contract.gold import GoldSummary  # noqa: E402
from summarizer.files.inputs import read_article  # noqa: E402
from summarizer.render.review import article_page, event_page, figure_anchor  # noqa: E402
from summarizer.extract.rollups import compute_rollups  # noqa: E402

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars"]


def screenshots(chromium: str, shots: list[tuple[Path, Path, str]], size: str) -> None:
    """Each page at the top, or with one figure clicked (its quote marked) and hovered (what was read from it)."""
    from playwright.sync_api import sync_playwright

    width, height = (int(x) for x in size.split(","))
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=FLAGS)
        page = browser.new_page(viewport={"width": width, "height": height})
        for source, target, figure in shots:
            page.goto(source.as_uri())
            if figure:
                page.click(f'tr[data-target="{figure}"]')
                page.hover(f"#q-{figure}")
            page.screenshot(path=str(target))
        browser.close()
    for _, target, _ in shots:
        if shutil.which("pngquant"):
            subprocess.run(["pngquant", "--force", "--skip-if-larger", "--strip", "--output", str(target), "64",
                            str(target)], check=False)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "review")
    parser.add_argument("--size", default="1280,860", help="window size for the screenshots")
    parser.add_argument("--pages", type=Path, default=None, help="where to write the pages (default: a temporary "
                        "folder)")
    parser.add_argument("--pages-only", action="store_true", help="write the pages, take no screenshots")
    args = parser.parse_args()
    pages = args.pages or Path(tempfile.mkdtemp(prefix="review-pages-"))
    pages.mkdir(parents=True, exist_ok=True)
    args.out.mkdir(parents=True, exist_ok=True)
    pairs = []
    written: list[tuple[Path, str]] = []
    for gold_path in sorted((ROOT / "eval" / "gold").glob("00[0-4]_*.json")):
        summary = summary_from_gold(GoldSummary.model_validate_json(gold_path.read_text(encoding="utf-8")))
        summary = summary.model_copy(update={"rollups": compute_rollups(list(summary.casualties))})
        text = read_article(ROOT / "eval" / "articles" / f"{gold_path.stem}.txt")
        page = pages / f"{gold_path.stem}.txt.html"
        page.write_text(article_page(summary, text, name=f"{gold_path.stem}.txt (gold summary)"), encoding="utf-8")
        claims = [c for c in summary.casualties if c.status == "claimed"]
        written.append((page, figure_anchor(claims[0].id) if claims else ""))
        pairs.append((gold_path.stem, summary))
    for event in consolidate(pairs):
        page = pages / "event.html"
        page.write_text(event_page(event, {s.article.id: f"{stem}.txt.html" for stem, s in pairs}), encoding="utf-8")
        written.append((page, ""))
    if args.pages_only:
        print(f"pages in {pages}")
        return 0
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    shots = [(page, args.out / (page.name.removesuffix(".html").removesuffix(".txt") + ".png"), figure)
             for page, figure in written]
    screenshots(chromium, shots, args.size)
    for _, target, _ in shots:
        print(f"{target} ({target.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
