"""The HTML review pages, read back with an HTML parser: highlights, escaping, what is listed when not shown.

The browser tests (test_review_browser.py) check the same pages in headless Chromium.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest
from review_helpers import (
    SEED_ARTICLES,
    SEED_STEMS,
    evidence_items,
    grounded_evidence,
    hostile,
    non_latin,
    read_marks,
    seed,
    seeds,
)

from summarizer.cli.common import run_guarded
from summarizer.cli.main import cli
from summarizer.consolidate.run import consolidate
from summarizer.contract.event import DroppedItem, EventSummary, Evidence
from summarizer.render.review import article_page, event_page, figure_anchor
from summarizer.render.review.items import ReviewItem
from summarizer.render.review.markup import highlight


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = run_guarded(cli, args)
    out, err = capsys.readouterr()
    return code, out, err


def _check_highlights(page: str, summary_text: str, summary: EventSummary) -> None:
    marks = read_marks(page)
    quotes = [summary_text[e["start"]:e["end"]] for e in grounded_evidence(summary, summary_text)]
    evidence_ids = [i for i, kind in marks.kinds.items() if kind != "source"]
    assert len(evidence_ids) == len(quotes)
    assert sorted(marks.text[i] for i in evidence_ids) == sorted(quotes)
    sources = {c.reported_by.lower() for c in summary.casualties if c.reported_by}
    for i, kind in marks.kinds.items():
        if kind == "source":
            assert marks.text[i].lower() in sources


@pytest.mark.parametrize("stem", SEED_STEMS)
def test_every_grounded_evidence_of_a_seed_summary_is_highlighted_once_with_its_exact_quote(stem: str) -> None:
    summary, text = seed(stem)
    page = article_page(summary, text)
    _check_highlights(page, text, summary)
    for c in summary.casualties:  # each figure's first piece is an anchor the event page links to
        assert f'id="q-{figure_anchor(c.id)}"' in page


def test_non_latin_text_and_emoji_highlight_at_their_code_point_offsets() -> None:
    summary, text = non_latin()
    page = article_page(summary, text)
    _check_highlights(page, text, summary)
    marks = read_marks(page)
    assert marks.text[figure_anchor("c3")] == "爆炸造成5人死亡"
    assert marks.text[figure_anchor("c5")] == "40 soldiers were killed 🔥"


def test_crossing_and_nested_spans_give_well_formed_pieces_that_spell_each_quote() -> None:
    text = "alpha beta gamma delta epsilon"

    def item(name: str, quote: str) -> ReviewItem:
        start = text.index(quote)
        ev = Evidence(quote=quote, start=start, end=start + len(quote), match="exact")
        return ReviewItem(id=name, kind="place", label=name, details=[], evidence=ev, span=(ev.start, ev.end))

    items = [item("a", "alpha beta gamma"), item("b", "beta gamma delta"), item("c", "gamma"),
             item("d", "alpha beta gamma"), item("e", "epsilon")]
    marks = read_marks(highlight(text, items))
    assert marks.text == {i.id: i.evidence.quote for i in items if i.evidence}
    assert marks.max_depth >= 3


def test_everything_from_the_article_and_the_model_is_escaped() -> None:
    summary, text = hostile()
    page = article_page(summary, text)
    marks = read_marks(page)
    assert marks.scripts == 1  # ours only
    assert "<script>window.__pwned" not in page
    assert "<img src=x" not in page and "<iframe" not in page and "<b>3 people" not in page
    assert "&lt;script&gt;window.__pwned = 1;" in page
    assert "&lt;/mark&gt;&lt;b&gt;3 people&lt;/b&gt; were killed" in page  # the quote, as text, inside its mark
    _check_highlights(page, text, summary)


def test_the_policy_allows_only_the_pages_own_script_and_style() -> None:
    summary, text = seed(SEED_STEMS[1])
    page = article_page(summary, text)
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert policy is not None
    script = re.search(r"<script>(.*?)</script>", page, re.S)
    style = re.search(r"<style>(.*?)</style>", page, re.S)
    assert script is not None and style is not None
    for body, directive in ((script.group(1), "script-src"), (style.group(1), "style-src")):
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"{directive} 'sha256-{digest}'" in policy.group(1)
    assert "default-src 'none'" in policy.group(1)
    assert not re.search(r'(?:src|href)="(?:https?:)?//', page)  # nothing fetched from anywhere


def test_items_that_cannot_be_placed_and_dropped_items_are_listed_not_hidden() -> None:
    summary, text = seed(SEED_STEMS[1])
    moved = summary.casualties[0].evidence.model_copy(update={"start": 5, "end": 5 + len(
        summary.casualties[0].evidence.quote)})
    outside = summary.where.places[0].evidence.model_copy(update={"start": len(text) + 10, "end": len(text) + 20})
    broken = summary.model_copy(deep=True)
    broken.casualties[0].evidence = moved
    broken.where.places[0].evidence = outside
    broken.provenance.dropped.append(DroppedItem(kind="actor", reason="not found in the article",
                                                 content="Imaginary Brigade"))
    page = article_page(broken, text)
    marks = read_marks(page)
    assert figure_anchor(summary.casualties[0].id) not in marks.text
    assert f'id="missing-{figure_anchor(summary.casualties[0].id)}"' in page
    assert "does not hold the quote" in page and "are outside the article" in page
    assert "Imaginary Brigade" in page and "Dropped by the summarizer (1)" in page
    assert "Not highlighted (2)" in page
    _check_highlights(page, text, broken)


def test_without_the_article_text_every_item_is_listed_with_the_reason() -> None:
    summary, _ = seed(SEED_STEMS[0])
    page = article_page(summary, None)
    assert not read_marks(page).kinds
    assert page.count("the article text is not available") == len(evidence_items(summary))


def test_event_page_links_each_disputed_value_to_the_quote_on_its_article_page() -> None:
    pairs = [(stem, summary) for stem, summary, _ in seeds()]
    events = consolidate(pairs)
    assert len(events) == 1
    pages = {s.article.id: f"{stem}.txt.html" for stem, s in pairs}
    page = event_page(events[0], pages)
    links = re.findall(r'<a class="value" href="([^"#]+)#q-([^"]+)"', page)
    assert links
    by_page = {f"{stem}.txt.html": s for stem, s in pairs}
    for target, anchor in links:
        summary = by_page[target]
        assert anchor in {figure_anchor(c.id) for c in summary.casualties}
    claimed = [r for f in events[0].figures for r in f.reports if r.perpetrator_claim]
    assert claimed and "perpetrator claim, not counted" in page


# ----- the command line ---------------------------------------------------------------------------------------


def _seed_json(tmp_path: Path, stem: str) -> tuple[Path, Path]:
    summary, _ = seed(stem)
    article = tmp_path / f"{stem}.txt"
    shutil.copy(SEED_ARTICLES / f"{stem}.txt", article)
    path = tmp_path / f"{stem}.txt.json"
    path.write_text(summary.model_dump_json(), encoding="utf-8")
    return path, article


def test_render_html_finds_the_article_beside_the_summary_or_takes_it_from_article(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stem = SEED_STEMS[2]
    path, article = _seed_json(tmp_path, stem)
    code, out, _ = _run(["render", str(path), "--format", "html"], capsys)
    assert code == 0
    summary, text = seed(stem)
    _check_highlights(out, text, summary)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    moved = elsewhere / "x.json"
    path.rename(moved)
    code, out, _ = _run(["render", str(moved), "--format", "html"], capsys)
    assert code == 0 and not read_marks(out).kinds and "not available" in out
    page = tmp_path / "page.html"
    code, _, err = _run(["render", str(moved), "--format", "html", "--article", str(article), "-o", str(page)],
                        capsys)
    assert code == 0 and "wrote" in err
    _check_highlights(page.read_text(encoding="utf-8"), text, summary)


def test_render_html_with_another_article_says_so_and_lists_what_does_not_match(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, _ = _seed_json(tmp_path, SEED_STEMS[0])
    code, out, _ = _run(["render", str(path), "--format", "html", "--article",
                         str(SEED_ARTICLES / f"{SEED_STEMS[1]}.txt")], capsys)
    assert code == 0
    assert "is not the text this summary was made from" in out
    assert "does not hold the quote" in out


def test_summarize_html_with_the_fake_backend(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from summarizer.files.inputs import read_article

    article = SEED_ARTICLES / f"{SEED_STEMS[1]}.txt"
    code, out, _ = _run(["summarize", str(article), "--backend", "fake", "--no-cache"], capsys)
    assert code == 0
    summary = EventSummary.model_validate_json(out)
    code, out, _ = _run(["summarize", str(article), "--backend", "fake", "--no-cache", "--format", "html"], capsys)
    assert code == 0 and out.startswith("<!DOCTYPE html>")
    _check_highlights(out, read_article(article), summary)


def test_batch_html_writes_pages_index_with_failures_and_linked_event_pages(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for stem in SEED_STEMS:
        shutil.copy(SEED_ARTICLES / f"{stem}.txt", src / f"{stem}.txt")
    (src / "broken.txt").write_bytes(b"\x00\x01binary\x00")
    out = tmp_path / "out"
    code, _, err = _run(["batch", str(src), "--out", str(out), "--backend", "fake", "--html", "--csv",
                         "--allow-failures", "--progress", "log"], capsys)
    assert code == 0, err
    index = (out / "index.html").read_text(encoding="utf-8")
    for stem in SEED_STEMS:
        assert f'href="{stem}.txt.html"' in index
        assert (out / f"{stem}.txt.html").is_file()
    assert "broken.txt" in index and "binary file" in index
    events = sorted((out / "events").glob("*.html"))
    assert events
    for page_path in [*events, *(out / f"{stem}.txt.html" for stem in SEED_STEMS)]:
        nav_links = re.findall(r'<a href="([^"]+)">', page_path.read_text(encoding="utf-8").split("</nav>")[0])
        assert nav_links and all((page_path.parent / link).resolve().is_file() for link in nav_links)
        assert (page_path.parent / nav_links[0]).resolve() == (out / "index.html").resolve()
    for event in events:
        page = event.read_text(encoding="utf-8")
        for target, anchor in re.findall(r'<a class="value" href="([^"#]+)#q-([^"]+)"', page):
            linked = (event.parent / target).resolve()
            assert linked.is_file()
            assert f'id="q-{anchor}"' in linked.read_text(encoding="utf-8")
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert {a["path"] for a in manifest["articles"]} == {f"{s}.txt" for s in SEED_STEMS} | {"broken.txt"}
    assert (out / "articles.csv").is_file() and (out / "events.csv").is_file()


def test_render_a_consolidated_event_links_to_the_article_pages_beside_its_summaries(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for stem in SEED_STEMS[:3]:
        shutil.copy(SEED_ARTICLES / f"{stem}.txt", src / f"{stem}.txt")
    out = tmp_path / "out"
    assert _run(["batch", str(src), "--out", str(out), "--backend", "fake", "--html", "--consolidate",
                 "--progress", "log"], capsys)[0] == 0
    event_json = sorted((out / "events").glob("*.json"))[0]
    code, page, _ = _run(["render", str(event_json), "--format", "html"], capsys)
    assert code == 0
    links = re.findall(r'<a class="value" href="([^"#]+)#q-([^"]+)"', page)
    for target, anchor in links:
        assert f'id="q-{anchor}"' in (event_json.parent / target).read_text(encoding="utf-8")
    code, out_csv, _ = _run(["render", str(event_json), "--format", "csv"], capsys)
    assert code == 0 and json.loads(event_json.read_text(encoding="utf-8"))["event_id"] in out_csv
    code, _, err = _run(["render", str(out / "manifest.json"), "--format", "html"], capsys)
    assert code == 3 and "not an event summary" in err


def test_a_lone_surrogate_from_a_model_answer_still_gives_a_utf8_page() -> None:
    summary, text = seed(SEED_STEMS[0])
    odd = summary.model_copy(update={"headline": "broken \ud83d emoji"})
    page = article_page(odd, text)
    assert "broken \ufffd emoji" in page.encode("utf-8").decode("utf-8")
    _check_highlights(page, text, odd)


def test_consolidate_format_html_links_values_to_pages_written_beside_the_summaries(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for stem in SEED_STEMS:
        path, _ = _seed_json(tmp_path, stem)
        assert _run(["render", str(path), "--format", "html", "-o", str(path.with_suffix(".html"))], capsys)[0] == 0
    code, out, _ = _run(["consolidate", str(tmp_path), "--out", str(tmp_path / "merged"), "--format", "html"], capsys)
    assert code == 0
    pages = [Path(line) for line in out.splitlines() if line.endswith(".html")]
    assert len(pages) == 1 and pages[0].parent == tmp_path / "merged" / "events"
    links = re.findall(r'<a class="value" href="([^"#]+)#q-([^"]+)"', pages[0].read_text(encoding="utf-8"))
    assert {target for target, _ in links} == {f"../../{stem}.txt.html" for stem in SEED_STEMS}
    for target, anchor in links:
        assert f'id="q-{anchor}"' in (pages[0].parent / target).read_text(encoding="utf-8")
