"""One summary in the output format a command was asked for: JSON, Markdown, HTML review page or CSV row."""

from __future__ import annotations

from pathlib import Path

from ..export_csv import articles_csv
from ..render import to_markdown
from ..review import article_page, find_article_text
from ..schema import EventSummary

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
