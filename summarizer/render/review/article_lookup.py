"""Finding the article a saved summary was made from, so its page can show the text.

A summary holds offsets and quotes, not the article. The text is taken from the file given, else from the file
beside the summary with '.json' removed (`results/x.txt.json` -> `results/x.txt`), and only used when its
content hash is the summary's article id, or when it was given explicitly (then any mismatch is stated).
"""

from __future__ import annotations

from pathlib import Path

from summarizer.contract.event import EventSummary
from summarizer.errors import InputError
from summarizer.files.inputs import article_id, read_article


def find_article_text(summary_path: Path | None, summary: EventSummary,
                      article: Path | None = None) -> tuple[str | None, list[str]]:
    """(article text or None, notes for the page). Raises InputError only for an explicit unreadable file."""
    if article is not None:
        text = read_article(article)
        if article_id(text) != summary.article.id:
            return text, [f"{article} is not the text this summary was made from (article id {article_id(text)}, "
                          f"summary {summary.article.id}); items whose quote is not at its offsets are listed "
                          "under 'Not highlighted'."]
        return text, []
    if summary_path is not None and summary_path.name.endswith(".json"):
        beside = summary_path.with_name(summary_path.name[: -len(".json")])
        if beside.is_file():
            try:
                text = read_article(beside)
            except InputError:
                return None, []
            if article_id(text) == summary.article.id:
                return text, []
    return None, []
