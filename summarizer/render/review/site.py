"""Review pages and CSV exports for a whole batch output folder.

Reads `manifest.json` (every article, failures with their reason), each summary, and each article's text from
the input folder; consolidates the current summaries in memory; writes

    OUT/<article path>.html      one page per summarized article (beside its .json)
    OUT/events/<event id>.html   one page per consolidated event, its values linked to the article pages
    OUT/index.html               every article and event
    OUT/articles.csv, OUT/events.csv   with csv=True
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import quote

from summarizer.batch.manifest import JSON_NAME, load_manifest_json
from summarizer.consolidate.run import consolidate, load_summary
from summarizer.contract.consolidated import ConsolidatedEvent
from summarizer.contract.event import EventSummary
from summarizer.errors import InputError
from summarizer.files.atomic import write_text_atomic
from summarizer.files.inputs import article_id, read_article
from summarizer.render.csv_export import articles_csv, events_csv
from summarizer.render.review.article_page import article_page
from summarizer.render.review.event_page import event_page
from summarizer.render.review.index_page import EventEntry, IndexEntry, index_page

INDEX_NAME = "index.html"
ARTICLES_CSV = "articles.csv"
EVENTS_CSV = "events.csv"
EVENTS_DIR = "events"
_SUFFIXES = (".txt", ".html", ".htm", ".md", ".text")


@dataclass
class _Article:
    path: str
    status: str
    error: str | None
    summary: EventSummary | None
    page: str | None = None
    """Page path relative to the output folder."""


def href(from_dir: str, target: str) -> str:
    """A relative link from a page in `from_dir` to `target` (both relative to the output folder), URL-quoted."""
    return quote(PurePosixPath(os.path.relpath(target, from_dir or ".")).as_posix())


def ref_of(path: str) -> str:
    """How consolidation cites an article: its path without the article suffix (as `summarizer consolidate`)."""
    for suffix in _SUFFIXES:
        if path.endswith(suffix):
            return path[: -len(suffix)]
    return path


def _load(out_dir: Path) -> list[_Article]:
    manifest_path = out_dir / JSON_NAME
    if not manifest_path.is_file():
        raise InputError(f"{out_dir}: no {JSON_NAME}; run 'summarizer batch' first")
    articles = []
    for record in load_manifest_json(manifest_path).articles:
        summary, error = None, record.error
        if record.status != "failed":
            try:
                summary = load_summary(out_dir / record.output)
            except InputError as exc:
                error = str(exc)
        status = record.status if summary is not None else "failed"
        articles.append(_Article(record.path, status, error, summary))
    return articles


def _article_text(in_dir: Path, article: _Article) -> tuple[str | None, list[str]]:
    assert article.summary is not None
    try:
        text = read_article(in_dir / article.path)
    except InputError as exc:
        return None, [f"The article could not be read: {exc}"]
    if article_id(text) != article.summary.article.id:
        return text, ["The article file changed after it was summarized; highlights are checked at their offsets "
                      "and anything that no longer matches is listed under 'Not highlighted'."]
    return text, []


def page_links(pages: Mapping[str, Path], folder: Path) -> dict[str, str]:
    """Article id -> link to its page, relative to a page written in `folder`."""
    return {aid: quote(Path(os.path.relpath(page.resolve(), folder.resolve())).as_posix())
            for aid, page in pages.items()}


def write_event_pages(events: Sequence[ConsolidatedEvent], out_dir: Path, pages: Mapping[str, Path],
                      index: Path | None = None) -> list[Path]:
    """OUT/events/<event id>.html for each event; `pages` maps article ids to their review pages, if any."""
    folder = out_dir / EVENTS_DIR
    links = page_links(pages, folder)
    back = [("Index", page_links({"": index}, folder)[""])] if index is not None else []
    written = []
    for event in events:
        path = folder / f"{event.event_id}.html"
        write_text_atomic(path, event_page(event, links, back))
        written.append(path)
    return written


def article_pages(inputs: Sequence[Path]) -> dict[str, Path]:
    """Review pages written beside summaries (x.txt.json -> x.txt.html), by article id."""
    found: dict[str, Path] = {}
    for item in inputs:
        files = sorted(item.rglob("*.json")) if item.is_dir() else [item]
        for path in files:
            page_path = path.with_suffix(".html")
            if not page_path.is_file():
                continue
            try:
                found.setdefault(load_summary(path).article.id, page_path)
            except InputError:
                continue
    return found


def write_event_exports(written: Sequence[Path], out_dir: Path, inputs: Sequence[Path], *, csv: bool,
                        html: bool) -> list[Path]:
    """After `summarizer consolidate`: events.csv and/or the event pages, from the event records it wrote."""
    events = [ConsolidatedEvent.model_validate_json(p.read_text(encoding="utf-8")) for p in written
              if p.parent.name == EVENTS_DIR and p.suffix == ".json"]
    paths: list[Path] = []
    if csv:
        write_text_atomic(out_dir / EVENTS_CSV, events_csv(events))
        paths.append(out_dir / EVENTS_CSV)
    if html:
        paths += write_event_pages(events, out_dir, article_pages(inputs))
    return paths


def write_site(in_dir: Path, out_dir: Path, *, html: bool = True, csv: bool = False) -> list[Path]:
    """Write the review pages (html) and CSV exports (csv) of a batch output folder; return the paths written."""
    articles = _load(out_dir)
    done = [a for a in articles if a.summary is not None]
    pairs: list[tuple[str, EventSummary]] = [(ref_of(a.path), a.summary) for a in done if a.summary is not None]
    events: list[ConsolidatedEvent] = consolidate(pairs) if pairs else []
    written: list[Path] = []
    downloads: list[tuple[str, str]] = []
    if csv:
        for name, content in ((ARTICLES_CSV, articles_csv(pairs)), (EVENTS_CSV, events_csv(events))):
            write_text_atomic(out_dir / name, content)
            written.append(out_dir / name)
            downloads.append((name, name))
    if not html:
        return written
    event_of = {ref.article_id: event.event_id for event in events for ref in event.articles}
    for a in done:
        assert a.summary is not None
        a.page = f"{a.path}.html"
        here = PurePosixPath(a.page).parent.as_posix()
        links = [("Index", href(here, INDEX_NAME))]
        if a.summary.article.id in event_of:
            event_id = event_of[a.summary.article.id]
            links.append((f"Consolidated event {event_id}", href(here, f"{EVENTS_DIR}/{event_id}.html")))
        text, notes = _article_text(in_dir, a)
        write_text_atomic(out_dir / a.page, article_page(a.summary, text, name=a.path, notes=notes, links=links))
        written.append(out_dir / a.page)
    pages = {a.summary.article.id: out_dir / a.page for a in done if a.summary is not None and a.page}
    event_paths = write_event_pages(events, out_dir, pages, index=out_dir / INDEX_NAME)
    written += event_paths
    event_entries = [EventEntry(e, href("", p.relative_to(out_dir).as_posix())) for e, p in zip(events, event_paths,
                                                                                               strict=True)]
    entries = [IndexEntry(a.path, a.status, a.error, href("", a.page) if a.page else None, a.summary)
               for a in articles]
    write_text_atomic(out_dir / INDEX_NAME, index_page(entries, event_entries, title=f"Review: {out_dir.name}",
                                                       downloads=downloads))
    written.append(out_dir / INDEX_NAME)
    return written
