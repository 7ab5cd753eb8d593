"""The review pages in a real browser: Debian's headless Chromium driven by Playwright (never a downloaded build).

On real summaries of the seed articles, a made-up non-Latin article and a hostile one: the number of highlights
equals the number of grounded evidence items; clicking a figure marks exactly its quote; hovering shows what was
read; nothing is fetched from the network; no script error; markup in the article runs nothing.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from review_helpers import SEED_STEMS, grounded_evidence, hostile, non_latin, seed, seeds

from summarizer.consolidate.run import consolidate
from summarizer.contract.event import EventSummary
from summarizer.render.review import article_page, event_page, figure_anchor

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("SUMMARIZER_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).is_file():
        pytest.skip(f"headless Chromium not found at {CHROMIUM}: scripts/test.sh installs Debian's chromium with "
                    "apt-get (scripts/install_chromium.sh), which was not possible on this machine")
    sync_api = pytest.importorskip("playwright.sync_api",
                                   reason="the playwright package is missing: pip install -e '.[dev]'")
    with sync_api.sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            yield instance
        finally:
            instance.close()


@dataclass
class Tab:
    page: Any
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def open(self, path: Path) -> None:
        self.page.goto(path.as_uri())

    def js(self, expression: str, arg: Any = None) -> Any:
        return self.page.evaluate(expression, arg)


@pytest.fixture
def tab(browser: Any) -> Iterator[Tab]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    t = Tab(page)
    page.on("console", lambda m: t.errors.append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: t.errors.append(str(e)))

    def route(r: Any) -> None:
        if not r.request.url.startswith("file://"):
            t.requests.append(r.request.url)
            r.abort()
        else:
            r.continue_()

    context.route("**/*", route)
    try:
        yield t
    finally:
        context.close()


HIGHLIGHTS = "new Set([...document.querySelectorAll('mark.hl:not(.k-source)')].map(m => m.dataset.ev)).size"
ACTIVE_TEXT = "[...document.querySelectorAll('mark.hl.active')].map(m => m.textContent).join('')"


def _write(tmp_path: Path, name: str, summary: EventSummary, text: str | None) -> Path:
    path = tmp_path / name
    path.write_text(article_page(summary, text), encoding="utf-8")
    return path


def _check_page(tab: Tab, summary: EventSummary, text: str) -> None:
    assert tab.js(HIGHLIGHTS) == len(grounded_evidence(summary, text))
    for c in summary.casualties:
        tab.page.click(f'tr[data-target="{figure_anchor(c.id)}"]')
        assert tab.js(ACTIVE_TEXT) == text[c.evidence.start:c.evidence.end]
        if c.evidence.match == "exact":
            assert tab.js(ACTIVE_TEXT) == c.evidence.quote
        assert tab.js("document.body.dataset.active") == figure_anchor(c.id)
    assert not tab.errors and not tab.requests


@pytest.mark.parametrize("stem", SEED_STEMS)
def test_seed_page_highlights_every_grounded_item_and_clicking_a_figure_marks_its_quote(
        tab: Tab, tmp_path: Path, stem: str) -> None:
    summary, text = seed(stem)
    tab.open(_write(tmp_path, f"{stem}.html", summary, text))
    _check_page(tab, summary, text)
    shot = tmp_path / f"{stem}.png"
    tab.page.screenshot(path=str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_non_latin_article_highlights_at_code_point_offsets(tab: Tab, tmp_path: Path) -> None:
    summary, text = non_latin()
    quote = summary.casualties[-1].evidence.quote
    tab.open(_write(tmp_path, "non_latin.html", summary, text))
    assert tab.js("q => q.length", quote) > len(quote)  # JavaScript counts UTF-16 units: offsets must not go there
    _check_page(tab, summary, text)
    assert tab.js("document.querySelectorAll('mark.hl.claim').length") >= 1


def test_an_article_with_markup_runs_nothing_and_shows_it_as_text(tab: Tab, tmp_path: Path) -> None:
    summary, text = hostile()
    tab.open(_write(tmp_path, "hostile.html", summary, text))
    assert tab.js("typeof window.__pwned") == "undefined"
    assert tab.js("document.title") != "pwned"
    assert tab.js("document.scripts.length") == 1
    assert tab.js("document.querySelectorAll('img, iframe, .article b').length") == 0
    shown = tab.js("document.querySelector('.article').textContent")
    assert shown == text
    assert "<script>window.__pwned = 3</script>" in tab.js("document.querySelector('h1').textContent")
    assert "<script>window.__pwned=6</script>" in tab.js("document.getElementById('dropped').nextElementSibling"
                                                           ".textContent")
    _check_page(tab, summary, text)


def test_hover_shows_what_was_read_a_total_marks_its_figures_and_the_legend_hides_a_kind(
        tab: Tab, tmp_path: Path) -> None:
    summary, text = seed(SEED_STEMS[1])
    tab.open(_write(tmp_path, "page.html", summary, text))
    first = summary.casualties[0]
    tab.page.hover(f"#q-{figure_anchor(first.id)}")
    tip = tab.js("document.getElementById('tip').hidden ? '' : document.getElementById('tip').textContent")
    assert f"Casualty figure: {first.raw_text}" in tip and (first.reported_by or "unnamed") in tip
    rollup = next(r for r in summary.rollups if len(r.casualty_ids) > 1)
    tab.page.click(f'table.rollups tr[data-target="{" ".join(figure_anchor(c) for c in rollup.casualty_ids)}"]')
    active = tab.js("[...new Set([...document.querySelectorAll('mark.hl.active')].map(m => m.dataset.ev))]")
    assert sorted(active) == sorted(figure_anchor(c) for c in rollup.casualty_ids)
    tab.page.uncheck('input[data-kind="place"]')
    assert tab.js("document.body.classList.contains('hide-place')")
    background = tab.js("getComputedStyle(document.querySelector('mark.k-place')).backgroundColor")
    assert background in ("rgba(0, 0, 0, 0)", "transparent")
    assert not tab.errors


def test_an_event_value_opens_its_article_page_at_the_quote(tab: Tab, tmp_path: Path) -> None:
    all_seeds = seeds()
    pages = {}
    for stem, summary, text in all_seeds:
        pages[summary.article.id] = f"{stem}.txt.html"
        _write(tmp_path, f"{stem}.txt.html", summary, text)
    event = consolidate([(stem, s) for stem, s, _ in all_seeds])[0]
    (tmp_path / "events").mkdir()
    path = tmp_path / "events" / "event.html"
    path.write_text(event_page(event, {k: f"../{v}" for k, v in pages.items()}), encoding="utf-8")
    tab.open(path)
    links = tab.page.locator("a.value")
    assert links.count() > 0
    href = links.nth(0).get_attribute("href")
    links.nth(0).click()
    tab.page.wait_for_url(f"**/{href.lstrip('./')}")
    stem = href.split("/")[-1].split(".txt.html")[0]
    summary, _ = seed(stem)
    anchor = href.split("#q-")[1]
    quote = next(c.evidence.quote for c in summary.casualties if figure_anchor(c.id) == anchor)
    assert tab.js(ACTIVE_TEXT) == quote
    assert not tab.errors and not tab.requests
