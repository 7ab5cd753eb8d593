"""A summary (or a consolidated event) in the output format a command was asked for: JSON, Markdown, an HTML
review page or CSV."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from summarizer.consolidate.report import render_markdown
from summarizer.contract.consolidated import ConsolidatedEvent
from summarizer.contract.event import EventSummary
from summarizer.errors import InputError
from summarizer.render.csv_export import articles_csv, events_csv
from summarizer.render.markdown import to_markdown
from summarizer.render.review import article_page, event_page, find_article_text
from summarizer.render.review.site import EVENTS_DIR, article_pages, page_links

FORMATS = ("json", "md", "html", "csv")


def render_as(summary: EventSummary, fmt: str, *, text: str | None = None, name: str | None = None,
              summary_path: Path | None = None, article: Path | None = None) -> str:
    """`text` is the article when the caller has it; else it is looked up from `article` or beside the summary."""
    if fmt == "md":
        return to_markdown(summary)
    if fmt == "csv":
        return articles_csv([(name or (summary_path.name if summary_path else ""), summary)])
    if fmt == "html":
        notes: list[str] = []
        if text is None:
            text, notes = find_article_text(summary_path, summary, article)
        return article_page(summary, text, name=name or (str(summary_path) if summary_path else None), notes=notes)
    return summary.model_dump_json(indent=2) + "\n"


def render_event_as(event: ConsolidatedEvent, fmt: str, *, event_path: Path | None = None) -> str:
    """A consolidated event; its HTML page links to article pages found beside the summaries of its folder."""
    if fmt == "md":
        return render_markdown(event)
    if fmt == "csv":
        return events_csv([event])
    if fmt == "html":
        pages: dict[str, Path] = {}
        if event_path is not None and event_path.parent.name == EVENTS_DIR:
            pages = article_pages([event_path.parent.parent])
        return event_page(event, page_links(pages, event_path.parent if event_path else Path.cwd()))
    return event.model_dump_json(indent=2) + "\n"


def render_file(path: Path, fmt: str, *, article: Path | None = None) -> str:
    """Read a saved summary or consolidated event and render it; InputError says why a file is neither."""
    try:
        raw = path.read_text(encoding="utf-8")
        data = json.loads(raw)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from exc
    except (UnicodeDecodeError, ValueError) as exc:
        raise InputError(f"{path}: not an event summary (not JSON: {exc})") from exc
    try:
        if isinstance(data, dict) and "consolidated_version" in data and "event_id" in data:
            return render_event_as(ConsolidatedEvent.model_validate(data), fmt, event_path=path)
        summary = EventSummary.model_validate(data)
    except ValidationError as exc:
        raise InputError(f"{path}: not an event summary ({str(exc).splitlines()[0]})") from exc
    return render_as(summary, fmt, summary_path=path, article=article)
